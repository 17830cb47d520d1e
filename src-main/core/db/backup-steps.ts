/**
 * The daily backup of a large record, taken while the doctor works: SQLite's
 * online backup API copies a few pages per event-loop turn, so an autosave
 * waits for one step (about a millisecond) instead of the whole copy (seconds
 * with ten years of records, as `VACUUM INTO` does). Writes made through the
 * same connection during the copy are carried into it by SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** Pages copied per step: 64 pages of 4 KiB is ~0.2–1 ms of work on a laptop. */
export const PAGES_PER_STEP = 64;

export async function backupInSteps(
  db: Database.Database,
  target: string,
  pagesPerStep = PAGES_PER_STEP,
): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.partial`;
  fs.rmSync(temp, { force: true });
  try {
    await db.backup(temp, { progress: () => pagesPerStep });
    // Patient data: readable by the doctor's account only, whatever the umask.
    fs.chmodSync(temp, 0o600);
    // The rename makes a half-written backup impossible to mistake for a good one.
    fs.renameSync(temp, target);
    return target;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The daily backup of a large record, taken while the doctor works: SQLite's
 * online backup API copies a few pages per event-loop turn, so an autosave
 * waits for one step (about a millisecond) instead of the whole copy (seconds
 * with ten years of records, as `VACUUM INTO` does). Writes made through the
 * same connection during the copy are carried into it by SQLite. When the
 * checkpoint worker runs, the app hands it the whole copy instead (VACUUM INTO
 * on the worker's own connection): the app's thread then does no backup work.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/** Pages copied per step: 64 pages of 4 KiB is ~0.2–1 ms of work on a laptop. */
export const PAGES_PER_STEP = 64;

/** Copies the database to a file off the app's thread (checkpointer.ts); null when it cannot. */
export type CopyOffThread = (target: string) => Promise<void> | null;

export async function backupInSteps(
  db: Database.Database,
  target: string,
  pagesPerStep = PAGES_PER_STEP,
  copyOffThread?: CopyOffThread,
): Promise<string> {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.partial`;
  fs.rmSync(temp, { force: true });
  try {
    // Off the app's thread when a worker can (even a step's copying, and the copy's final fsync, then never
    // hold up a save); in steps on this thread otherwise.
    await (copyOffThread?.(temp) ?? db.backup(temp, { progress: () => pagesPerStep }));
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

/** Online backups with SQLite's backup API: consistent while the app runs. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupInSteps, type CopyOffThread } from './backup-steps.js';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files.js';
import { ensureRoom } from './disk-space.js';

export const BACKUPS_KEPT = 10;

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Copies the open database into backupsDir synchronously; returns the file. */
export function backupNow(db: Database.Database, backupsDir: string, label: string, at: Date): string {
  fs.mkdirSync(backupsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(backupsDir, PRIVATE_DIR_MODE);
  const target = path.join(backupsDir, `consultdeck-${stamp(at)}-${label}.sqlite`);
  const temp = `${target}.partial`;
  // VACUUM INTO writes a consistent copy synchronously; the rename makes a
  // half-written backup impossible to mistake for a good one.
  db.prepare('VACUUM INTO ?').run(temp);
  // A backup holds every record: private before it gets its final name.
  fs.chmodSync(temp, PRIVATE_FILE_MODE);
  fs.renameSync(temp, target);
  pruneBackups(backupsDir, BACKUPS_KEPT);
  return target;
}

export function listBackups(backupsDir: string): string[] {
  if (!fs.existsSync(backupsDir)) return [];
  return fs
    .readdirSync(backupsDir)
    .filter((name) => name.endsWith('.sqlite'))
    .sort()
    .reverse()
    .map((name) => path.join(backupsDir, name));
}

function pruneBackups(backupsDir: string, keep: number): void {
  for (const file of listBackups(backupsDir).slice(keep)) fs.rmSync(file, { force: true });
}

/** True when the backup file opens and passes quick_check. */
export function verifyBackup(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily backup while the app runs: copied in small steps (backup-steps.ts), so saves keep landing
 * during the copy; the oldest backups beyond the kept number are removed once it is in place.
 */
export async function backupDailyInSteps(
  db: Database.Database,
  backupsDir: string,
  now: Date,
  copyOffThread?: CopyOffThread,
): Promise<string | null> {
  const newest = listBackups(backupsDir)[0];
  if (newest && now.getTime() - fs.statSync(newest).mtimeMs < DAY_MS) return null;
  // The backup is optional and the record is not: never fill the disk the store writes to.
  const bytes = Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
  fs.mkdirSync(backupsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  ensureRoom(backupsDir, bytes, 'the daily backup');
  const target = await backupInSteps(
    db,
    path.join(backupsDir, `consultdeck-${stamp(now)}-daily.sqlite`),
    undefined,
    copyOffThread,
  );
  pruneBackups(backupsDir, BACKUPS_KEPT);
  return target;
}

/** Takes the daily backup if the newest one is older than a day (or there is none). */
export function backupIfDue(db: Database.Database, backupsDir: string, now: Date): string | null {
  const newest = listBackups(backupsDir)[0];
  if (newest && now.getTime() - fs.statSync(newest).mtimeMs < DAY_MS) return null;
  return backupNow(db, backupsDir, 'daily', now);
}

/** True when the file opens and passes SQLite's full integrity_check (every page, every index). */
export function passesIntegrityCheck(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform lets a folder be opened for fsync (Windows); the rename is still atomic.
  }
}

/**
 * Puts a backup in place of the database file, while no store has it open. Nothing is lost at any
 * step, even on a full disk or a crash: the backup is copied beside the database and checked there
 * (integrity_check), and only then renamed over it in one atomic step. The database it replaces is
 * kept beside it (a hard link, so it costs no space, plus its WAL), never deleted.
 */
export function restoreBackup(file: string, backupsDir: string, choice: string, now: Date): string {
  const source = choice === 'latest' ? listBackups(backupsDir)[0] : path.resolve(choice);
  if (!source || !fs.existsSync(source)) throw new Error(`No backup found (${choice}) in ${backupsDir}.`);
  if (!verifyBackup(source)) throw new Error(`The backup ${source} does not pass SQLite's quick_check.`);
  const dir = path.dirname(file);
  ensureRoom(dir, fs.statSync(source).size, 'the restored copy');
  const temp = `${file}.restoring`;
  try {
    fs.copyFileSync(source, temp);
    fs.chmodSync(temp, PRIVATE_FILE_MODE);
    fsyncFile(temp);
    // The copy, not only the backup, is checked: a short write or a bad sector shows here.
    if (!passesIntegrityCheck(temp)) throw new Error(`The copy of ${source} does not pass integrity_check.`);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (fs.existsSync(file)) {
    const kept = `${file}.replaced-${stamp(now)}`;
    // The current file stays in place (a second name for it) until the new one replaces it.
    fs.linkSync(file, kept);
    // Its WAL holds the latest saves: it goes with the kept copy, and must not be applied to the backup.
    if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${kept}-wal`);
    fs.rmSync(`${file}-shm`, { force: true });
  }
  fs.renameSync(temp, file);
  fsyncDir(dir);
  return source;
}

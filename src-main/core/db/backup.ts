/** Online backups with SQLite's backup API: consistent while the app runs. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const BACKUPS_KEPT = 10;

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** Copies the open database into backupsDir synchronously; returns the file. */
export function backupNow(db: Database.Database, backupsDir: string, label: string, at: Date): string {
  fs.mkdirSync(backupsDir, { recursive: true });
  const target = path.join(backupsDir, `consultdeck-${stamp(at)}-${label}.sqlite`);
  const temp = `${target}.partial`;
  // VACUUM INTO writes a consistent copy synchronously; the rename makes a
  // half-written backup impossible to mistake for a good one.
  db.prepare('VACUUM INTO ?').run(temp);
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

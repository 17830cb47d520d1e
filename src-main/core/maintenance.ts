/**
 * Upkeep of the record file: warnings kept from start-up for the console, the backups on disk, a
 * restore asked for in Settings, and the leftovers a crash may leave.
 *
 * A restore is applied at the next start, before the store opens: the running store holds the file
 * open (and its WAL), and swapping it underneath would let saves land in the replaced file — the
 * split record of finding M3. So Settings checks the backup and records the request; the doctor
 * restarts ConsultDeck, which puts the backup in place (restoreBackup: copy, check, atomic rename).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, MaintenanceStatus, MaintenanceWarning } from '../../src-shared/contract/index.js';
import { ApiError } from '../../src-shared/errors.js';
import { listBackups, restoreBackup, verifyBackup } from './db/backup.js';

export const RESTORE_REQUEST_FILE = 'restore-request.json';

export class Maintenance {
  readonly #dataDir: string;
  readonly #warnings: MaintenanceWarning[] = [];
  readonly #onChange: (status: MaintenanceStatus) => void;

  constructor(dataDir: string, onChange: (status: MaintenanceStatus) => void = () => undefined) {
    this.#dataDir = dataDir;
    this.#onChange = onChange;
  }

  get backupsDir(): string {
    return path.join(this.#dataDir, 'backups');
  }

  warn(warning: MaintenanceWarning): void {
    this.#warnings.push(warning);
    this.#onChange(this.status());
  }

  status(): MaintenanceStatus {
    return { warnings: [...this.#warnings], pendingRestore: readRestoreRequest(this.#dataDir) };
  }

  /** Newest first, with what a doctor needs to choose: when, how large, how many consultations. */
  backups(): BackupInfo[] {
    return listBackups(this.backupsDir).map((file) => {
      const stat = fs.statSync(file);
      return {
        name: path.basename(file),
        takenAt: stat.mtime.toISOString(),
        sizeBytes: stat.size,
        consultations: countConsultations(file),
      };
    });
  }

  /** Checks the backup now (so a bad one is refused at once) and asks for it at the next start. */
  requestRestore(name: string): MaintenanceStatus {
    const file = this.#backupFile(name);
    if (!passes(file))
      throw new ApiError('CONFLICT', `The backup ${name} does not pass SQLite's check; choose another.`, 'name');
    const request = path.join(this.#dataDir, RESTORE_REQUEST_FILE);
    fs.writeFileSync(`${request}.partial`, JSON.stringify({ name }), { mode: 0o600 });
    fs.renameSync(`${request}.partial`, request);
    const status = this.status();
    this.#onChange(status);
    return status;
  }

  /** A backup by its listed name only: never a path the caller made up. */
  #backupFile(name: string): string {
    const file = listBackups(this.backupsDir).find((candidate) => path.basename(candidate) === name);
    if (!file) throw new ApiError('NOT_FOUND', `There is no backup named ${name}.`, 'name');
    return file;
  }
}

function passes(file: string): boolean {
  try {
    return verifyBackup(file);
  } catch {
    return false;
  }
}

function readRestoreRequest(dataDir: string): string | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(dataDir, RESTORE_REQUEST_FILE), 'utf8')) as { name?: unknown };
    return typeof value.name === 'string' ? value.name : null;
  } catch {
    return null;
  }
}

function countConsultations(file: string): number | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (db.prepare('SELECT count(*) AS n FROM consultations').get() as { n: number }).n;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * At start, before the store opens: the restore asked for in Settings. It never loses the current
 * record (restoreBackup keeps it beside the restored one) and a failure leaves it in use, with a
 * warning for the console.
 */
export function applyPendingRestore(dataDir: string, dbFile: string, now: Date): MaintenanceWarning | null {
  const name = readRestoreRequest(dataDir);
  if (name === null) return null;
  const backupsDir = path.join(dataDir, 'backups');
  const requestFile = path.join(dataDir, RESTORE_REQUEST_FILE);
  try {
    const source = listBackups(backupsDir).find((file) => path.basename(file) === name);
    if (!source) throw new Error(`the backup ${name} is no longer there`);
    restoreBackup(dbFile, backupsDir, source, now);
    return {
      code: 'restored',
      message: `ConsultDeck started on the backup ${name}. The record it replaced is kept in the data folder.`,
    };
  } catch (error) {
    return {
      code: 'restore-failed',
      message: `The backup ${name} was not restored: ${(error as Error).message} The current record is in use, unchanged.`,
    };
  } finally {
    fs.rmSync(requestFile, { force: true });
  }
}

/** Temp files a crash can leave (a backup or restore cut short); none is ever a complete file. */
export function cleanLeftovers(dataDir: string, dbFile: string): string[] {
  const removed: string[] = [];
  const candidates = [
    `${dbFile}.restoring`,
    path.join(dataDir, `${RESTORE_REQUEST_FILE}.partial`),
    ...safeList(path.join(dataDir, 'backups'))
      .filter((name) => name.endsWith('.partial'))
      .map((name) => path.join(dataDir, 'backups', name)),
  ];
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  if (removed.length > 0) console.error(`[consultdeck] removed leftovers of an interrupted run: ${removed.join(', ')}`);
  return removed;
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Opening the store. Every open sets and then checks the settings that keep
 * acknowledged saves on disk (WAL + synchronous=FULL; draft autosaves relax it per write, durability.ts), refuses a database it
 * does not recognise without touching the file, backs up before migrating.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listMigrations, migrate, type Migration } from './migrate.js';
import { backupNow, listBackups } from './backup.js';
import { freeBytes, megabytes } from './disk-space.js';
import { probeStructure } from './integrity.js';
import { makeFilesPrivate, PRIVATE_DIR_MODE } from './private-files.js';

export type Db = Database.Database;

export type DatabaseProblem = 'corrupt' | 'newer' | 'settings' | 'unreadable' | 'missing' | 'disk-full';

/** Why the store could not be opened, in words a physician can act on. */
export class DatabaseOpenError extends Error {
  readonly problem: DatabaseProblem;
  readonly file: string;
  constructor(problem: DatabaseProblem, file: string, message: string) {
    super(message);
    this.name = 'DatabaseOpenError';
    this.problem = problem;
    this.file = file;
  }
}

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  backupsDir: string;
  now?: () => Date;
}

/**
 * synchronous=FULL (2) in WAL mode: a commit waits for the WAL to reach the disk, so a signature, an amendment,
 * a correction or an export's audit row survive a power cut. Draft autosaves alone commit under NORMAL
 * (`durability.ts`: in the WAL before the save answers, on disk with the next full commit or checkpoint).
 */
export const REQUIRED_SETTINGS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1 } as const;

/** Names the database in its folder once it exists, so a missing file is noticed, never replaced by an empty one. */
export const MARKER_FILE = 'database-marker.json';

function markerNames(file: string): boolean {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(path.dirname(file), MARKER_FILE), 'utf8')) as {
      database?: unknown;
    };
    return marker.database === path.basename(file);
  } catch {
    return false;
  }
}

function writeMarker(file: string, now: Date): void {
  if (markerNames(file)) return;
  const marker = path.join(path.dirname(file), MARKER_FILE);
  fs.writeFileSync(marker, JSON.stringify({ database: path.basename(file), since: now.toISOString() }), {
    mode: 0o600,
  });
}

export function openDatabase(options: OpenOptions): Db {
  const migrations = listMigrations(options.migrationsDir);
  const known = migrations.at(-1)?.version ?? 0;
  const existing = fs.existsSync(options.file);
  if (!existing && markerNames(options.file)) throw missingDatabase(options.file, options.backupsDir);
  const version = existing ? inspectReadOnly(options.file, known) : 0;
  fs.mkdirSync(path.dirname(options.file), { recursive: true, mode: PRIVATE_DIR_MODE });
  let db: Db;
  try {
    db = new Database(options.file);
  } catch (error) {
    throw explainOpenFailure(options.file, error);
  }
  try {
    applySettings(db);
    // SQLite creates the file, -wal and -shm with the umask's mode (often 0644).
    makeFilesPrivate([options.file, `${options.file}-wal`, `${options.file}-shm`]);
    checkSettings(db, options.file);
    const pending = migrations.filter((m: Migration) => m.version > version);
    if (pending.length > 0 && version > 0) {
      backupNow(db, options.backupsDir, `before-migration-${version}`, options.now?.() ?? new Date());
    }
    migrate(db, pending);
    writeMarker(options.file, options.now?.() ?? new Date());
    return db;
  } catch (error) {
    db.close();
    throw error instanceof DatabaseOpenError ? error : explainOpenFailure(options.file, error);
  }
}

/** False for a path that exists but is not a regular file this process may read and write. */
function readableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function missingDatabase(file: string, backupsDir: string): DatabaseOpenError {
  const backups = listBackups(backupsDir);
  const offer =
    backups.length > 0
      ? `${backups.length} backup(s) are in ${backupsDir}, the newest ${path.basename(backups[0] as string)}. ` +
        'Start from it with: npm run serve -- --from-backup latest (or put the database file back).'
      : `No backup was found in ${backupsDir}. Put the database file back, or ask your IT support.`;
  return new DatabaseOpenError(
    'missing',
    file,
    `The database ${file} is missing: this folder had one, and no new empty database was created. ${offer}`,
  );
}

/**
 * The message for a file SQLite could not open or write: a full disk and a file the app may not read
 * are different problems with different remedies (neither is helped by restoring a backup).
 */
function explainOpenFailure(file: string, error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  const free = freeBytes(path.dirname(file));
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (free !== null && free < 64 * 1024)) {
    return new DatabaseOpenError(
      'disk-full',
      file,
      `The disk holding ${file} is full (${megabytes(free ?? 0)} free). The record was not changed and is not ` +
        'damaged: do not restore a backup. Free some disk space, then start ConsultDeck again.',
    );
  }
  if (
    !readableFile(file) ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_PERM'
  ) {
    return new DatabaseOpenError(
      'unreadable',
      file,
      `ConsultDeck may not open ${file} (${(error as Error).message}): check that the file and its folder belong to ` +
        'your user account. The file was not changed: do not restore a backup.',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

function applySettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  // Set explicitly (the default differs between builds): see REQUIRED_SETTINGS for why FULL.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** The settings as SQLite reports them; the app refuses to run without them. */
export function readSettings(db: Db): { journal_mode: string; synchronous: number; foreign_keys: number } {
  return {
    journal_mode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreign_keys: Number(db.pragma('foreign_keys', { simple: true })),
  };
}

function checkSettings(db: Db, file: string): void {
  const actual = readSettings(db);
  for (const [key, wanted] of Object.entries(REQUIRED_SETTINGS)) {
    if (actual[key as keyof typeof actual] !== wanted) {
      throw new DatabaseOpenError(
        'settings',
        file,
        `The database setting ${key} is ${String(actual[key as keyof typeof actual])}, not ${String(wanted)}.`,
      );
    }
  }
}

/** Reads the schema version without writing a byte to the file. */
function inspectReadOnly(file: string, known: number): number {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = Number(db.pragma('user_version', { simple: true }));
    // The quick part only (see integrity.ts): the full check runs after start, off the main thread.
    probeStructure(db);
    if (version > known) {
      throw new DatabaseOpenError(
        'newer',
        file,
        `This database was written by a newer version of ConsultDeck (schema ${version}, this app knows ${known}). ` +
          'Install the newer version, or start from a backup (npm run serve -- --from-backup latest). The file was not changed.',
      );
    }
    return version;
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw error;
    const explained = explainOpenFailure(file, error);
    if (explained instanceof DatabaseOpenError) throw explained;
    throw new DatabaseOpenError(
      'corrupt',
      file,
      `The database file ${file} cannot be read (${(error as Error).message}). ` +
        'It was not changed. Keep a copy for your IT support, and start from a backup (npm run serve -- --from-backup latest).',
    );
  } finally {
    db?.close();
  }
}

/**
 * Opening the store. Every open sets and then checks the settings that keep
 * acknowledged saves on disk (WAL + synchronous=FULL), refuses a database it
 * does not recognise without touching the file, backs up before migrating.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listMigrations, migrate, type Migration } from './migrate.js';
import { backupNow } from './backup.js';
import { probeStructure } from './integrity.js';
import { makeFilesPrivate, PRIVATE_DIR_MODE } from './private-files.js';

export type Db = Database.Database;

export type DatabaseProblem = 'corrupt' | 'newer' | 'settings' | 'unreadable';

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

export const REQUIRED_SETTINGS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1 } as const;

export function openDatabase(options: OpenOptions): Db {
  const migrations = listMigrations(options.migrationsDir);
  const known = migrations.at(-1)?.version ?? 0;
  const existing = fs.existsSync(options.file);
  const version = existing ? inspectReadOnly(options.file, known) : 0;
  fs.mkdirSync(path.dirname(options.file), { recursive: true, mode: PRIVATE_DIR_MODE });
  const db = new Database(options.file);
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
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function applySettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  // Set explicitly: some builds default to NORMAL under WAL, which can lose
  // the last committed notes on power loss.
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

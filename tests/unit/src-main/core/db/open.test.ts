import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase, readSettings, type Db } from '../../../../../src-main/core/db/open.js';
import { listMigrations, migrate } from '../../../../../src-main/core/db/migrate.js';
import { listBackups, verifyBackup } from '../../../../../src-main/core/db/backup.js';
import { appRoot } from '../../../helpers/test-core.js';

const migrationsDir = path.join(appRoot, 'db');
const migrationFiles = fs.readdirSync(migrationsDir).filter((name) => name.endsWith('.sql'));

interface Place {
  dir: string;
  file: string;
  backupsDir: string;
}

function place(): Place {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-open-'));
  return { dir, file: path.join(dir, 'consultdeck.sqlite'), backupsDir: path.join(dir, 'backups') };
}

const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
});

function open(where: Place, dir = migrationsDir, now = new Date('2026-11-23T09:00:00.000Z')): Db {
  const db = openDatabase({ file: where.file, migrationsDir: dir, backupsDir: where.backupsDir, now: () => now });
  opened.push(db);
  return db;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
    (row) => row.name,
  );
}

/** A complete database at the current schema, closed (so the WAL is checkpointed into the file). */
function currentDatabase(where: Place): void {
  open(where).close();
}

/** The open must fail with this problem, and leave the file byte for byte as it was. */
function expectRefused(where: Place, problem: DatabaseOpenError['problem']): DatabaseOpenError {
  const before = sha256(where.file);
  let caught: unknown;
  try {
    open(where);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DatabaseOpenError);
  const error = caught as DatabaseOpenError;
  expect(error.problem).toBe(problem);
  expect(error.file).toBe(where.file);
  expect(sha256(where.file)).toBe(before);
  // A read-only look may leave an empty -wal beside the file, never one holding pages.
  const wal = `${where.file}-wal`;
  if (fs.existsSync(wal)) expect(fs.statSync(wal).size).toBe(0);
  expect(listBackups(where.backupsDir)).toEqual([]);
  return error;
}

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL and foreign keys on a new database and again on every later open', () => {
    const where = place();
    const first = open(where);
    expect(readSettings(first)).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1 });
    expect(Number(first.pragma('busy_timeout', { simple: true }))).toBe(5000);
    first.close();
    // synchronous is per connection, never stored in the file: a reopen must set it again.
    const plain = new Database(where.file);
    plain.pragma('synchronous = OFF');
    expect(Number(plain.pragma('synchronous', { simple: true }))).toBe(0);
    plain.close();
    const second = open(where);
    expect(readSettings(second)).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1 });
  });

  it('enforces foreign keys on the opened connection', () => {
    const db = open(place());
    expect(() =>
      db
        .prepare(
          "INSERT INTO consultations (id, patient_id, physician, started_at, language, updated_at) VALUES ('c1', 'no-such-patient', 'Dr A', 'x', 'en', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('applies every migration in db/, leaving user_version at the number of migration files', () => {
    expect(migrationFiles.length).toBeGreaterThanOrEqual(2);
    const db = open(place());
    expect(Number(db.pragma('user_version', { simple: true }))).toBe(migrationFiles.length);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['patients', 'consultations', 'slide_views', 'audit_log', 'record_search_keys']),
    );
  });

  it('reopens an up-to-date database without migrating again or taking a backup', () => {
    const where = place();
    const db = open(where);
    db.prepare("INSERT INTO settings (key, value) VALUES ('clinicName', '\"Kept\"')").run();
    db.close();
    const again = open(where);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'clinicName'").get()).toEqual({ value: '"Kept"' });
    expect(listBackups(where.backupsDir)).toEqual([]);
  });

  it('refuses a database written by a newer version, saying so, without changing the file', () => {
    const where = place();
    currentDatabase(where);
    const raw = new Database(where.file);
    raw.pragma('user_version = 99');
    raw.close();
    const error = expectRefused(where, 'newer');
    expect(error.message).toMatch(/newer version of ConsultDeck/);
    expect(error.message).toContain(`schema 99, this app knows ${migrationFiles.length}`);
    expect(error.message).toMatch(/not changed/);
    // The refused file still says 99: nothing downgraded it.
    const check = new Database(where.file, { readonly: true });
    expect(Number(check.pragma('user_version', { simple: true }))).toBe(99);
    check.close();
  });

  it('refuses a file of random bytes as corrupt without changing it', () => {
    const where = place();
    fs.writeFileSync(where.file, randomBytes(64 * 1024));
    const error = expectRefused(where, 'corrupt');
    expect(error.message).toContain(where.file);
    expect(error.message).toMatch(/cannot be read/);
    expect(error.message).toMatch(/backup/);
  });

  it('refuses a valid database whose header page was overwritten, without changing it', () => {
    const where = place();
    currentDatabase(where);
    const bytes = fs.readFileSync(where.file);
    const pageSize = bytes.readUInt16BE(16);
    randomBytes(pageSize).copy(bytes, 0);
    fs.writeFileSync(where.file, bytes);
    expectRefused(where, 'corrupt');
  });

  it('refuses a database whose inner pages are damaged (quick_check fails), without changing it', () => {
    const where = place();
    currentDatabase(where);
    const bytes = fs.readFileSync(where.file);
    const pageSize = bytes.readUInt16BE(16);
    // Pages 2 to 6 are the roots of the first tables and indexes: give them an impossible page type.
    bytes.fill(0xa5, pageSize, 6 * pageSize);
    fs.writeFileSync(where.file, bytes);
    expectRefused(where, 'corrupt');
  });

  it('takes a backup that passes quick_check before migrating an older database', () => {
    const where = place();
    const all = listMigrations(migrationsDir);
    const old = new Database(where.file);
    old.pragma('journal_mode = WAL');
    migrate(old, all.slice(0, 1));
    old
      .prepare("INSERT INTO patients (id, code, created_at) VALUES ('p1', 'P-0001', '2026-01-01T00:00:00.000Z')")
      .run();
    old.close();

    const db = open(where, migrationsDir, new Date('2026-11-23T09:00:00.000Z'));
    expect(Number(db.pragma('user_version', { simple: true }))).toBe(all.length);
    expect(db.prepare('SELECT code FROM patients').all()).toEqual([{ code: 'P-0001' }]);

    const backups = listBackups(where.backupsDir);
    expect(backups).toHaveLength(1);
    const backup = backups[0] as string;
    expect(path.basename(backup)).toBe('consultdeck-2026-11-23T09-00-00-000Z-before-migration-1.sqlite');
    expect(verifyBackup(backup)).toBe(true);
    // The backup is the database as it was before the migration: version 1 with its patient.
    const copy = new Database(backup, { readonly: true });
    expect(Number(copy.pragma('user_version', { simple: true }))).toBe(1);
    expect(copy.prepare('SELECT code FROM patients').all()).toEqual([{ code: 'P-0001' }]);
    expect(tableNames(copy)).not.toContain('record_search_keys');
    copy.close();
  });

  it('rolls back a migration that fails halfway: user_version stays 1 and its first table is not there', () => {
    const where = place();
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-migrations-'));
    const first = migrationFiles.find((name) => name.startsWith('0001_')) as string;
    fs.copyFileSync(path.join(migrationsDir, first), path.join(broken, first));
    fs.writeFileSync(
      path.join(broken, '0002_broken.sql'),
      'CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO half_done (id) VALUES (1);\nTHIS IS NOT SQL;\n',
    );

    expect(() => open(where, broken)).toThrow(/syntax error/);

    const check = new Database(where.file, { readonly: true });
    expect(Number(check.pragma('user_version', { simple: true }))).toBe(1);
    expect(tableNames(check)).toContain('patients');
    expect(tableNames(check)).not.toContain('half_done');
    check.close();

    // Opening again with the broken set fails the same way; with the real set it recovers.
    expect(() => open(where, broken)).toThrow(/syntax error/);
    const fixed = open(where);
    expect(Number(fixed.pragma('user_version', { simple: true }))).toBe(migrationFiles.length);
    expect(tableNames(fixed)).not.toContain('half_done');
  });

  it('refuses a migrations folder with a gap in its numbering before touching the database', () => {
    const where = place();
    const gap = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-migrations-'));
    fs.writeFileSync(path.join(gap, '0001_a.sql'), 'CREATE TABLE a (id INTEGER);');
    fs.writeFileSync(path.join(gap, '0003_c.sql'), 'CREATE TABLE c (id INTEGER);');
    expect(() => open(where, gap)).toThrow(/0003_c\.sql is out of sequence/);
    expect(fs.existsSync(where.file)).toBe(false);
  });
});

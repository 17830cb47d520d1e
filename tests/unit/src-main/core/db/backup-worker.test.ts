import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupOnWorker } from '../../../../../src-main/core/db/backup-worker.js';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const undo of cleanup.splice(0).reverse()) undo();
});

/** A WAL database of a few thousand pages, as the app opens it. */
function record(rows = 4000): { db: Database.Database; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-backup-worker-'));
  const file = path.join(dir, 'consultdeck.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`note ${i} `.repeat(400));
  })();
  cleanup.push(() => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, file, dir };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('daily backup on a worker thread', () => {
  it('copies a consistent snapshot while saves keep landing, private and complete', async () => {
    const { db, file, dir } = record();
    const target = path.join(dir, 'backups', 'daily.sqlite');
    // Small steps: the copy takes many of them, and the saves below run while it does.
    const job = backupOnWorker(file, target, 64, 1);
    let finished = false;
    void job.done.then(() => (finished = true));
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    let savedDuringCopy = 0;
    for (let i = 0; i < 50 && !finished; i += 1) {
      insert.run(`typed while the backup runs ${i}`);
      if (!finished) savedDuringCopy += 1;
      await turn();
    }
    expect(await job.done).toBe(target);
    expect(savedDuringCopy).toBeGreaterThan(0);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    // Everything written before the copy began, nothing half of what came after (one snapshot).
    const rows = copy.prepare('SELECT count(*) FROM notes').pluck().get() as number;
    expect(rows).toBeGreaterThanOrEqual(4000);
    expect(rows).toBeLessThanOrEqual(4000 + savedDuringCopy);
    expect(copy.prepare("SELECT count(*) FROM notes WHERE body LIKE 'note %'").pluck().get()).toBe(4000);
    copy.close();
    // The app's saves all landed in the record itself.
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBeGreaterThanOrEqual(4000 + savedDuringCopy);
  });

  it('stops when the app closes: its connection is closed first, nothing half-written is left', async () => {
    const { db, file, dir } = record();
    const target = path.join(dir, 'backups', 'daily.sqlite');
    const job = backupOnWorker(file, target, 4);
    const outcome = job.done.then(
      () => 'finished',
      (error: Error) => error.message,
    );
    // Let the worker open its connection and copy a few steps, then close as the app does.
    await expect.poll(() => fs.existsSync(`${target}.partial`)).toBe(true);
    job.stop();
    db.close();
    // The app's connection was the last one: SQLite folded the WAL in and removed it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(await outcome).toMatch(/stopped/);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('reports a failure and leaves no file when the database cannot be read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-backup-worker-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const target = path.join(dir, 'backups', 'daily.sqlite');
    const job = backupOnWorker(path.join(dir, 'missing.sqlite'), target);
    await expect(job.done).rejects.toThrow();
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupInSteps } from '../../../../../src-main/core/db/backup-steps.js';
import { verifyBackup } from '../../../../../src-main/core/db/backup.js';
import { startCheckpointer } from '../../../../../src-main/core/db/checkpointer.js';
import { makeTestCore } from '../../../helpers/test-core.js';

function clinicName(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Settings values are stored as JSON.
    return JSON.parse(
      (db.prepare("SELECT value FROM settings WHERE key = 'clinicName'").get() as { value: string }).value,
    ) as string;
  } finally {
    db.close();
  }
}

/** A test core whose database holds `rows` rows of 1 kB in a table `bulk`: a copy that takes many steps. */
function coreWithBulk(rows: number, row: (i: number) => string = (i) => `${i}`.padEnd(1000, 'x')) {
  const t = makeTestCore();
  const db = t.core.services.db;
  db.exec('CREATE TABLE bulk (v TEXT)');
  const insert = db.prepare('INSERT INTO bulk VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(row(i));
  })();
  return { t, db };
}

describe('backup in steps (the daily backup while the doctor works)', () => {
  it('lets saves run between its steps, and the copy holds what was saved before it finished', async () => {
    // Enough pages that the copy takes many steps.
    const { t, db } = coreWithBulk(3000, () => 'x'.repeat(1000));
    const target = path.join(t.dataDir, 'backups', 'stepped.sqlite');
    const copying = backupInSteps(db, target, 8);
    // A save made while the copy is under way lands at once and is in the copy.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await t.call('settings.update', { clinicName: 'Saved during the backup' });
    const savedDuringCopy = !fs.existsSync(target);
    await copying;
    expect(savedDuringCopy).toBe(true);
    expect(verifyBackup(target)).toBe(true);
    expect(clinicName(target)).toBe('Saved during the backup');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    t.close();
  });

  it('copies on the worker thread while saves land, into a valid, complete, private file', async () => {
    // About 20 MB: a copy that takes far longer than one save.
    const { t, db } = coreWithBulk(20_000);
    const worker = startCheckpointer(db, path.join(t.dataDir, 'consultdeck.sqlite'));
    const target = path.join(t.dataDir, 'backups', 'worker.sqlite');
    const order: string[] = [];
    const copying = backupInSteps(db, target, undefined, (temp) => worker.copyTo(temp)).then(() =>
      order.push('copy done'),
    );
    // t.call answers only when the save landed (it throws otherwise).
    await t.call('settings.update', { clinicName: 'Saved during the backup' });
    order.push('save landed');
    await copying;
    worker.close();
    // The app's thread was free: the save answered before the copy was over.
    expect(order).toEqual(['save landed', 'copy done']);
    expect(clinicName(path.join(t.dataDir, 'consultdeck.sqlite'))).toBe('Saved during the backup');
    expect(verifyBackup(target)).toBe(true);
    const copy = new Database(target, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(20_000);
    copy.close();
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    // Closed worker: no copy off the thread; the caller falls back to steps.
    expect(worker.copyTo(`${target}.again`)).toBeNull();
    t.close();
  });

  it('copies one moment of the record while saves keep landing in pairs, and finishes (never restarts)', async () => {
    const { t, db } = coreWithBulk(20_000);
    db.exec('CREATE TABLE left_half (n INTEGER); CREATE TABLE right_half (n INTEGER)');
    // Each save writes both halves in one transaction: a copy that mixed two moments would hold unequal halves.
    const savePair = db.transaction((n: number) => {
      db.prepare('INSERT INTO left_half VALUES (?)').run(n);
      db.prepare('INSERT INTO right_half VALUES (?)').run(n);
    });
    const worker = startCheckpointer(db, path.join(t.dataDir, 'consultdeck.sqlite'));
    const target = path.join(t.dataDir, 'backups', 'moment.sqlite');
    let done = false;
    const copying = backupInSteps(db, target, undefined, (temp) => worker.copyTo(temp)).then(() => (done = true));
    let saves = 0;
    while (!done) {
      savePair(saves);
      saves += 1;
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
    }
    await copying;
    worker.close();
    const copy = new Database(target, { readonly: true, fileMustExist: true });
    const left = copy.prepare('SELECT count(*) FROM left_half').pluck().get() as number;
    expect(copy.prepare('SELECT count(*) FROM right_half').pluck().get()).toBe(left);
    expect(copy.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(20_000);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    // Saves went on during the copy, and the ones after its moment are in the database, not in the copy.
    expect(saves).toBeGreaterThan(left);
    expect(db.prepare('SELECT count(*) FROM left_half').pluck().get()).toBe(saves);
    t.close();
  });

  it('stops a running copy when the app closes, and closes without waiting for it to finish', async () => {
    const { t, db } = coreWithBulk(40_000);
    const worker = startCheckpointer(db, path.join(t.dataDir, 'consultdeck.sqlite'));
    const target = path.join(t.dataDir, 'backups', 'stopped.sqlite');
    const copying = backupInSteps(db, target, undefined, (temp) => worker.copyTo(temp));
    // Let the copy get under way (its first steps), then close as core does at quit.
    while (!fs.existsSync(`${target}.partial`)) await new Promise<void>((resolve) => setTimeout(resolve, 1));
    worker.close();
    await expect(copying).rejects.toThrow();
    // No backup that could be mistaken for a good one, and the database closes cleanly after.
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    t.close();
    expect(fs.existsSync(path.join(t.dataDir, 'consultdeck.sqlite-wal'))).toBe(false);
  });

  it('leaves no half-written file when the copy fails', async () => {
    const t = makeTestCore();
    const target = path.join(t.dataDir, 'backups', 'failing.sqlite');
    t.close(); // a closed connection cannot be copied
    await expect(backupInSteps(t.core.services.db, target)).rejects.toThrow();
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
  });
});

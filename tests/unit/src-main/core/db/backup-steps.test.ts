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

describe('backup in steps (the daily backup while the doctor works)', () => {
  it('lets saves run between its steps, and the copy holds what was saved before it finished', async () => {
    const t = makeTestCore();
    const db = t.core.services.db;
    // Enough pages that the copy takes many steps.
    db.exec('CREATE TABLE bulk (v TEXT)');
    const insert = db.prepare('INSERT INTO bulk VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 3000; i += 1) insert.run('x'.repeat(1000));
    })();
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
    const t = makeTestCore();
    const db = t.core.services.db;
    // About 20 MB: a copy that takes far longer than one save.
    db.exec('CREATE TABLE bulk (v TEXT)');
    const insert = db.prepare('INSERT INTO bulk VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 20_000; i += 1) insert.run(`${i}`.padEnd(1000, 'x'));
    })();
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

  it('leaves no half-written file when the copy fails', async () => {
    const t = makeTestCore();
    const target = path.join(t.dataDir, 'backups', 'failing.sqlite');
    t.close(); // a closed connection cannot be copied
    await expect(backupInSteps(t.core.services.db, target)).rejects.toThrow();
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupInSteps } from '../../../../../src-main/core/db/backup-steps.js';
import { verifyBackup } from '../../../../../src-main/core/db/backup.js';
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

  it('leaves no half-written file when the copy fails', async () => {
    const t = makeTestCore();
    const target = path.join(t.dataDir, 'backups', 'failing.sqlite');
    t.close(); // a closed connection cannot be copied
    await expect(backupInSteps(t.core.services.db, target)).rejects.toThrow();
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT,
  backupIfDue,
  listBackups,
  restoreBackup,
  verifyBackup,
} from '../../../../../src-main/core/db/backup.js';
import { makeTestCore } from '../../../helpers/test-core.js';

describe('backups', () => {
  it('takes a daily backup after start, not twice the same day, and keeps the last N', async () => {
    const t = makeTestCore();
    const dir = path.join(t.dataDir, 'backups');
    expect(await t.core.dailyBackup).toContain('daily');
    expect(listBackups(dir)).toHaveLength(1);
    expect(verifyBackup(listBackups(dir)[0] as string)).toBe(true);
    expect(backupIfDue(t.core.services.db, dir, t.now())).toBeNull();
    for (let i = 0; i < BACKUPS_KEPT + 3; i += 1) {
      const file = listBackups(dir)[0] as string;
      fs.utimesSync(file, new Date(0), new Date(0));
      expect(backupIfDue(t.core.services.db, dir, new Date(t.now().getTime() + (i + 1) * 1000))).not.toBeNull();
    }
    expect(listBackups(dir)).toHaveLength(BACKUPS_KEPT);
    for (const file of listBackups(dir)) expect(verifyBackup(file)).toBe(true);
    t.close();
  });

  it('starts from the latest backup, keeping the replaced database beside it', async () => {
    const t = makeTestCore();
    await t.call('settings.update', { clinicName: 'Before the backup' });
    await t.core.dailyBackup;
    fs.utimesSync(listBackups(path.join(t.dataDir, 'backups'))[0] as string, new Date(0), new Date(0));
    t.close();
    const again = makeTestCore({ dataDir: t.dataDir });
    await again.call('settings.update', { clinicName: 'After the backup' });
    again.close();
    const file = path.join(t.dataDir, 'consultdeck.sqlite');
    const used = restoreBackup(file, path.join(t.dataDir, 'backups'), 'latest', new Date());
    expect(used).toContain('daily');
    expect(fs.readdirSync(t.dataDir).some((f) => f.startsWith('consultdeck.sqlite.replaced-'))).toBe(true);
    const restored = makeTestCore({ dataDir: t.dataDir });
    expect((await restored.call('settings.get', {})).clinicName).toBe('Before the backup');
    restored.close();
  });

  it('refuses a backup that does not pass quick_check', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bad-backup-'));
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'not a database');
    expect(() => restoreBackup(path.join(dir, 'consultdeck.sqlite'), dir, bad, new Date())).toThrow();
  });
});

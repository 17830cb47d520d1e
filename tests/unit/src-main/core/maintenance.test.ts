/**
 * M4 (disk pressure) and the restore asked for in Settings (H3), on real SQLite files; the disk
 * cases on a real small tmpfs.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../../../src-main/core/db/open.js';
import { listBackups } from '../../../../src-main/core/db/backup.js';
import { makeTestCore } from '../../helpers/test-core.js';
import { mountSmallDisk, SKIP_NO_MOUNT, type SmallDisk } from '../../helpers/small-disk.js';

let disk: SmallDisk | null = null;
afterEach(() => {
  disk?.unmount();
  disk = null;
});

function openError(dataDir: string): DatabaseOpenError {
  try {
    makeTestCore({ dataDir }).close();
  } catch (error) {
    return error as DatabaseOpenError;
  }
  throw new Error('core started');
}

describe('disk pressure', () => {
  it('skips the daily backup with a warning for the console when space is short, and still starts', async (ctx) => {
    disk = mountSmallDisk(8);
    if (!disk) return ctx.skip(SKIP_NO_MOUNT);
    const dataDir = path.join(disk.dir, 'data');
    makeTestCore({ dataDir }).close();
    for (const file of listBackups(path.join(dataDir, 'backups'))) fs.rmSync(file);
    disk.fill(1024 * 1024);
    const t = makeTestCore({ dataDir });
    expect(await t.core.dailyBackup).toBeNull();
    const status = await t.call('maintenance.status', {});
    expect(status.warnings).toEqual([
      { code: 'backup-skipped-disk', message: expect.stringMatching(/backup was skipped.*not enough free disk space/) },
    ]);
    expect(t.pushes.some((p) => p.event === 'maintenance.changed')).toBe(true);
    // The app works: a save lands.
    await t.call('settings.update', { clinicName: 'Still saving' });
    expect((await t.call('settings.get', {})).clinicName).toBe('Still saving');
    expect(listBackups(path.join(dataDir, 'backups'))).toEqual([]);
    t.close();
  });

  it('says the disk is full (not that the file cannot be read) when there is no space at all', async (ctx) => {
    disk = mountSmallDisk(8);
    if (!disk) return ctx.skip(SKIP_NO_MOUNT);
    const dataDir = path.join(disk.dir, 'data');
    const t = makeTestCore({ dataDir });
    await t.call('settings.update', { clinicName: 'Kept' });
    t.close();
    disk.fill(0);
    const error = openError(dataDir);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error.problem).toBe('disk-full');
    expect(error.message).toMatch(/is full.*not damaged: do not restore a backup/);
    fs.rmSync(path.join(disk.dir, 'filler.bin'));
    const again = makeTestCore({ dataDir });
    expect((await again.call('settings.get', {})).clinicName).toBe('Kept');
    again.close();
  });

  it('says the file cannot be opened, with what to check, for a database the app may not read', () => {
    const t = makeTestCore();
    t.close();
    const file = path.join(t.dataDir, 'consultdeck.sqlite');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    // As root every file is readable: a folder where the file should be cannot be opened either.
    fs.mkdirSync(file);
    const error = openError(t.dataDir);
    expect(error.problem).toBe('unreadable');
    expect(error.message).toMatch(/may not open .*do not restore a backup/);
    expect(error.message).not.toMatch(/is full/);
  });
});

describe('restore from a backup in Settings', () => {
  it('lists backups with size and consultations, restores at the next start, and audits the request', async () => {
    const t = makeTestCore();
    const patient = await t.call('patients.create', {
      displayName: 'Ada Example',
      code: 'PX-1',
      hospitalNumber: 'H-1',
      birthDate: '1941-03-02',
      sex: 'female',
    });
    await t.call('consultations.start', { patientId: patient.id });
    await t.core.dailyBackup;
    await t.call('settings.update', { clinicName: 'After the backup' });
    const { backups } = await t.call('maintenance.backups', {});
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ consultations: 1, sizeBytes: expect.any(Number) });
    const bad = await t.raw('maintenance.restore', { name: '../consultdeck.sqlite' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A damaged file among the backups is listed as unreadable and refused.
    fs.writeFileSync(path.join(t.dataDir, 'backups', 'consultdeck-0000-damaged.sqlite'), 'not a database');
    const damaged = await t.raw('maintenance.restore', { name: 'consultdeck-0000-damaged.sqlite' });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'name' } });
    expect((await t.call('maintenance.backups', {})).backups.at(-1)).toMatchObject({ consultations: null });
    const patientOnly = await t.raw('maintenance.restore', { name: backups[0]!.name }, 'patient');
    expect(patientOnly).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const status = await t.call('maintenance.restore', { name: backups[0]!.name });
    expect(status.pendingRestore).toBe(backups[0]!.name);
    const audit = t.core.services.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'backup.restore-requested'")
      .all() as Array<{ detail: string }>;
    expect(audit).toEqual([{ detail: backups[0]!.name }]);
    // Nothing changes until the next start.
    expect((await t.call('settings.get', {})).clinicName).toBe('After the backup');
    t.close();
    const next = makeTestCore({ dataDir: t.dataDir });
    expect((await next.call('settings.get', {})).clinicName).not.toBe('After the backup');
    const after = await next.call('maintenance.status', {});
    expect(after.pendingRestore).toBeNull();
    expect(after.warnings[0]).toMatchObject({ code: 'restored' });
    expect(fs.readdirSync(t.dataDir).some((f) => f.startsWith('consultdeck.sqlite.replaced-'))).toBe(true);
    next.close();
  });

  it('removes the temp files a crash left, and only those', () => {
    const t = makeTestCore();
    t.close();
    const leftovers = [
      path.join(t.dataDir, 'consultdeck.sqlite.restoring'),
      path.join(t.dataDir, 'backups', 'consultdeck-2026-daily.sqlite.partial'),
    ];
    fs.mkdirSync(path.join(t.dataDir, 'backups'), { recursive: true });
    for (const file of leftovers) fs.writeFileSync(file, 'half');
    const next = makeTestCore({ dataDir: t.dataDir });
    for (const file of leftovers) expect(fs.existsSync(file), file).toBe(false);
    expect(
      new Database(path.join(t.dataDir, 'consultdeck.sqlite'), { readonly: true }).pragma('user_version', {
        simple: true,
      }),
    ).toBeGreaterThan(0);
    next.close();
  });
});

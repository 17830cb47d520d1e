/**
 * H3: a restore cannot lose data (full disk, damaged backup), and a database that has gone missing is
 * reported with the backups, never silently replaced by an empty one. On a real 8 MB tmpfs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups, restoreBackup } from '../../../../../src-main/core/db/backup.js';
import { DatabaseOpenError, MARKER_FILE } from '../../../../../src-main/core/db/open.js';
import { makeTestCore } from '../../../helpers/test-core.js';
import { mountSmallDisk, SKIP_NO_MOUNT, type SmallDisk } from '../../../helpers/small-disk.js';

let disk: SmallDisk | null = null;
afterEach(() => {
  disk?.unmount();
  disk = null;
});

/** A data folder on the small disk with a record and one backup; returns the clinic name now saved. */
async function recordWithBackup(dataDir: string): Promise<void> {
  const t = makeTestCore({ dataDir });
  await t.call('settings.update', { clinicName: 'In the backup' });
  await t.core.dailyBackup;
  await t.call('settings.update', { clinicName: 'Saved after the backup' });
  t.close();
}

describe('restore on a full disk', () => {
  it('refuses clearly and leaves the current database as it was', async (ctx) => {
    disk = mountSmallDisk(8);
    if (!disk) return ctx.skip(SKIP_NO_MOUNT);
    const dataDir = path.join(disk.dir, 'data');
    await recordWithBackup(dataDir);
    const file = path.join(dataDir, 'consultdeck.sqlite');
    const before = fs.readFileSync(file);
    disk.fill(64 * 1024);
    expect(() => restoreBackup(file, path.join(dataDir, 'backups'), 'latest', new Date())).toThrow(
      /not enough free disk space.*Nothing was changed/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('.restoring') || f.includes('.replaced-'))).toEqual([]);
    fs.rmSync(path.join(disk.dir, 'filler.bin'));
    const t = makeTestCore({ dataDir });
    expect((await t.call('settings.get', {})).clinicName).toBe('Saved after the backup');
    t.close();
  });

  it('restores when there is room, and keeps the replaced database with its latest saves', async (ctx) => {
    disk = mountSmallDisk(8);
    if (!disk) return ctx.skip(SKIP_NO_MOUNT);
    const dataDir = path.join(disk.dir, 'data');
    await recordWithBackup(dataDir);
    const file = path.join(dataDir, 'consultdeck.sqlite');
    restoreBackup(file, path.join(dataDir, 'backups'), 'latest', new Date('2026-11-28T10:00:00Z'));
    const t = makeTestCore({ dataDir });
    expect((await t.call('settings.get', {})).clinicName).toBe('In the backup');
    t.close();
    // The replaced file, opened where it was kept, still has the saves made after the backup.
    const keptDir = path.join(disk.dir, 'kept');
    fs.mkdirSync(keptDir);
    const kept = fs
      .readdirSync(dataDir)
      .find((f) => f.startsWith('consultdeck.sqlite.replaced-') && !f.endsWith('-wal') && !f.endsWith('-shm'));
    expect(kept).toBeDefined();
    fs.copyFileSync(path.join(dataDir, kept as string), path.join(keptDir, 'consultdeck.sqlite'));
    if (fs.existsSync(path.join(dataDir, `${kept as string}-wal`)))
      fs.copyFileSync(path.join(dataDir, `${kept as string}-wal`), path.join(keptDir, 'consultdeck.sqlite-wal'));
    const old = makeTestCore({ dataDir: keptDir });
    expect((await old.call('settings.get', {})).clinicName).toBe('Saved after the backup');
    old.close();
  });
});

describe('a missing database', () => {
  it('is reported with the backups found, and no empty database is created', async () => {
    const t = makeTestCore();
    await t.core.dailyBackup;
    t.close();
    expect(JSON.parse(fs.readFileSync(path.join(t.dataDir, MARKER_FILE), 'utf8'))).toMatchObject({
      database: 'consultdeck.sqlite',
    });
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(path.join(t.dataDir, `consultdeck.sqlite${suffix}`), { force: true });
    let error: unknown;
    try {
      makeTestCore({ dataDir: t.dataDir });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).problem).toBe('missing');
    expect((error as Error).message).toMatch(
      /is missing.*no new empty database was created.*1 backup\(s\).*--from-backup latest/,
    );
    expect(fs.existsSync(path.join(t.dataDir, 'consultdeck.sqlite'))).toBe(false);
    // Restoring the offered backup brings it back.
    restoreBackup(path.join(t.dataDir, 'consultdeck.sqlite'), path.join(t.dataDir, 'backups'), 'latest', new Date());
    const back = makeTestCore({ dataDir: t.dataDir });
    expect(listBackups(path.join(t.dataDir, 'backups')).length).toBeGreaterThan(0);
    back.close();
  });

  it('a new data folder still starts with a new database', () => {
    const t = makeTestCore();
    expect(fs.existsSync(path.join(t.dataDir, 'consultdeck.sqlite'))).toBe(true);
    t.close();
  });
});

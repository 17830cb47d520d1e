/**
 * H3 and M4 as the doctor meets them: Settings lists the backups (date, size, consultations) and
 * restores one at the next start after a confirmation; a daily backup skipped for lack of space is
 * shown in the console, which still works.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, startHost, test, type RunningHost } from './fixtures.js';
import { DoctorConsole } from './page-models/doctor-console.js';

const SHOTS = '/work/shots/tC';

async function openConsole(browser: Browser, host: RunningHost): Promise<DoctorConsole> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(await host.url('doctor'));
  const doctor = new DoctorConsole(page);
  await doctor.ready();
  return doctor;
}

test('restore from a backup in Settings: listed, confirmed, applied at the next start', async ({ browser }) => {
  const first = await startHost();
  let second: RunningHost | null = null;
  try {
    const doctor = await openConsole(browser, first);
    expect((await doctor.call('settings.update', { clinicName: 'Clinic as backed up' })).ok).toBe(true);
    // The daily backup is taken after the start-up check: wait until it is there.
    const backups = path.join(first.dataDir, 'backups');
    await expect
      .poll(() => fs.existsSync(backups) && fs.readdirSync(backups).some((f) => f.endsWith('.sqlite')))
      .toBe(true);
    // A backup taken before today's change: the record moves on after it.
    const name = fs.readdirSync(backups).find((f) => f.endsWith('.sqlite')) as string;
    const db = await doctor.call('settings.update', { clinicName: 'Clinic changed after the backup' });
    expect(db.ok).toBe(true);

    const page = doctor.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const panel = page.getByTestId('restore-backup');
    await panel.getByRole('button', { name: 'Show backups' }).click();
    const row = panel.getByRole('row').nth(1);
    await expect(row).toContainText('MB');
    await expect(row.getByRole('cell').nth(2)).toHaveText('0');
    await row.getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toContainText('the current record is kept in the data folder');
    await page.screenshot({ path: `${SHOTS}/restore-confirm.png` });
    await dialog.getByRole('button', { name: 'Restore at next start' }).click();
    await expect(panel.getByRole('status')).toContainText(
      `The backup ${name} will be restored when ConsultDeck next starts`,
    );
    await page.screenshot({ path: `${SHOTS}/restore-pending.png` });
    // Nothing changed yet.
    const now = (await doctor.call('settings.get', {})) as { value: { clinicName: string } };
    expect(now.value.clinicName).toBe('Clinic changed after the backup');
    await page.context().close();
    await first.stop();

    second = await startHost(first.dataDir);
    const after = await openConsole(browser, second);
    await expect(after.page.getByTestId('maintenance-warnings')).toContainText(`started on the backup ${name}`);
    const restored = (await after.call('settings.get', {})) as { value: { clinicName: string } };
    expect(restored.value.clinicName).not.toBe('Clinic changed after the backup');
    expect(fs.readdirSync(first.dataDir).some((f) => f.startsWith('consultdeck.sqlite.replaced-'))).toBe(true);
    await after.page.screenshot({ path: `${SHOTS}/restore-done.png` });
  } finally {
    await second?.stop();
    if (first.process.exitCode === null) await first.stop();
  }
});

test('a daily backup skipped for lack of disk space is shown in the console, which still saves', async ({
  browser,
}) => {
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-e2e-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    test.skip(true, 'cannot mount a tmpfs here (needs root)');
  }
  const dataDir = path.join(mount, 'data');
  try {
    // A first run creates the record; the disk is then filled but for 1 MB, and today's backup removed.
    const setup = await startHost(dataDir);
    await setup.stop();
    fs.rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });
    const stats = fs.statfsSync(mount);
    fs.writeFileSync(
      path.join(mount, 'filler'),
      Buffer.alloc(Number(stats.bavail) * Number(stats.bsize) - 1024 * 1024),
    );
    const host = await startHost(dataDir);
    try {
      const doctor = await openConsole(browser, host);
      await expect(doctor.page.getByTestId('maintenance-warnings')).toContainText("Today's backup was skipped");
      await expect(doctor.page.getByTestId('maintenance-warnings')).toContainText('MB is free');
      // The console is whole: the playlist has loaded its decks.
      await expect(doctor.page.getByRole('region', { name: 'Playlist' })).toContainText('Osteoporosis');
      await doctor.page.screenshot({ path: `${SHOTS}/backup-skipped-warning.png` });
      expect((await doctor.call('settings.update', { clinicName: 'Saved on a nearly full disk' })).ok).toBe(true);
    } finally {
      await host.stop();
    }
  } finally {
    execFileSync('umount', ['-l', mount], { stdio: 'ignore' });
    fs.rmSync(mount, { recursive: true, force: true });
  }
});

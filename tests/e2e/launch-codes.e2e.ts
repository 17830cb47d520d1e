/**
 * H2: what another user of the computer can read (`ps -eo args`, a saved address) grants nothing.
 * The window is opened as `npm start` does, with the address on Chromium's command line (`--app=`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src-main/host/chromium-flags.js';
import { expect, test } from './fixtures.js';

test('a launch address read from ps after the window opened grants nothing, and no token is on any command line', async ({
  host,
}) => {
  const address = await host.url('doctor');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-launch-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--app=${address}`],
  });
  try {
    await expect.poll(() => context.pages().find((p) => p.url().endsWith('/doctor/')) !== undefined).toBe(true);
    const page = context.pages().find((p) => p.url().endsWith('/doctor/'));
    await expect(page!.getByRole('toolbar', { name: 'Presentation controls' })).toBeVisible();
    // What any local user sees.
    const processes = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    const seen = processes.match(/http:\/\/127\.0\.0\.1:\d+\/doctor\/\?code=[\w-]+/)?.[0];
    expect(seen).toBe(address);
    expect(processes).not.toContain(host.doctorToken);
    expect(processes).not.toContain(host.patientToken);
    const reused = await fetch(seen!, { redirect: 'manual' });
    expect(reused.status).toBe(401);
    expect(reused.headers.get('set-cookie')).toBeNull();
    expect(await reused.text()).toMatch(/used or has expired/);
    // And it does not call in with it: no session, no record.
    const call = await fetch(`${host.origin}/api/consultations.history`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-consultdeck-token': 'doctor' },
      body: '{}',
    });
    expect(call.status).toBe(401);
    // The window itself keeps working after a reload (its session is in the HttpOnly cookie).
    await page!.reload();
    await expect(page!.getByRole('toolbar', { name: 'Presentation controls' })).toBeVisible();
    expect(await page!.evaluate(() => document.cookie)).toBe('');
  } finally {
    await context.close();
  }
});

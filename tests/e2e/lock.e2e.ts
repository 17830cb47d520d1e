/**
 * Issue 11, M7: a lock that locks. Before: "Unlock" asked for nothing, the API kept answering while
 * locked, and a reload started unlocked. Now: Settings warns until a PIN is set; Ctrl+L locks; the
 * patient screen goes neutral; a reload is still locked; the API answers LOCKED; wrong PINs are
 * slowed down; the right PIN unlocks.
 */
import { expect, test } from './fixtures.js';
import { RecordPanel } from './page-models/record-panel.js';

const PIN = '2468 ginkgo';

test('lock with a PIN: Ctrl+L, reload still locked, the API refuses, wrong PINs rate-limited, right PIN unlocks', async ({
  doctor,
  patient,
}) => {
  const page = doctor.page;
  const record = new RecordPanel(page);
  await record.openTab('Settings');
  const warning = page.getByTestId('no-pin-warning');
  await expect(warning).toBeVisible();
  await page.screenshot({ path: '/work/shots/tD/settings-no-pin.png' });
  const settings = page.getByTestId('lock-settings');
  await settings.getByLabel(/^PIN/).fill(PIN);
  await settings.getByLabel('Repeat it').fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'PIN set' })).toBeVisible();
  await expect(warning).toBeHidden();

  await record.openTab('Present');
  await doctor.startPresenting();
  await page.keyboard.press('Control+L');
  const lockScreen = page.getByTestId('lock-screen');
  await expect(lockScreen).toBeVisible();
  await patient.expectIdle();

  await page.reload();
  await expect(lockScreen).toBeVisible();
  await expect(page.getByLabel('PIN or passphrase')).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Presentation controls' })).toHaveCount(0);
  expect(await doctor.call('consultations.history', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  expect(await doctor.call('presentation.next', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

  const pinField = page.getByLabel('PIN or passphrase');
  const unlock = lockScreen.getByRole('button', { name: 'Unlock' });
  for (const wrong of ['1111', '2222']) {
    await pinField.fill(wrong);
    await unlock.click();
    await expect(lockScreen.getByRole('alert')).toHaveText('Wrong PIN.');
  }
  await pinField.fill('3333');
  await unlock.click();
  await expect(lockScreen.getByRole('alert')).toHaveText(/^Wrong PIN\. Try again in \d+ s\.$/);
  // Too soon: even the right PIN is not heard.
  await pinField.fill(PIN);
  await unlock.click();
  await expect(lockScreen.getByRole('alert')).toHaveText(/^Too many wrong tries\. Try again in \d+ s\.$/);
  await expect(lockScreen).toBeVisible();
  await page.screenshot({ path: '/work/shots/tD/lock-rate-limited.png' });

  // Once the delay is over (core says when), the right PIN unlocks.
  await expect
    .poll(async () => ((await doctor.call('session.state', {})).value as { retryAfterMs: number }).retryAfterMs, {
      timeout: 10_000,
    })
    .toBe(0);
  await pinField.fill(PIN);
  await unlock.click();
  await expect(lockScreen).toBeHidden();
  await doctor.ready();
  expect(await doctor.call('consultations.history', {})).toMatchObject({ ok: true });
});

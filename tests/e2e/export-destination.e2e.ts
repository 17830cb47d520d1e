/**
 * Browser mode's answer to the desktop's save dialog: the export dialog says
 * where the files will go, and Settings refuse an export folder that does not
 * exist or cannot be written to, when it is saved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.js';

test('Settings check the export folder when saved; the export dialog shows it as the destination', async ({
  host,
  doctor,
}) => {
  const page = doctor.page;
  const patient = await doctor.call('patients.create', {
    displayName: 'Margrit Aebischer',
    birthDate: '1944',
    sex: 'female',
  });
  expect(patient).toMatchObject({ ok: true });
  const patientId = (patient.value as { id: string }).id;
  expect(await doctor.call('consultations.start', { patientId, language: 'de' })).toMatchObject({ ok: true });

  // The default destination first: `exports` in the data folder.
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export consultation' });
  await expect(dialog.getByTestId('export-destination')).toContainText(path.join(host.dataDir, 'exports'));
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // A folder that does not exist is refused with the reason, and nothing is saved.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const folderInput = page.getByLabel(/Export folder/);
  const missing = path.join(host.dataDir, 'no-such-folder');
  await folderInput.fill(missing);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    `The export folder ${missing} does not exist. Create it first, or choose another folder. The settings were not changed.`,
  );
  expect(await doctor.call('settings.get', {})).toMatchObject({ ok: true, value: { exportFolder: '' } });

  // A real, writable folder is saved and becomes the destination.
  const chosen = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-e2e-exports-'));
  await folderInput.fill(chosen);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Saved at');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export consultation' });
  await expect(dialog.getByTestId('export-destination')).toContainText(chosen);
  await dialog.getByRole('checkbox', { name: /Text for the health record/ }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
  const files = dialog.getByRole('list', { name: 'Files written' }).getByRole('listitem');
  await expect(files).toHaveCount(2, { timeout: 30_000 });
  await expect(files.first()).toContainText(chosen);
  await page.screenshot({ path: '/work/shots/h5/export-dialog-destination.png' });
  expect(fs.readdirSync(chosen).length).toBe(2);
});

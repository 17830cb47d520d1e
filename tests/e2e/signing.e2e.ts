/**
 * For a busy physician: signing lists every open warning to acknowledge
 * first; patient details are corrected with a reason; quick entries name
 * slides by title; disabled buttons look disabled; form errors speak in
 * labels; a first start says how to begin; a missing clinic contact is
 * flagged in Settings and at export.
 *
 * H8_SHOTS_DIR=/some/folder saves screenshots (the sign dialog with warnings).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import type { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';

const PHYSICIAN = 'Dr. Lea Brandt';

async function ok<T>(doctor: DoctorConsole, name: string, input: unknown): Promise<T> {
  const answer = await doctor.call(name, input);
  expect(answer, `${name}: ${JSON.stringify(answer.error)}`).toMatchObject({ ok: true });
  return answer.value as T;
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.H8_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name) });
}

/** A disabled button as a user sees it: not clickable, grey, the not-allowed cursor. */
async function expectLooksDisabled(button: Locator): Promise<void> {
  await expect(button).toBeDisabled();
  await expect(button).toHaveCSS('cursor', 'not-allowed');
  await expect(button).toHaveCSS('background-color', 'rgb(228, 231, 236)');
}

test('first start: how to begin, and the missing clinic contact is flagged', async ({ doctor }) => {
  const record = new RecordPanel(doctor.page);
  await record.openTab('Record');
  await expect(doctor.page.getByTestId('no-patients')).toHaveText('No patients yet — New patient… to start.');
  await record.openTab('Settings');
  await expect(doctor.page.getByTestId('contact-missing')).toContainText('No clinic contact');
  await doctor.page.getByLabel(/^Clinic contact/).fill('Spitalstrasse 1, 8000 Zürich, 044 555 00 00');
  await expect(doctor.page.getByTestId('contact-missing')).toBeHidden();
});

test('a form error speaks in labels, and agrees with the form', async ({ doctor }) => {
  const record = new RecordPanel(doctor.page);
  await record.openTab('Record');
  await doctor.page.getByRole('button', { name: 'New patient…' }).click();
  const form = doctor.page.getByRole('form', { name: 'New patient' });
  await form.getByRole('radio', { name: 'Year only' }).check();
  await form.getByLabel('Year of birth').fill('1950');
  await form.getByLabel('Sex').selectOption({ label: 'Female' });
  await form.getByRole('button', { name: 'Create patient' }).click();
  const error = form.getByRole('alert');
  await expect(error).toHaveText('Name: enter the name, or only a pseudonymous code to keep the record anonymous');
  await expect(error).not.toContainText('displayName');
  await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('signing shows what is signed and every warning, each to acknowledge', async ({ doctor, patient }) => {
  test.setTimeout(90_000);
  const page = doctor.page;
  const record = new RecordPanel(page);
  await record.openTab('Record');
  await record.findOrCreatePatient({ name: 'Margrit Steiner', birthYear: '1944', sex: 'Female' });
  await record.startConsultation();

  // No physician name yet: the button is there, and looks and is disabled.
  await expectLooksDisabled(record.finalizeButton);
  await expect(page.getByText('Enter your name in Settings: it signs the record.')).toBeVisible();
  await record.setPhysicianName(PHYSICIAN);
  await record.openTab('Record');

  // A quick entry names the slide on screen by its titles, never by ids.
  await ok(doctor, 'presentation.start', {});
  const risks = await ok<{ slides: { id: string }[] }>(doctor, 'decks.get', {
    id: 'augmentation-risks',
    language: 'en',
  });
  const cementLeak = risks.slides.findIndex((slide) => slide.id === 'risk-cement-leak');
  await ok(doctor, 'presentation.goto', { deckId: 'augmentation-risks', slideIndex: cementLeak });
  await patient.expectSlide('risk-cement-leak');
  await record.addQuickEntry('Asks about the cement');
  await expect(record.quickEntries.first()).toContainText(/on screen: .+: .*[Cc]ement/);
  await expect(record.quickEntries.first()).not.toContainText(/augmentation-risks|risk-cement-leak/);
  await expectLooksDisabled(page.getByRole('button', { name: 'Add', exact: true }));

  // Red flag, augmentation chosen, nothing else: the conservative block goes away.
  await record.grade('L1').selectOption('2');
  await record.redFlag(/Suspected tumour/).check();
  await expect(record.decision.getByRole('group', { name: 'Conservative measures' })).toBeVisible();
  await record.choosePath('Augmentation');
  await expect(record.decision.getByRole('group', { name: 'Conservative measures' })).toHaveCount(0);
  await record.expectSectionsSaved();
  // The checklist follows the slides live: wait until the cement slide counts as shown (3 s), so the
  // set of warnings is final before signing (a warning arriving later must be ticked too).
  await expect(record.risk('Cement leak').row).toContainText(/shown \d/, { timeout: 10_000 });

  await record.finalizeButton.click();
  const dialog = record.signDialog;
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Margrit Steiner');
  await expect(dialog).toContainText('Fractured levels: L1 grade 2');
  await expect(dialog).toContainText('Path: Augmentation');
  await expect(dialog).toContainText('Slides shown: 2 slides');
  const warnings = dialog.getByTestId('sign-warnings').getByRole('checkbox');
  await expect(dialog.getByTestId('sign-warnings')).toContainText('Red flags are recorded (suspected tumour');
  await expect(dialog.getByTestId('sign-warnings')).toContainText(
    'Augmentation is chosen, but no risk is confirmed as discussed.',
  );
  await expect(dialog.getByTestId('sign-warnings')).toContainText('no procedure');
  const count = await warnings.count();
  expect(count).toBeGreaterThanOrEqual(4);
  await expect(dialog.getByRole('heading', { name: `${count} warnings to check` })).toBeVisible();
  const sign = dialog.getByRole('button', { name: `Sign as ${PHYSICIAN}` });
  await shot(page, 'sign-dialog-warnings.png');

  // Each warning must be ticked: with one left, no signature.
  await expectLooksDisabled(sign);
  for (const box of (await warnings.all()).slice(1)) await box.check();
  await expectLooksDisabled(sign);
  await warnings.first().check();
  await expect(sign).toBeEnabled();
  // Cancel and reopen: the acknowledgements start over.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(record.header).toHaveAttribute('data-status', 'draft');
  await record.finalizeButton.click();
  await expect(sign).toBeDisabled();
  for (const box of await warnings.all()) await box.check();
  await sign.click();
  await expect(record.signed).toContainText(`Signed by ${PHYSICIAN}`);
  // The signed record lists the slides shown by title, with the right plural.
  await expect(record.summary).toContainText('2 slides,');
  await expect(record.summary.getByRole('list', { name: 'Slides shown, in order' })).toContainText(/[Cc]ement/);
});

test('patient details are corrected with a reason, and the export flags a missing contact', async ({ doctor }) => {
  test.setTimeout(60_000);
  const page = doctor.page;
  const record = new RecordPanel(page);
  await record.setPhysicianName(PHYSICIAN);
  await record.openTab('Record');
  await record.findOrCreatePatient({ name: 'Hans Mueler', birthYear: '1939', sex: 'Male' });
  await expect(record.chosenPatient('Hans Mueler')).toBeVisible();

  await page.getByRole('button', { name: 'Correct details…' }).click();
  const dialog = page.getByRole('dialog', { name: "Correct the patient's details" });
  await dialog.getByLabel('Name').fill('Hans Müller');
  const save = dialog.getByRole('button', { name: 'Save correction' });
  await expectLooksDisabled(save); // no reason yet
  await dialog.getByLabel('Reason for the correction').fill('Surname misspelled at registration');
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(record.chosenPatient('Hans Müller')).toBeVisible();
  // Found under the corrected name.
  await page.getByRole('button', { name: 'Choose another patient' }).click();
  await record.patientSearch.fill('Müller');
  await expect(page.getByRole('list', { name: 'Matching patients' }).getByRole('button')).toContainText([
    'Hans Müller',
  ]);
  await page.getByRole('list', { name: 'Matching patients' }).getByRole('button').first().click();
  await page.getByRole('button', { name: 'Correct details…' }).click();
  await expect(dialog.getByRole('list', { name: 'Earlier corrections' })).toContainText(
    `${PHYSICIAN}: Surname misspelled at registration`,
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await record.startConsultation();
  await record.header.getByRole('button', { name: 'Export…' }).click();
  const exportDialog = page.getByTestId('export-dialog');
  await expect(exportDialog.getByTestId('export-contact-missing')).toHaveCount(0);
  await exportDialog.getByRole('checkbox', { name: /^Patient leaflet/ }).check();
  await expect(exportDialog.getByTestId('export-contact-missing')).toContainText('The clinic contact is empty');
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // Corrected after signing: the signed record shows the correction beside it, with the original.
  await record.finalize(PHYSICIAN);
  await record.close();
  await page.getByRole('button', { name: /^Hans Müller/ }).click();
  await page.getByRole('button', { name: 'Correct details…' }).click();
  await dialog.getByLabel('Date of birth').fill('1938');
  await dialog.getByLabel('Reason for the correction').fill('Year of birth typed wrongly');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  await record.earlierConsultation('View').first().click();
  const corrections = page.getByTestId('patient-corrections');
  await expect(corrections).toContainText('Patient details corrected (1)');
  await expect(corrections).toContainText(`By ${PHYSICIAN}`);
  await expect(corrections).toContainText('Reason: Year of birth typed wrongly');
  await expect(corrections).toContainText('Birth date: 1939 → 1938');
  await expect(corrections).not.toContainText('Surname misspelled'); // made before this consultation
  await expect(record.signed).toContainText(`Signed by ${PHYSICIAN}`);
});

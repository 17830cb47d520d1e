/**
 * Exports through the running browser-mode host, with the doctor's token:
 * every kind of file for a finalized consultation, written into the data
 * folder's exports, PDFs printed by the host's own Chromium.
 */
import { spawnSync } from 'node:child_process';
import { signWarningIds } from '../../src-shared/contract/index.js';
import fs from 'node:fs';
import path from 'node:path';
import type { DoctorConsole } from './page-models/doctor-console.js';
import { expect, test } from './fixtures.js';

async function ok<T>(doctor: DoctorConsole, name: string, input: unknown): Promise<T> {
  const answer = await doctor.call(name, input);
  expect(answer, `${name}: ${JSON.stringify(answer.error)}`).toMatchObject({ ok: true });
  return answer.value as T;
}

/** A consultation taken through to signing with API calls, as the console would. */
async function finalizedConsultation(
  doctor: DoctorConsole,
  who = { displayName: 'Margrit Aebischer', code: 'E2E-001' },
): Promise<string> {
  await ok(doctor, 'settings.update', {
    physicianName: 'Dr. Lea Roth',
    clinicName: 'Spine Clinic Bern',
    clinicContact: '031 555 01 02',
  });
  const patient = await ok<{ id: string }>(doctor, 'patients.create', {
    ...who,
    birthDate: '1944',
    sex: 'female',
  });
  const { id } = await ok<{ id: string }>(doctor, 'consultations.start', { patientId: patient.id, language: 'de' });
  // A fresh draft: every section at revision 0, each written once below.
  await ok(doctor, 'consultations.updateFindings', {
    id,
    baseRevision: 0,
    findings: { painNow: 6, painSince: null, fracturedLevels: [{ level: 'L1', grade: 2 }], redFlags: [] },
  });
  await ok(doctor, 'consultations.updateDecision', {
    id,
    baseRevision: 0,
    decision: {
      path: 'augmentation',
      conservativeMeasures: [],
      conservativeDetails: '',
      augmentation: { procedure: 'vertebroplasty', levels: ['L1'], anaesthesia: 'local', plannedDate: null },
      referral: '',
      questions: '',
      followUpDate: null,
      sure: { sureOfChoice: true, knowsBenefitsAndRisks: true, clearAboutValues: true, enoughSupport: true },
    },
  });
  await ok(doctor, 'consultations.confirmRisks', {
    id,
    risks: { confirmed: ['cement-leak'], otherText: '' },
    baseRevision: 0,
  });
  await ok(doctor, 'notes.save', { consultationId: id, body: 'Frau Aebischer prefers mornings.', baseRevision: 0 });
  await ok(doctor, 'consultations.finalize', { id, acknowledged: [...signWarningIds] });
  return id;
}

const pdfText = (file: string): string =>
  spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

test('every kind of export of a finalized consultation is written to the exports folder', async ({ host, doctor }) => {
  test.setTimeout(120_000);
  const id = await finalizedConsultation(doctor);
  const kinds = ['clinician-pdf', 'patient-leaflet-pdf', 'record-text', 'fhir-json', 'register-csv'];
  const written: Record<string, string> = {};
  for (const kind of kinds) {
    const { files } = await ok<{ files: Array<{ path: string; bytes: number }> }>(doctor, 'exports.create', {
      consultationIds: [id],
      kind,
      pseudonymize: false,
    });
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(path.dirname(file?.path ?? '')).toBe(path.join(host.dataDir, 'exports'));
    expect(fs.statSync(file?.path ?? '').size).toBe(file?.bytes);
    written[kind] = file?.path ?? '';
  }
  expect(pdfText(written['clinician-pdf'] ?? '')).toContain('Margrit Aebischer');
  expect(pdfText(written['clinician-pdf'] ?? '')).toContain('Signed electronically by Dr. Lea Roth');
  const leaflet = pdfText(written['patient-leaflet-pdf'] ?? '');
  expect(leaflet).toContain('Ihr Gespräch über Ihren Rücken');
  expect(leaflet).toContain('Vertebroplastie');
  expect(leaflet).not.toContain('prefers mornings');
  expect(fs.readFileSync(written['record-text'] ?? '', 'utf8')).toContain('Frau Aebischer prefers mornings.');
  expect(JSON.parse(fs.readFileSync(written['fhir-json'] ?? '', 'utf8'))).toMatchObject({
    resourceType: 'Bundle',
    type: 'document',
  });
  expect(fs.readFileSync(written['register-csv'] ?? '', 'utf8')).toContain(
    'E2E-001,Margrit Aebischer,Dr. Lea Roth,augmentation',
  );
});

test('a pseudonymized export names nobody, and the patient window may not export', async ({ host, doctor }) => {
  const id = await finalizedConsultation(doctor);
  const { files } = await ok<{ files: Array<{ path: string }> }>(doctor, 'exports.create', {
    consultationIds: [id],
    kind: 'clinician-pdf',
    pseudonymize: true,
  });
  const text = pdfText(files[0]?.path ?? '');
  expect(text).toContain('E2E-001');
  expect(text).not.toMatch(/Margrit|Aebischer/);
  const text2 = await ok<{ text: string }>(doctor, 'exports.text', { consultationId: id, pseudonymize: true });
  expect(text2.text).not.toMatch(/Aebischer/);
  const res = await fetch(`${host.origin}/api/exports.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-consultdeck-token': host.patientToken },
    body: JSON.stringify({ consultationIds: [id], kind: 'record-text', pseudonymize: false }),
  });
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('UI: several records from the history, by keyboard, with progress and the list of files', async ({ doctor }) => {
  test.setTimeout(120_000);
  await finalizedConsultation(doctor);
  await finalizedConsultation(doctor, { displayName: 'Urs Zbinden', code: 'E2E-002' });
  const page = doctor.page;
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByRole('button', { name: 'All records' }).click();
  await page.getByRole('checkbox', { name: /Select the record of Margrit Aebischer/ }).check();
  await page.getByRole('checkbox', { name: /Select the record of Urs Zbinden/ }).check();
  await page.getByRole('button', { name: 'Export selected…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export 2 consultations' });
  await expect(dialog).toBeVisible();
  // Keyboard only: Space ticks the register (and must not move a slide), Enter exports.
  await dialog.getByRole('checkbox', { name: /Register of consultations/ }).focus();
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('checkbox', { name: /Register of consultations/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Export' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('3 of 3 done')).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '3');
  const files = dialog.getByRole('list', { name: 'Files written' }).getByRole('listitem');
  await expect(files).toHaveCount(3);
  await expect(files.nth(2)).toContainText('_register_2-consultations.csv');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('UI: one record, pseudonymized, and its text for the health record', async ({ doctor }) => {
  await finalizedConsultation(doctor);
  const page = doctor.page;
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByRole('button', { name: 'All records' }).click();
  await page.getByRole('button', { name: /Open the record of Margrit Aebischer/ }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export consultation' });
  await dialog.getByRole('checkbox', { name: /Pseudonymize/ }).check();
  await dialog.getByRole('checkbox', { name: /Clinician summary/ }).uncheck();
  await dialog.getByRole('checkbox', { name: /Text for the health record/ }).check();
  await dialog.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByRole('list', { name: 'Files written' })).toContainText('E2E-001_record.md');
  await dialog.getByRole('button', { name: 'Copy text for the health record' }).click();
  const copied = dialog.getByText('Copied to the clipboard.');
  const byHand = dialog.getByRole('textbox', { name: /Text for the health record/ });
  await expect(copied.or(byHand)).toBeVisible();
  if (await byHand.isVisible()) await expect(byHand).toHaveValue(/Patient: E2E-001/);
});

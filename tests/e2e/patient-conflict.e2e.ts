/**
 * Issue 11, M1 for patient details: a correction typed on details another
 * window corrected meanwhile is not saved over them; the dialog shows both
 * versions side by side and the doctor keeps theirs or mine.
 * The other window is a second client of the host (its own calls).
 */
import { expect, test } from './fixtures.js';
import type { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';

type PatientValue = { id: string; revision: number; displayName: string; hospitalNumber: string | null };

async function ok<T>(doctor: DoctorConsole, name: string, input: unknown): Promise<T> {
  const answer = await doctor.call(name, input);
  expect(answer, `${name}: ${JSON.stringify(answer.error)}`).toMatchObject({ ok: true });
  return answer.value as T;
}

/** The correction dialog of Rosa Keler open, the name corrected by another window meanwhile, mine typed. */
async function conflictOpen(doctor: DoctorConsole): Promise<{ record: RecordPanel; patient: PatientValue }> {
  await ok(doctor, 'settings.update', { physicianName: 'Dr. Ana Silva' });
  const patient = await ok<PatientValue>(doctor, 'patients.create', {
    displayName: 'Rosa Keler',
    birthDate: '1946',
    sex: 'female',
    hospitalNumber: 'KS-1',
  });
  const record = new RecordPanel(doctor.page);
  await record.openTab('Record');
  await record.findOrCreatePatient({ name: 'Rosa Keler', birthYear: '1946', sex: 'Female' });
  await doctor.page.getByRole('button', { name: 'Correct details…' }).click();
  const dialog = doctor.page.getByTestId('correct-dialog');
  await expect(dialog).toBeVisible();
  // Another window corrects the name first, on the same revision.
  await ok(doctor, 'patients.correct', {
    id: patient.id,
    reason: 'Typo (other window)',
    displayName: 'Rosa Keller',
    baseRevision: patient.revision,
  });
  await dialog.getByLabel('Name').fill('Rosa Kellner');
  await dialog.getByLabel('Reason for the correction').fill('Typo in the surname');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  return { record, patient };
}

test('patient details corrected in two windows: both shown side by side, "Keep mine" saves mine', async ({
  doctor,
}) => {
  const { patient } = await conflictOpen(doctor);
  const conflict = doctor.page.getByTestId('patient-conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('heading')).toHaveText('Corrected in another window meanwhile');
  const name = conflict.getByTestId('conflict-displayName');
  await expect(name.locator('[data-version="theirs"]')).toHaveText('Rosa Keller');
  await expect(name.locator('[data-version="mine"]')).toHaveText('Rosa Kellner');
  await expect(name).toContainText('differs');
  await expect(conflict.getByTestId('conflict-hospitalNumber')).not.toContainText('differs');
  // Nothing of mine landed yet.
  expect((await ok<PatientValue>(doctor, 'patients.get', { id: patient.id })).displayName).toBe('Rosa Keller');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(doctor.page.getByTestId('correct-dialog')).toBeHidden();
  await expect(doctor.page.getByRole('heading', { name: 'Rosa Kellner', level: 2 })).toBeVisible();
  const { corrections } = await ok<{ corrections: Array<{ reason: string }> }>(doctor, 'patients.corrections', {
    id: patient.id,
  });
  expect(corrections.map((c) => c.reason)).toEqual(['Typo (other window)', 'Typo in the surname']);
});

test('patient details corrected in two windows: "Take theirs" keeps the other window\'s and writes nothing', async ({
  doctor,
}) => {
  const { patient } = await conflictOpen(doctor);
  const conflict = doctor.page.getByTestId('patient-conflict');
  await conflict.getByRole('button', { name: 'Take theirs' }).click();
  await expect(doctor.page.getByTestId('correct-dialog')).toBeHidden();
  await expect(doctor.page.getByRole('heading', { name: 'Rosa Keller', level: 2 })).toBeVisible();
  const { corrections } = await ok<{ corrections: unknown[] }>(doctor, 'patients.corrections', { id: patient.id });
  expect(corrections).toHaveLength(1);
  expect((await ok<PatientValue>(doctor, 'patients.get', { id: patient.id })).displayName).toBe('Rosa Keller');
});

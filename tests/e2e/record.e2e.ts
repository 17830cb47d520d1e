/**
 * The Record tab of the doctor console, driven as a physician would: a whole
 * consultation from the patient search to the signed, amended record found
 * again in "All records"; deleting a draft; and keys typed in the notes never
 * moving the patient screen. Presenting is set up through core calls (the
 * presenting keys have their own tests); everything in the record goes
 * through the UI.
 *
 * RECORD_SHOTS_DIR=/some/folder saves screenshots of the record at key moments.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import type { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';

async function slideIds(doctor: DoctorConsole, deckId: string): Promise<string[]> {
  const deck = await doctor.value('decks.get', { id: deckId, language: 'en' });
  return deck.slides.map((s) => s.id);
}

async function ok<T>(doctor: DoctorConsole, name: string, input: unknown): Promise<T> {
  const answer = await doctor.call(name, input);
  expect(answer, `${name}: ${JSON.stringify(answer.error)}`).toMatchObject({ ok: true });
  return answer.value as T;
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.RECORD_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name), fullPage: true });
}

const PHYSICIAN = 'Dr. Anna Keller';
const PATIENT = { name: 'Hedwig Brunner', birthYear: '1941', sex: 'Female' } as const;
const NOTES =
  'Back pain since a fall at home three weeks ago.\nLives alone, climbs two flights of stairs with a cane; daughter Ruth helps.';
const AMENDED = `${NOTES}\nCorrection: she uses a walker, not a cane.`;

test('a doctor records a whole consultation', async ({ doctor, patient }) => {
  test.setTimeout(90_000);
  const page = doctor.page;
  const record = new RecordPanel(page);

  // Who signs: the physician of the settings.
  await record.setPhysicianName(PHYSICIAN);

  // Find the patient (nobody yet), create them, start a consultation.
  await record.openTab('Record');
  await record.findOrCreatePatient(PATIENT);
  await expect(record.chosenPatient(PATIENT.name)).toBeVisible();
  await record.startConsultation();
  await expect(record.header).toContainText(PATIENT.name);
  await expect(record.header).toContainText(PHYSICIAN);
  await expect(record.statusBadge).toHaveText('Draft');

  // Findings: pain 7, L1 grade 2, T12 grade 3; a red flag shows the plain work-up warning.
  await record.painNow.selectOption('7');
  await record.grade('L1').selectOption('2');
  await record.grade('T12').selectOption('3');
  await expect(record.redFlagWarning).toBeHidden();
  await record.redFlag(/New weakness, numbness/).check();
  await expect(record.redFlagWarning).toBeVisible();
  await expect(record.redFlagWarning).toContainText('needs further work-up before any augmentation decision');
  await shot(page, '1-findings-red-flag.png');
  await record.redFlag(/New weakness, numbness/).uncheck();
  await expect(record.redFlagWarning).toBeHidden();

  // Notes are typed, and say "Saved" within about 1.5 s of the last key.
  await record.notes.click();
  await record.notes.pressSequentially(NOTES);
  await record.expectNotesSaved(1_500);
  await record.expectSectionsSaved();

  // A reload in the middle brings back the open draft and its notes exactly.
  await page.reload();
  await doctor.ready();
  await record.openTab('Record');
  await expect(record.header).toHaveAttribute('data-status', 'draft');
  await expect(record.notes).toHaveValue(NOTES);
  await expect(record.painNow).toHaveValue('7');
  await expect(record.grade('L1')).toHaveValue('2');
  await expect(record.grade('T12')).toHaveValue('3');
  await expect(record.redFlag(/New weakness, numbness/)).not.toBeChecked();

  // A quick entry notes the slide on the patient screen at that moment.
  const osteoporosis = await slideIds(doctor, 'osteoporosis');
  await ok(doctor, 'presentation.start', {});
  await ok(doctor, 'presentation.goto', { deckId: 'osteoporosis', slideIndex: 2 });
  await patient.expectSlide(osteoporosis[2] ?? '');
  await record.addQuickEntry('Asks whether she may still carry shopping');
  await expect(record.quickEntries).toHaveCount(1);
  await expect(record.quickEntries.first()).toContainText('Asks whether she may still carry shopping');
  // Named by the deck and slide titles the physician saw, never by ids.
  await expect(record.quickEntries.first()).toContainText(/on screen: .+: .+/);
  await expect(record.quickEntries.first()).not.toContainText(osteoporosis[2] ?? '');

  // Two risk slides on the patient screen for more than 3 s each: suggested, with the time shown.
  const risks = await slideIds(doctor, 'augmentation-risks');
  for (const slideId of ['risk-cement-leak', 'risk-spinal-canal']) {
    await ok(doctor, 'presentation.goto', { deckId: 'augmentation-risks', slideIndex: risks.indexOf(slideId) });
    await patient.expectSlide(slideId);
    await page.waitForTimeout(3_300); // the time shown is the point here
  }
  await ok(doctor, 'presentation.goto', { deckId: 'augmentation-risks', slideIndex: risks.indexOf('risks-summary') });
  await patient.expectSlide('risks-summary');
  const leak = record.risk('Cement leak');
  const canal = record.risk('Cement in the spinal canal');
  const lungs = record.risk('Cement travelling to the lungs');
  // The checklist follows the presentation by itself (quietly, shortly after a slide change).
  await expect(leak.row).toContainText(/shown [34] s/, { timeout: 5_000 });
  await expect(canal.row).toContainText(/shown [34] s/);
  await expect(leak.checkbox).toBeChecked();
  await expect(canal.checkbox).toBeChecked();
  await expect(lungs.row).toContainText('slide not shown');
  await expect(lungs.checkbox).not.toBeChecked();
  await expect(record.risks.getByRole('status')).toHaveText('Suggested from the slides shown – not confirmed yet.');
  await record.confirmRisks();

  // Decision: augmentation by balloon kyphoplasty at L1 under local anaesthesia; SURE 4 of 4.
  await record.choosePath('Augmentation');
  await record.augmentation.getByRole('radio', { name: 'Balloon kyphoplasty' }).check();
  const levels = record.augmentation.getByRole('group', { name: 'Levels to treat' });
  // Only the fractured levels are offered.
  await expect(levels.getByRole('checkbox')).toHaveCount(2);
  await levels.getByRole('checkbox', { name: 'L1', exact: true }).check();
  await record.augmentation.getByRole('radio', { name: 'Local' }).check();
  await expect(record.sureScore).toHaveText('Score: answer all four questions.');
  for (const question of ['Sure of myself', 'Understand information', 'Risk–benefit ratio', 'Encouragement'])
    await record.answerSure(question, 'Yes');
  await expect(record.sureScore).toHaveText('Score: 4 of 4.');
  await record.expectSectionsSaved();
  await shot(page, '2-draft-risks-decision.png');

  // Signing locks the record: no edit controls, signed by the physician of the settings.
  await record.finalize(PHYSICIAN);
  await expect(record.signed).toContainText(`Signed by ${PHYSICIAN}`);
  await expect(record.statusBadge).toHaveText('Signed');
  await expect(record.notes).toHaveCount(0);
  await expect(record.findings).toHaveCount(0);
  await expect(record.decision).toHaveCount(0);
  await expect(record.quickEntry).toHaveCount(0);
  await expect(record.finalizeButton).toHaveCount(0);
  await expect(record.deleteButton).toHaveCount(0); // a signed record offers no delete
  await expect(record.summary).toContainText('Pain now: 7');
  await expect(record.summary).toContainText('Fractured levels: T12 grade 3, L1 grade 2');
  await expect(record.summary).toContainText('Augmentation: Balloon kyphoplasty, levels L1, local anaesthesia');
  await expect(record.summary).toContainText('SURE: 4 of 4');
  await expect(record.summary).toContainText(/Cement leak – discussed \(slide shown [34] s\)/);
  await expect(record.summary).toContainText(/Cement in the spinal canal – discussed \(slide shown [34] s\)/);

  // An amendment of the notes, with its reason, shows beside the signed original.
  await record.amendNotes(AMENDED, 'Walking aid recorded wrongly');
  await expect(record.header).toContainText('Amended (1)');
  await expect(record.amendments).toContainText(`amended by ${PHYSICIAN}`);
  await expect(record.amendments).toContainText('Reason: Walking aid recorded wrongly');
  // Each side is the box under its "Before" / "After" heading.
  const before = record.amendments.getByRole('heading', { name: 'Before' }).locator('..');
  const after = record.amendments.getByRole('heading', { name: 'After' }).locator('..');
  await expect(before).toContainText('climbs two flights of stairs');
  await expect(before).not.toContainText('Correction:');
  await expect(after).toContainText('Correction: she uses a walker');
  await expect(record.summary).toContainText('Correction: she uses a walker'); // the record reads as amended
  await expect(record.signed).toContainText(`Signed by ${PHYSICIAN}`);
  await shot(page, '3-signed-amended.png');

  // Found again in "All records" by a word of the notes, and by the decision.
  await record.close();
  await record.openHistory();
  await record.historySearch.fill('stairs');
  await expect(record.historyCount).toHaveText('1–1 of 1');
  await expect(record.historyRows).toHaveCount(1);
  await expect(record.historyRows.first()).toContainText(PATIENT.name);
  await expect(record.historyRows.first().locator('mark')).toHaveText(/stairs/i);
  await record.historySearch.fill('wheelchair');
  await expect(record.historyCount).toHaveText('No records match.');
  await record.historySearch.fill('');
  await record.historyDecision.selectOption({ label: 'Conservative' });
  await expect(record.historyCount).toHaveText('No records match.');
  await record.historyDecision.selectOption({ label: 'Augmentation' });
  await expect(record.historyCount).toHaveText('1–1 of 1');
  await expect(record.historyRows.first()).toContainText('Augmentation');
  await expect(record.historyRows.first()).toContainText('Signed (amended ×1)');
  await shot(page, '4-all-records.png');

  // Opened from the list: read-only.
  await record.historyRows
    .first()
    .getByRole('button', { name: /^Open the record of Hedwig Brunner/ })
    .click();
  await expect(record.header).toHaveAttribute('data-status', 'finalized');
  await expect(record.summary).toContainText('Correction: she uses a walker');
  await expect(record.summary).toContainText('Asks whether she may still carry shopping');
  await expect(record.notes).toHaveCount(0);
  await expect(record.findings).toHaveCount(0);
  await expect(record.finalizeButton).toHaveCount(0);
  await expect(record.deleteButton).toHaveCount(0);
  await expect(record.page.getByRole('combobox')).toHaveCount(0);
  await expect(record.page.getByRole('checkbox')).toHaveCount(0);
});

test('deleting a draft asks first: cancel keeps it, confirm removes it', async ({ doctor }) => {
  const record = new RecordPanel(doctor.page);
  await record.openTab('Record');
  await record.findOrCreatePatient({ name: 'Otto Gerber', birthYear: '1938', sex: 'Male' });
  await record.startConsultation();
  await record.notes.fill('Draft to be thrown away');
  await record.expectNotesSaved();

  await record.deleteButton.click();
  const dialog = record.dialog('Delete this draft?');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused(); // the safe default
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(record.header).toHaveAttribute('data-status', 'draft');
  await expect(record.notes).toHaveValue('Draft to be thrown away');

  await record.deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete draft' }).click();
  await expect(record.header).toBeHidden();
  await expect(record.patientSearch).toBeVisible();
  await record.findOrCreatePatient({ name: 'Otto Gerber', birthYear: '1938', sex: 'Male' });
  await expect(record.chosenPatient('Otto Gerber')).toBeVisible();
  await expect(record.earlierConsultation('Continue')).toHaveCount(0);
  await record.page.getByRole('button', { name: 'Choose another patient' }).click();
  await record.openHistory();
  await expect(record.historyCount).toHaveText('No records match.');
});

test('keys typed in the notes do not move the patient screen', async ({ doctor, patient }) => {
  const record = new RecordPanel(doctor.page);
  await record.openTab('Record');
  await record.findOrCreatePatient({ name: 'Rosa Imhof', birthYear: '1950', sex: 'Female' });
  await record.startConsultation();
  await ok(doctor, 'presentation.start', {});
  await ok(doctor, 'presentation.goto', { deckId: 'osteoporosis', slideIndex: 1 });
  const first = (await slideIds(doctor, 'osteoporosis'))[1] ?? '';
  await patient.expectSlide(first);

  await record.notes.click();
  await record.notes.pressSequentially('Pain ');
  for (const key of ['n', 'b', '3', 'Space', 'ArrowRight', 'N', 'w', '.', ',', 'p']) await doctor.press(key);
  await record.notes.press('Enter');
  await record.expectNotesSaved();
  // Nothing moved or blanked the patient screen while the keys went into the text.
  await expect(record.notes).toHaveValue('Pain nb3 Nw.,p\n');
  await patient.expectSlide(first);
  await expect(patient.page.getByTestId('blank')).toHaveCount(0);
  await expect(doctor.patientSees).not.toHaveText(/Black screen|White screen/);

  // The quick entry field keeps its keys too.
  await record.quickEntry.click();
  await record.quickEntry.pressSequentially('n b 3');
  await doctor.press('ArrowRight');
  await expect(record.quickEntry).toHaveValue('n b 3');
  await patient.expectSlide(first);
});

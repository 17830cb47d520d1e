/**
 * The bone-health plan in the Record tab: filled in the draft (the T-scores
 * appear once the scan is done), kept over a reload, read-only once signed,
 * and in the patient's leaflet as "What's next for your bones" with the
 * medicine's name and no T-score; a follow-up visit records the bone medicine
 * now. The record still fits two screens at 1440×900.
 *
 * BONE_HEALTH_SHOTS_DIR=/some/folder saves the screenshots (the form, the leaflet's pages).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { RecordPanel } from './page-models/record-panel.js';

const PHYSICIAN = 'Dr. Claire Favre';
const PATIENT = { name: 'Odette Rochat', birthYear: '1939', sex: 'Female' } as const;
const shotsDir = process.env.BONE_HEALTH_SHOTS_DIR;

async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.getByTestId('bone-health').screenshot({ path: path.join(shotsDir, name) });
}

test('bone-health plan: filled, kept over a reload, signed read-only, in the leaflet with the medicine', async ({
  doctor,
}) => {
  test.setTimeout(120_000);
  const page = doctor.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const record = new RecordPanel(page);
  await record.setPhysicianName(PHYSICIAN);
  await record.openTab('Record');
  await record.findOrCreatePatient(PATIENT);
  await expect(record.chosenPatient(PATIENT.name)).toBeVisible();
  await record.startConsultation();
  await record.painNow.selectOption('6');
  await record.grade('L1').selectOption('2');

  const plan = page.getByRole('group', { name: /Bone health plan/ });
  const status = page.getByTestId('bone-health-status');
  await expect(plan.getByLabel('Bone density scan')).toHaveValue('not-recorded');
  // The T-scores belong to a scan that was done: no fields for them before.
  await expect(plan.getByLabel('Lowest T-score, spine')).toHaveCount(0);
  await plan.getByLabel('Bone density scan').selectOption({ label: 'Done' });
  await plan.getByLabel('Lowest T-score, spine').fill('-2.8');
  await plan.getByLabel('Lowest T-score, hip').fill('-1.9');
  await plan.getByLabel('Lowest T-score, hip').blur();
  await plan.getByLabel('Osteoporosis medicine').selectOption({ label: 'Started' });
  await plan.getByLabel('Medicine name').fill('Alendronate weekly');
  await plan.getByLabel('Falls assessment').selectOption({ label: 'Referred' });
  await plan.getByLabel('Calcium and vitamin D').selectOption({ label: 'Prescribed' });
  await plan.getByLabel('Fracture liaison service').selectOption({ label: 'Referred' });
  await expect(status).toHaveAttribute('data-state', 'saved');
  await record.expectSectionsSaved();

  // The record still fits two screens with the plan in it.
  const size = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    return { scroll: scroller.scrollHeight, client: scroller.clientHeight };
  });
  expect(size.scroll).toBeLessThanOrEqual(2 * size.client);
  test
    .info()
    .annotations.push({ type: 'record height at 1440×900', description: `${size.scroll}px of ${size.client}px` });
  await shot(page, 'bone-health-form.png');

  // A reload brings the plan back from core.
  await page.reload();
  await doctor.ready();
  await record.openTab('Record');
  await expect(record.header).toHaveAttribute('data-status', 'draft');
  await expect(plan.getByLabel('Bone density scan')).toHaveValue('done');
  await expect(plan.getByLabel('Lowest T-score, spine')).toHaveValue('-2.8');
  await expect(plan.getByLabel('Lowest T-score, hip')).toHaveValue('-1.9');
  await expect(plan.getByLabel('Osteoporosis medicine')).toHaveValue('started');
  await expect(plan.getByLabel('Medicine name')).toHaveValue('Alendronate weekly');
  await expect(plan.getByLabel('Falls assessment')).toHaveValue('referred');
  await expect(plan.getByLabel('Calcium and vitamin D')).toHaveValue('prescribed');
  await expect(plan.getByLabel('Fracture liaison service')).toHaveValue('referred');

  // An implausible T-score is refused with a clear message, and the saved one stays.
  await plan.getByLabel('Lowest T-score, spine').fill('-28');
  await plan.getByLabel('Lowest T-score, spine').blur();
  await expect(status).toHaveAttribute('data-state', 'error');
  await expect(status).toContainText('plan.tScoreSpine');
  await plan.getByLabel('Lowest T-score, spine').fill('-2.8');
  await plan.getByLabel('Lowest T-score, spine').blur();
  await expect(status).toHaveAttribute('data-state', 'saved');

  // Signed: read-only, listed in words.
  await record.finalize(PHYSICIAN);
  await expect(page.getByTestId('bone-health')).toHaveCount(0);
  await expect(page.getByTestId('bone-health-summary').locator('p')).toHaveText([
    'Bone density scan: done (lowest T-score spine -2.8, hip -1.9)',
    'Osteoporosis medicine: started (Alendronate weekly)',
    'Falls assessment: referred',
    'Calcium and vitamin D: prescribed',
    'Fracture liaison service: referred',
  ]);

  // The leaflet, exported from the console: what's next for the bones, the medicine named, no T-score.
  await record.header.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export consultation' });
  await dialog.getByRole('checkbox', { name: /^Clinician/ }).uncheck();
  await dialog.getByRole('checkbox', { name: /^Patient leaflet/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const written = dialog.getByTestId('export-files').getByRole('listitem');
  await expect(written).toHaveCount(1, { timeout: 30_000 });
  const file = (await written.textContent())?.trim() ?? '';
  expect(file).toMatch(/\.pdf$/);
  const text = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  expect(text).toContain('What’s next for your bones');
  expect(text).toContain('You are starting a medicine for your bones: Alendronate weekly.');
  expect(text).toContain('A fracture prevention team (fracture liaison service) will get in touch with you.');
  expect(text).not.toMatch(/T-score|2\.8|1\.9/);
  if (shotsDir) spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(shotsDir, 'bone-health-leaflet')]);
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // At a follow-up visit: bone medicine now, saved with the visit and listed.
  const panel = page.getByTestId('follow-up-panel');
  await panel.getByRole('button', { name: 'Add a follow-up visit' }).click();
  const form = panel.getByRole('form', { name: 'Follow-up visit' });
  const boneMedicine = form.getByRole('group', { name: 'Bone medicine now' });
  await expect(boneMedicine.getByRole('radio', { name: 'Not asked' })).toBeChecked();
  await boneMedicine.getByRole('radio', { name: 'Taking' }).check();
  await form.getByRole('button', { name: 'Save visit' }).click();
  await expect(panel.getByTestId('follow-up-visit')).toHaveCount(1);
  await expect(panel.getByTestId('follow-up-visit')).toContainText('bone medicine taking');
});

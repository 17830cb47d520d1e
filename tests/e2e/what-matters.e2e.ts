/**
 * "What matters to the patient" in the Record tab, and a record form that fits
 * a clinic laptop (1440×900): answers given by mouse and by keyboard survive a
 * reload and land in the French leaflet; the SURE values question and the
 * sticky section navigation move focus to their section; a typical record is
 * at most two screens high; the conservative block goes when the path is
 * augmentation. A signed record lists the answers read-only.
 *
 * WHAT_MATTERS_SHOTS_DIR=/some/folder saves the screenshots (record top and second screen, leaflet page).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import type { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';

const PHYSICIAN = 'Dr. Claire Favre';
const PATIENT = { name: 'Odette Rochat', birthYear: '1939', sex: 'Female' } as const;

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.WHAT_MATTERS_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, name) });
}

const statement = (page: Page, name: string) =>
  page.getByRole('group', { name: 'What matters to the patient' }).getByRole('group', { name });

async function startConsultation(doctor: DoctorConsole, language?: string): Promise<RecordPanel> {
  const record = new RecordPanel(doctor.page);
  await record.setPhysicianName(PHYSICIAN);
  await record.openTab('Record');
  await record.findOrCreatePatient(PATIENT);
  await expect(record.chosenPatient(PATIENT.name)).toBeVisible();
  if (language) await doctor.page.getByLabel("Patient's language").selectOption({ label: language });
  await record.startConsultation();
  if (language) await expect(record.header).toContainText(`slides in ${language === 'Français' ? 'FR' : 'DE'}`);
  return record;
}

test('what matters to the patient: answered by mouse and keyboard, kept over a reload, printed in the leaflet', async ({
  doctor,
}) => {
  test.setTimeout(90_000);
  const page = doctor.page;
  const record = await startConsultation(doctor, 'Français');
  const status = page.getByTestId('what-matters-status');

  // Every statement starts "Not asked", in the decision aid's order.
  const groups = page.getByRole('group', { name: 'What matters to the patient' }).getByRole('group');
  await expect(groups).toHaveCount(5);
  await expect(groups.locator('legend')).toHaveText([
    'Avoiding a procedure if I can',
    'Getting pain relief as soon as possible',
    'Avoiding any risk from the cement',
    'Avoiding strong pain medicines',
    'Getting back home and to my usual activities soon',
  ]);
  for (const group of await groups.all()) await expect(group.getByRole('radio', { name: 'Not asked' })).toBeChecked();

  // By mouse.
  await statement(page, 'Avoiding a procedure if I can').getByRole('radio', { name: 'A little' }).check();
  await statement(page, 'Avoiding any risk from the cement').getByRole('radio', { name: 'Not', exact: true }).check();
  // By keyboard: focus the checked radio of a group, arrows choose within it, Tab goes to the next statement.
  await statement(page, 'Getting pain relief as soon as possible').getByRole('radio', { name: 'Not asked' }).focus();
  await page.keyboard.press('ArrowRight'); // wraps round to the first answer: "A lot"
  await expect(
    statement(page, 'Getting pain relief as soon as possible').getByRole('radio', { name: 'A lot' }),
  ).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(
    statement(page, 'Avoiding strong pain medicines').getByRole('radio', { name: 'Not asked' }),
  ).toBeFocused();
  await statement(page, 'Getting back home and to my usual activities soon')
    .getByRole('radio', { name: 'A lot' })
    .check();
  await expect(status).toHaveAttribute('data-state', 'saved');

  // A reload brings the answers back from core.
  await page.reload();
  await doctor.ready();
  await record.openTab('Record');
  await expect(record.header).toHaveAttribute('data-status', 'draft');
  const expected: Array<[string, string]> = [
    ['Avoiding a procedure if I can', 'A little'],
    ['Getting pain relief as soon as possible', 'A lot'],
    ['Avoiding any risk from the cement', 'Not'],
    ['Avoiding strong pain medicines', 'Not asked'],
    ['Getting back home and to my usual activities soon', 'A lot'],
  ];
  for (const [name, answer] of expected) {
    await expect(statement(page, name).getByRole('radio', { name: answer, exact: true })).toBeChecked();
  }

  // The SURE question on values points to this section: its button moves focus there.
  await record.decision.getByRole('button', { name: 'What matters to the patient' }).click();
  await expect(page.getByRole('region', { name: 'What matters to the patient' })).toBeFocused();

  // The leaflet, exported from the console, lists the answered statements in French.
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
  expect(text).toContain('Ce qui compte pour vous');
  expect(text).toContain('Éviter une intervention si je le peux Compte un peu');
  expect(text).toContain('Être soulagé de la douleur le plus vite possible Compte beaucoup');
  expect(text).toContain('Éviter tout risque lié au ciment Ne compte pas');
  expect(text).toContain('Rentrer vite chez moi et reprendre mes activités habituelles Compte beaucoup');
  expect(text).not.toContain('médicaments forts');
  const dir = process.env.WHAT_MATTERS_SHOTS_DIR;
  if (dir) spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, 'leaflet')]);
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // Signed: read-only like every other section, the answers listed in words.
  await record.finalize(PHYSICIAN);
  await expect(page.getByRole('group', { name: 'What matters to the patient' })).toHaveCount(0);
  await expect(page.getByTestId('what-matters-summary').locator('p')).toHaveText([
    'Avoiding a procedure if I can: matters a little',
    'Getting pain relief as soon as possible: matters a lot',
    'Avoiding any risk from the cement: does not matter',
    'Avoiding strong pain medicines: not asked',
    'Getting back home and to my usual activities soon: matters a lot',
  ]);
});

test('at 1440×900 a typical record fits in two screens, with a sticky section navigation', async ({ doctor }) => {
  test.setTimeout(90_000);
  const page = doctor.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const record = await startConsultation(doctor);

  // A typical record: findings, notes, what matters, a conservative decision with SURE answered.
  await record.painNow.selectOption('6');
  await record.grade('L1').selectOption('2');
  await record.notes.fill(
    'Fell at home three weeks ago. Lives alone, daughter nearby.\nWants to keep walking the dog.',
  );
  await statement(page, 'Avoiding a procedure if I can').getByRole('radio', { name: 'A lot' }).check();
  await statement(page, 'Getting pain relief as soon as possible').getByRole('radio', { name: 'A little' }).check();
  await record.choosePath('Conservative');
  const conservative = record.decision.getByRole('group', { name: 'Conservative measures' });
  await conservative.getByRole('checkbox').first().check();
  for (const q of ['Sure of myself', 'Understand information', 'Risk–benefit ratio', 'Encouragement']) {
    await record.answerSure(q, 'Yes');
  }
  await record.expectSectionsSaved();

  const height = () =>
    page.evaluate(() => {
      const scroller = document.scrollingElement ?? document.documentElement;
      return { scroll: scroller.scrollHeight, client: scroller.clientHeight };
    });
  const conservativeHeight = await height();
  expect(conservativeHeight.scroll).toBeLessThanOrEqual(2 * conservativeHeight.client);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'record-1440-top.png');

  // Augmentation: the conservative block goes, the augmentation plan comes; still two screens at most.
  await record.choosePath('Augmentation');
  await expect(conservative).toBeHidden();
  await expect(record.augmentation).toBeVisible();
  await record.augmentation.getByRole('radio', { name: /Balloon kyphoplasty/ }).check();
  await record.expectSectionsSaved();
  const augmentationHeight = await height();
  expect(augmentationHeight.scroll).toBeLessThanOrEqual(2 * augmentationHeight.client);
  test.info().annotations.push({
    type: 'record height at 1440×900',
    description: `conservative ${conservativeHeight.scroll}px, augmentation ${augmentationHeight.scroll}px, screen ${augmentationHeight.client}px`,
  });

  // The section navigation stays in view and moves focus to the section it names.
  const nav = page.getByRole('navigation', { name: 'Record sections' });
  await nav.getByRole('link', { name: 'Sign' }).click();
  await expect(page.getByRole('region', { name: 'Sign' })).toBeFocused();
  await expect(nav).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await shot(page, 'record-1440-second-screen.png');
  await nav.getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByRole('region', { name: 'Findings' })).toBeFocused();
  // Tab goes on from the section landed on: into the findings' first control.
  await page.keyboard.press('Tab');
  await expect(record.painNow).toBeFocused();
});

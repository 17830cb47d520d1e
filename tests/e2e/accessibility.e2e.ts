/**
 * axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on every screen
 * reachable today: the console's tabs and views, its dialogs, the lock screen
 * and the patient screen. The bar: no serious or critical violation. Each
 * screen's counts are attached to the report (and printed with AXE_REPORT=1).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { NodeResult, Result } from 'axe-core';
import { expect, test } from './fixtures.js';
import type { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';

const PHYSICIAN = 'Dr. Jonas Frei';

async function ok<T>(doctor: DoctorConsole, name: string, input: unknown): Promise<T> {
  const answer = await doctor.call(name, input);
  expect(answer, `${name}: ${JSON.stringify(answer.error)}`).toMatchObject({ ok: true });
  return answer.value as T;
}

const results: Array<{ screen: string; serious: number; critical: number; other: number; rules: string[] }> = [];

/** Runs axe on the page as it is; fails on any serious or critical violation, naming it. */
async function audit(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  results.push({
    screen,
    serious: violations.filter((v) => v.impact === 'serious').length,
    critical: violations.filter((v) => v.impact === 'critical').length,
    other: violations.length - bad.length,
    rules: violations.map((v) => `${v.id} (${v.impact ?? '?'}, ${v.nodes.length})`),
  });
  const described = bad.map(
    (v: Result) => `${v.id} [${v.impact}]: ${v.nodes.map((n: NodeResult) => n.target.join(' ')).join(' | ')}`,
  );
  expect(described, `${screen}: serious or critical axe violations`).toEqual([]);
}

test.afterAll(() => {
  if (process.env.AXE_REPORT) console.log(JSON.stringify(results, null, 1));
});

test('every console screen and dialog, the lock screen and the patient screen pass axe', async ({
  doctor,
  patient,
}, testInfo) => {
  test.setTimeout(120_000);
  const page = doctor.page;
  const record = new RecordPanel(page);

  await audit(page, 'Present tab (not presenting)');
  await record.openTab('Record');
  await expect(page.getByTestId('no-patients')).toBeVisible();
  await audit(page, 'Record tab, first start');
  await record.openTab('Settings');
  await expect(page.getByTestId('contact-missing')).toBeVisible();
  await audit(page, 'Settings tab');
  await record.setPhysicianName(PHYSICIAN);

  await record.openTab('Record');
  await page.getByRole('button', { name: 'New patient…' }).click();
  await expect(page.getByRole('form', { name: 'New patient' })).toBeVisible();
  await audit(page, 'New patient form');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await record.findOrCreatePatient({ name: 'Rosa Keller', birthYear: '1946', sex: 'Female' });
  await expect(record.chosenPatient('Rosa Keller')).toBeVisible();
  await audit(page, 'Chosen patient');
  await page.getByRole('button', { name: 'Correct details…' }).click();
  await expect(page.getByTestId('correct-dialog')).toBeVisible();
  await audit(page, 'Correct patient details dialog');
  await page.getByTestId('correct-dialog').getByRole('button', { name: 'Cancel' }).click();

  await ok(doctor, 'presentation.start', {});
  await expect(patient.root).toHaveAttribute('data-rendered-slide', /.+/);
  await audit(patient.page, 'Patient screen, a slide');
  await record.openTab('Present');
  await audit(page, 'Present tab (presenting)');
  await record.openTab('Record');
  await record.findOrCreatePatient({ name: 'Rosa Keller', birthYear: '1946', sex: 'Female' });
  await record.startConsultation();
  await record.painNow.selectOption('6');
  await record.grade('L2').selectOption('2');
  await record.choosePath('Augmentation');
  await record.addQuickEntry('Worried about the anaesthesia');
  await record.expectSectionsSaved();
  await audit(page, 'Draft record');

  await record.finalizeButton.click();
  await expect(record.signDialog).toBeVisible();
  await audit(page, 'Sign dialog with warnings');
  for (const box of await record.signDialog.getByRole('checkbox').all()) await box.check();
  await record.signDialog.getByRole('button', { name: `Sign as ${PHYSICIAN}` }).click();
  await expect(record.signed).toBeVisible();
  await audit(page, 'Signed record');

  await record.header.getByRole('button', { name: 'Amend…' }).click();
  await expect(record.dialog('Amend the signed record')).toBeVisible();
  await audit(page, 'Amend dialog');
  await record.dialog('Amend the signed record').getByRole('button', { name: 'Cancel' }).click();
  await record.header.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await audit(page, 'Export dialog');
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Close' }).click();
  await record.close();
  await record.openHistory();
  await expect(record.historyRows).toHaveCount(1);
  await audit(page, 'All records');

  // A second draft, to see the delete confirmation.
  await page
    .getByRole('navigation', { name: 'Record views' })
    .getByRole('button', { name: 'Patient', exact: true })
    .click();
  await record.findOrCreatePatient({ name: 'Rosa Keller', birthYear: '1946', sex: 'Female' });
  await record.startConsultation();
  await record.deleteButton.click();
  await expect(record.dialog('Delete this draft?')).toBeVisible();
  await audit(page, 'Delete draft dialog');
  await record.dialog('Delete this draft?').getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('navigation', { name: 'Console sections' }).getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await audit(page, 'Lock screen');
  await patient.expectIdle();
  await audit(patient.page, 'Patient screen, neutral page');

  await testInfo.attach('axe-results.json', {
    body: JSON.stringify(results, null, 1),
    contentType: 'application/json',
  });
});

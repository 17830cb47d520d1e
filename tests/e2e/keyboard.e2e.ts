/**
 * A whole consultation by keyboard only: Tab, Shift+Tab, arrows, Space,
 * Enter and typing; no click anywhere. Every control reached shows a visible
 * focus ring. From an empty console: the physician's name, a new patient, the
 * findings, a decision with a measure, notes, then signing with its warnings.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { RecordPanel } from './page-models/record-panel.js';

/** Presses Tab (or Shift+Tab) until the element has the focus; then checks the focus ring shows. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expect(target).toHaveCSS('outline-style', 'solid');
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} with the Tab key`);
}

test('a whole consultation, by keyboard only, with visible focus', async ({ doctor }) => {
  test.setTimeout(120_000);
  const page = doctor.page;
  const { keyboard } = page;
  const record = new RecordPanel(page);
  const tabs = page.getByRole('navigation', { name: 'Console sections' });

  // Who signs.
  await tabTo(page, tabs.getByRole('button', { name: 'Settings' }));
  await keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Physician name'));
  await keyboard.type('Dr. Eva Roth');
  await keyboard.press('Enter'); // submits the settings form
  await expect(page.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();

  // A new patient.
  await tabTo(page, tabs.getByRole('button', { name: 'Record' }), true);
  await keyboard.press('Enter');
  await tabTo(page, record.patientSearch);
  await keyboard.type('Ida Baumann');
  await expect(page.getByText('Nobody found for “Ida Baumann”.')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'New patient…' }));
  await keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'New patient' });
  await tabTo(page, form.getByRole('radio', { name: 'Date' }));
  await keyboard.press('ArrowRight'); // "Year only"
  await expect(form.getByRole('radio', { name: 'Year only' })).toBeChecked();
  await tabTo(page, form.getByLabel('Year of birth'));
  await keyboard.type('1943');
  await tabTo(page, form.getByLabel('Sex'));
  await keyboard.type('Female');
  await expect(form.getByLabel('Sex')).toHaveValue('female');
  await tabTo(page, form.getByRole('button', { name: 'Create patient' }));
  await keyboard.press('Enter');
  await expect(record.chosenPatient('Ida Baumann')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Start new consultation' }));
  await keyboard.press('Enter');
  await expect(record.header).toHaveAttribute('data-status', 'draft');

  // Findings: pain 5, L1 grade 2.
  await tabTo(page, record.painNow);
  await keyboard.type('5');
  await expect(record.painNow).toHaveValue('5');
  await tabTo(page, record.grade('L1'));
  await keyboard.type('2');
  await expect(record.grade('L1')).toHaveValue('2');

  // Decision: conservative, with pain medication (no follow-up date: one warning to acknowledge).
  const path = record.decision.getByRole('group', { name: 'Path' });
  await tabTo(page, path.getByRole('radio', { name: 'Undecided' }));
  await keyboard.press('ArrowRight');
  await expect(path.getByRole('radio', { name: 'Conservative' })).toBeChecked();
  await tabTo(page, record.decision.getByRole('checkbox', { name: 'Pain medication' }));
  await keyboard.press('Space');
  await expect(record.decision.getByRole('checkbox', { name: 'Pain medication' })).toBeChecked();

  // Notes.
  await tabTo(page, record.notes);
  await keyboard.type('Walks with a stick. Prefers to try without an operation first.');
  await record.expectNotesSaved(3_000);
  await record.expectSectionsSaved();

  // Signing: the dialog opens on Cancel; the warnings are ticked with Space, then Sign.
  await tabTo(page, record.finalizeButton);
  await keyboard.press('Enter');
  const dialog = record.signDialog;
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const boxes = await dialog.getByRole('checkbox').all();
  expect(boxes).toHaveLength(1);
  await expect(dialog.getByTestId('sign-warnings')).toContainText('No follow-up date is set.');
  for (const box of boxes) {
    await tabTo(page, box, true);
    await keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  const sign = dialog.getByRole('button', { name: 'Sign as Dr. Eva Roth' });
  await tabTo(page, sign);
  await keyboard.press('Enter');
  await expect(record.signed).toContainText('Signed by Dr. Eva Roth');
  await expect(record.summary).toContainText('Pain now: 5');
  await expect(record.summary).toContainText('Measures: Pain medication');
  await expect(record.summary).toContainText('Walks with a stick');
});

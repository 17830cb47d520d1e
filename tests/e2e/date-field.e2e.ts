/**
 * Dates in the console's own format (issue 14): Chromium's date input writes mm/dd/yyyy whatever the
 * console's language, so the console types days as its locale writes them. In German: a birth date typed
 * "3.2.1941" is stored as 1941-02-03 and shown as 03.02.1941; 31.04.1941 is refused with a German message
 * and the form is not sent; the day the pain began comes back after a reload in the same format. axe finds
 * nothing serious on the form with the field in error.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.js';

test('German console: days typed as TT.MM.JJJJ, stored as ISO days, refused when they do not exist', async ({
  doctor,
}) => {
  const page = doctor.page;
  expect((await doctor.call('settings.update', { consoleLanguage: 'de', physicianName: 'Dr. K. Vogt' })).ok).toBe(true);
  const nav = page.getByRole('navigation', { name: /Konsole/ });
  await expect(nav.getByRole('button', { name: 'Akte' })).toBeVisible();
  await nav.getByRole('button', { name: 'Akte' }).click();
  await page.getByRole('searchbox', { name: 'Patienten suchen' }).fill('Greta Vogel');
  await page.getByRole('button', { name: 'Neuer Patient…' }).click();
  const form = page.getByRole('form', { name: 'Neuer Patient' });
  const birth = form.getByLabel('Geburtsdatum');
  await expect(birth).toHaveAttribute('placeholder', 'TT.MM.JJJJ');

  // A day that does not exist: refused beside the field, and the form is not sent.
  await birth.fill('31.04.1941');
  await birth.press('Tab');
  await expect(birth).toHaveAttribute('aria-invalid', 'true');
  await expect(birth).toHaveAccessibleDescription('Diesen Tag gibt es im Kalender nicht.');
  await expect(form.getByText('Diesen Tag gibt es im Kalender nicht.')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-testid="patient-form"]').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await form.getByLabel('Geschlecht').selectOption({ label: 'Weiblich' });
  await form.getByRole('button', { name: 'Patient anlegen' }).click();
  await expect(form).toBeVisible();
  const search = async () => (await doctor.call('patients.search', { query: 'Greta Vogel' })).value;
  expect(JSON.stringify(await search())).not.toContain('Greta Vogel');

  // Typed short, read as the 3rd of February, shown back in the German format, stored as an ISO day.
  await birth.fill('3.2.1941');
  await birth.press('Tab');
  await expect(birth).toHaveValue('03.02.1941');
  await expect(birth).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Patient anlegen' }).click();
  await expect(page.getByRole('heading', { name: 'Greta Vogel', level: 2 })).toBeVisible();
  await expect.poll(async () => JSON.stringify(await search())).toContain('"birthDate":"1941-02-03"');

  // The day the pain began: typed with dots, kept over a reload, shown the same way.
  await page.getByRole('button', { name: 'Neue Konsultation beginnen' }).click();
  const began = page.getByLabel('Schmerzbeginn am');
  await began.fill('01.11.2026');
  await began.press('Tab');
  const painSince = async () => {
    const current = (await doctor.call('consultations.current', {})).value as {
      record: { findings: { painSince: string | null } } | null;
    };
    return current.record?.findings.painSince ?? null;
  };
  await expect.poll(painSince).toBe('2026-11-01');
  await page.reload();
  await nav.getByRole('button', { name: 'Akte' }).click();
  await expect(page.getByLabel('Schmerzbeginn am')).toHaveValue('01.11.2026');
});

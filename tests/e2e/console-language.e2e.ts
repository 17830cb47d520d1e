/**
 * The console in French and German (issue 14, item 5): chosen in Settings,
 * applied at once without a reload, independent of the patient's slide
 * language; axe finds nothing serious in the French console; back to English.
 * The bone-health plan and the practice overview in French too.
 * Screenshots of the Present and Record tabs at 1440×900 in fr and de go to
 * /work/shots/i18n/ when SHOTS_DIR is set (or that folder exists).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { RecordPanel } from './page-models/record-panel.js';

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/i18n';

async function shot(page: Page, name: string): Promise<void> {
  if (!fs.existsSync(SHOTS)) return;
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
}

/** Chooses the console language in Settings (labelled in the language shown now) and saves. */
async function chooseLanguage(
  page: Page,
  tab: string,
  field: string,
  option: 'English' | 'Français' | 'Deutsch',
  save: string,
): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: tab }).click();
  await page.getByLabel(field).selectOption({ label: option });
  await page.getByRole('button', { name: save }).click();
}

test('the console speaks French or German as chosen in Settings, the patient screen keeps its language', async ({
  doctor,
  patient,
}) => {
  test.setTimeout(120_000);
  const page = doctor.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  const record = new RecordPanel(page);
  await record.setPhysicianName('Dr. Anne Keller');

  // A consultation recorded and slides shown, all in English first.
  await record.openTab('Record');
  await record.findOrCreatePatient({ name: 'Hélène Roux', birthYear: '1941', sex: 'Female' });
  await record.startConsultation();
  await record.openTab('Present');
  await doctor.startPresenting();
  await doctor.press('ArrowRight');
  await expect(doctor.patientSees).toContainText('Slide 2');
  const slideText = await patient.currentSlide.innerText();

  // Français: every part of the console follows at once.
  await chooseLanguage(page, 'Settings', 'Console language', 'Français', 'Save settings');
  const nav = page.getByRole('navigation', { name: 'Sections de la console' });
  await expect(nav.getByRole('button', { name: 'Réglages' })).toHaveAttribute('aria-pressed', 'true');
  await expect(nav.getByRole('button', { name: 'Dossier' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Réglages', level: 2 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Enregistré à/ })).toBeVisible();

  await nav.getByRole('button', { name: 'Présenter' }).click();
  await expect(doctor.patientSees).toHaveText(/^Diapositive 2 sur \d+$/);
  await expect(page.getByRole('toolbar', { name: 'Commandes de présentation' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suivante (→)' })).toBeVisible();
  await expect(page.getByTestId('consultation-banner')).toContainText(
    'Diapositives montrées enregistrées pour Hélène Roux',
  );
  // The patient's slides are not the console's business: same slide, same language.
  await expect(patient.currentSlide).toHaveText(slideText);
  expect((await doctor.call('presentation.get', {})).value).toMatchObject({ language: 'en' });
  await shot(page, 'console-fr-present.png');
  await audit(page, 'French console, Present tab');

  await nav.getByRole('button', { name: 'Dossier' }).click();
  const sections = page.getByRole('navigation', { name: 'Sections du dossier' });
  for (const name of ['Constatations', 'Ce qui compte', 'Décision', 'Notes', 'Risques', 'Signature'])
    await expect(sections.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Constatations cliniques' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Risques abordés' })).toBeVisible();
  await expect(page.getByTestId('record-header')).toContainText('Consultation du');
  await expect(page.getByTestId('record-header')).toContainText('Brouillon');
  // The bone-health plan too: its title, labels and choices, and the fields a choice brings.
  await expect(sections.getByRole('link', { name: 'Santé osseuse', exact: true })).toBeVisible();
  const plan = page.getByRole('group', { name: /^Plan de santé osseuse/ });
  await expect(plan).toContainText('Prévenir la prochaine fracture');
  await plan.getByLabel('Ostéodensitométrie').selectOption({ label: 'Réalisée' });
  await expect(plan.getByLabel('T-score le plus bas, rachis')).toBeVisible();
  await plan.getByLabel('Traitement de l’ostéoporose').selectOption({ label: 'Débuté' });
  await expect(plan.getByLabel('Nom du médicament')).toBeVisible();
  await expect(page.getByTestId('bone-health-status')).toHaveAttribute('data-state', 'saved');
  await shot(page, 'console-fr-record.png');
  await plan.scrollIntoViewIfNeeded();
  await shot(page, 'console-fr-bone-health.png');
  await audit(page, 'French console, Record tab');

  // A dialog: signing, with its warnings counted in French.
  await page.getByRole('button', { name: 'Signer et finaliser…' }).click();
  const sign = page.getByRole('dialog', { name: 'Signer et finaliser ce dossier ?' });
  await expect(sign).toBeVisible();
  await expect(sign.getByRole('heading', { name: /^\d+ avertissements à vérifier$/ })).toBeVisible();
  await expect(sign).toContainText('Aucun niveau fracturé n’est consigné.');
  await expect(sign.getByRole('button', { name: 'Signer en tant que Dr. Anne Keller' })).toBeDisabled();
  await shot(page, 'console-fr-sign-dialog.png');
  await audit(page, 'French console, sign dialog');
  await sign.getByRole('button', { name: 'Annuler' }).click();
  await expect(sign).toBeHidden();

  // The lock screen speaks it too.
  await nav.getByRole('button', { name: 'Verrouiller' }).click();
  const locked = page.getByRole('dialog', { name: 'ConsultDeck est verrouillé' });
  await expect(locked).toContainText('L’écran du patient affiche la page neutre.');
  await audit(page, 'French console, lock screen');
  await locked.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(locked).toBeHidden();
  // Locking put the patient screen on its neutral page; presenting again resumes on slide 2.
  await nav.getByRole('button', { name: 'Présenter' }).click();
  await expect(doctor.patientSees).toHaveText('Écran d’accueil (nom de la clinique)');
  await doctor.press('F5');
  await expect(doctor.patientSees).toHaveText(/^Diapositive 2 sur \d+$/);

  // The choice is a setting: a reload comes back in French.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Sections de la console' })).toBeVisible();

  // Deutsch, likewise.
  await chooseLanguage(page, 'Réglages', 'Langue de la console', 'Deutsch', 'Enregistrer les réglages');
  const navDe = page.getByRole('navigation', { name: 'Bereiche der Konsole' });
  await expect(navDe.getByRole('button', { name: 'Einstellungen' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await navDe.getByRole('button', { name: 'Präsentieren' }).click();
  await expect(doctor.patientSees).toHaveText(/^Folie 2 von \d+$/);
  await expect(patient.currentSlide).toHaveText(slideText);
  await shot(page, 'console-de-present.png');
  await navDe.getByRole('button', { name: 'Akte' }).click();
  await expect(page.getByRole('group', { name: 'Klinische Befunde' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Besprochene Risiken' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Abschnitte der Akte' })).toContainText('Entscheidung');
  await shot(page, 'console-de-record.png');
  await page.getByRole('button', { name: 'Entwurf löschen…' }).click();
  const remove = page.getByRole('dialog', { name: 'Diesen Entwurf löschen?' });
  await expect(remove).toBeVisible();
  await remove.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(remove).toBeHidden();

  // And back to English: the labels the other tests use.
  await chooseLanguage(page, 'Einstellungen', 'Sprache der Konsole', 'English', 'Einstellungen speichern');
  const navEn = page.getByRole('navigation', { name: 'Console sections' });
  await expect(navEn.getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await navEn.getByRole('button', { name: 'Present' }).click();
  await expect(doctor.patientSees).toHaveText(/^Slide 2 of \d+$/);
  await expect(patient.currentSlide).toHaveText(slideText);
});

test('the practice overview speaks French too, its counts in French plurals', async ({ doctor }) => {
  const page = doctor.page;
  await page.setViewportSize({ width: 1440, height: 900 });
  await chooseLanguage(page, 'Settings', 'Console language', 'Français', 'Save settings');
  const nav = page.getByRole('navigation', { name: 'Sections de la console' });
  await expect(nav.getByRole('button', { name: 'Réglages' })).toHaveAttribute('aria-pressed', 'true');
  await nav.getByRole('button', { name: 'Dossier' }).click();
  await page
    .getByRole('navigation', { name: 'Vues du dossier' })
    .getByRole('button', { name: 'Aperçu du cabinet' })
    .click();
  await expect(page.getByRole('heading', { name: 'Aperçu du cabinet', level: 2 })).toBeVisible();
  // No record yet: French counts zero in the singular, and a share of nothing has no per cent.
  await expect(page.getByTestId('overview-totals')).toHaveText('0 consultation finalisée et 0 visite de suivi signée');
  await expect(page.getByTestId('overview-bone-medicine')).toHaveText('0 sur 0 (—)');
  await expect(page.getByRole('table', { name: 'Orientations décidées' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exporter en CSV' })).toBeVisible();
  await expect(page.getByTestId('overview-panel').getByRole('status')).toHaveText(/Calculé à \d{1,2}:\d{2}\./);
  await shot(page, 'console-fr-overview.png');
  await audit(page, 'French console, practice overview');
});

/** axe (WCAG 2.0/2.1 A and AA, best practices): no serious or critical violation. */
async function audit(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} [${v.impact}]: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `${screen}: serious or critical axe violations`).toEqual([]);
}

/**
 * The clinician's exports follow the console language (issue 14): with the
 * console in German, the clinician PDF exported from the record's Export
 * dialog reads in German (pdftotext: headings, coded values, German dates);
 * switched to French, the record text comes out in French. The leaflet is
 * not concerned (it follows the patient's language).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { signWarningIds } from '../../src-shared/contract/index.js';
import type { DoctorConsole } from './page-models/doctor-console.js';
import { expect, test } from './fixtures.js';

async function ok<T>(doctor: DoctorConsole, name: string, input: unknown): Promise<T> {
  const answer = await doctor.call(name, input);
  expect(answer, `${name}: ${JSON.stringify(answer.error)}`).toMatchObject({ ok: true });
  return answer.value as T;
}

/** A signed consultation (slides in English), written through the API as the console would. */
async function signedConsultation(doctor: DoctorConsole): Promise<void> {
  await ok(doctor, 'settings.update', { physicianName: 'Dr. Lea Roth', clinicName: 'Spine Clinic Bern' });
  const patient = await ok<{ id: string }>(doctor, 'patients.create', {
    displayName: 'Jürg Fässler',
    code: 'E2E-LANG',
    birthDate: '1944-03-02',
    sex: 'male',
  });
  const { id } = await ok<{ id: string }>(doctor, 'consultations.start', { patientId: patient.id, language: 'en' });
  await ok(doctor, 'consultations.updateFindings', {
    id,
    baseRevision: 0,
    findings: { painNow: 6, painSince: '2026-11-01', fracturedLevels: [{ level: 'L1', grade: 2 }], redFlags: [] },
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
  await ok(doctor, 'consultations.finalize', { id, acknowledged: [...signWarningIds] });
}

/** Chooses the console language in Settings (its labels in the language shown now) and saves. */
async function chooseLanguage(
  page: Page,
  words: { sections: string; settings: string; field: string; save: string },
  option: 'Français' | 'Deutsch',
): Promise<void> {
  await page.getByRole('navigation', { name: words.sections }).getByRole('button', { name: words.settings }).click();
  await page.getByLabel(words.field).selectOption({ label: option });
  await page.getByRole('button', { name: words.save }).click();
}

/** The files of the exports folder whose name ends so, newest last. */
function exported(dataDir: string, ending: string): string[] {
  const folder = path.join(dataDir, 'exports');
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(ending))
    .map((f) => path.join(folder, f));
}

const GERMAN_DAY =
  /\b\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}\b/;

test('with the console in German the clinician PDF is German; in French the record text is French', async ({
  host,
  doctor,
}) => {
  test.setTimeout(120_000);
  const page = doctor.page;
  await signedConsultation(doctor);

  await chooseLanguage(
    page,
    { sections: 'Console sections', settings: 'Settings', field: 'Console language', save: 'Save settings' },
    'Deutsch',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const nav = page.getByRole('navigation', { name: 'Bereiche der Konsole' });
  await nav.getByRole('button', { name: 'Akte' }).click();
  await page.getByRole('button', { name: 'Alle Akten' }).click();
  await page.getByRole('button', { name: /^Akte von Jürg Fässler/ }).click();
  await page.getByRole('button', { name: 'Exportieren…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Konsultation exportieren' });
  await expect(dialog.getByRole('checkbox', { name: /Zusammenfassung für die Ärztin/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Exportieren', exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Geschriebene Dateien' })).toContainText('_kyphoplasty-consult.pdf');

  const [pdfFile] = exported(host.dataDir, '_kyphoplasty-consult.pdf');
  const pdf = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile ?? '', '-'], { encoding: 'utf8' });
  const text = pdf.stdout.replace(/\s+/g, ' ');
  expect(text).toContain('Zusammenfassung der Konsultation: osteoporotische Wirbelfraktur');
  expect(text).toContain('Klinische Befunde');
  expect(text).toContain('Schmerz jetzt: 6/10 (NRS), seit 1. November 2026');
  expect(text).toContain('Jürg Fässler');
  expect(text).toContain('Vertebroplastie');
  expect(text).toContain('Zementaustritt');
  expect(text).toMatch(new RegExp(`Elektronisch unterschrieben von Dr\\. Lea Roth am ${GERMAN_DAY.source}`));
  expect(text).not.toMatch(/Findings|Decision|Signed electronically/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Français: the text for the health record follows.
  await chooseLanguage(
    page,
    {
      sections: 'Bereiche der Konsole',
      settings: 'Einstellungen',
      field: 'Sprache der Konsole',
      save: 'Einstellungen speichern',
    },
    'Français',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page
    .getByRole('navigation', { name: 'Sections de la console' })
    .getByRole('button', { name: 'Dossier' })
    .click();
  await page.getByRole('button', { name: 'Exporter…' }).click();
  const dialogFr = page.getByRole('dialog', { name: 'Exporter la consultation' });
  await dialogFr.getByRole('checkbox', { name: /Résumé pour le médecin/ }).uncheck();
  await dialogFr.getByRole('checkbox', { name: /Texte pour le dossier médical/ }).check();
  await dialogFr.getByRole('button', { name: 'Exporter', exact: true }).click();
  await expect(dialogFr.getByRole('list', { name: 'Fichiers écrits' })).toContainText('_record.md');

  const [mdFile] = exported(host.dataDir, '_record.md');
  const md = fs.readFileSync(mdFile ?? '', 'utf8');
  expect(md.startsWith('# Résumé de consultation : fracture vertébrale ostéoporotique\n')).toBe(true);
  expect(md).toContain('## Constatations cliniques\n- Douleur actuelle : 6/10 (EN), depuis le 1 novembre 2026');
  expect(md).toContain('Patient : Jürg Fässler (code E2E-LANG), né·e le 2 mars 1944, sexe homme');
  expect(md).toContain('- Intervention : Vertébroplastie, niveaux L1, anesthésie locale');
  expect(md).toMatch(/Dossier : signé le \d{1,2} \S+ \d{4} \d\d:\d\d par Dr\. Lea Roth/);
  expect(md).not.toMatch(/## Findings|Pain now|Record digest/);
});

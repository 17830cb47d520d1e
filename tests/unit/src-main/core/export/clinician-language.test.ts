/**
 * The clinician's documents in the console's language (issue 14): the PDF
 * letter and the record text follow the `consoleLanguage` setting at the
 * moment of export; FHIR stays English. Built through the real test core,
 * printed by the real browser-mode printer and read back with pdftotext.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BoneHealthPlan, type ExportKind } from '../../../../../src-shared/contract/index.js';
import { quietVisit } from '../../../helpers/follow-up-values.js';
import { CLINICIAN_TEXT } from '../../../../../src-main/core/export/clinician-text/index.js';
import type { ClinicianText } from '../../../../../src-main/core/export/clinician-text/index.js';
import { formatDay } from '../../../../../src-main/core/export/labels.js';
import type { PdfRenderer } from '../../../../../src-main/core/export/pdf-renderer.js';
import { createChromiumPdfRenderer } from '../../../../../src-main/host/chromium-pdf.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { base } from '../../../helpers/revisions.js';
import { closeCores, draftConsultation, exportCore, finalizeAndAmend, pdfText } from './export-fixture.js';

let pdf: PdfRenderer;
beforeAll(() => {
  pdf = createChromiumPdfRenderer();
});
afterAll(async () => {
  await pdf.close();
});
afterEach(closeCores);

const PLAN: BoneHealthPlan = {
  dxa: 'done',
  tScoreSpine: -2.8,
  tScoreHip: null,
  medicine: 'started',
  medicineName: 'Zoledronate',
  fallsAssessment: 'referred',
  calciumVitaminD: 'prescribed',
  flsReferral: 'referred',
};

const VISIT = quietVisit('2026-12-09');

/** The export fixture with a bone-health plan and what matters; signed and amended when asked, with a signed visit. */
async function record(t: TestCore, signed: boolean): Promise<string> {
  const { id } = await draftConsultation(t);
  await t.call('boneHealth.save', { consultationId: id, plan: PLAN, baseRevision: 0 });
  await t.call('consultations.updateWhatMatters', {
    id,
    baseRevision: 0,
    whatMatters: {
      'avoid-procedure': 'a-little',
      'fast-relief': 'a-lot',
      'avoid-cement-risk': 'not',
      'avoid-strong-painkillers': 'not-asked',
      'home-soon': 'a-lot',
    },
  });
  if (!signed) return id;
  await finalizeAndAmend(t, id);
  t.advance(30 * 86_400_000);
  const visit = await t.call('followUps.create', { consultationId: id, values: VISIT });
  await t.call('followUps.finalize', { id: visit.id });
  return id;
}

async function exported(t: TestCore, id: string, kind: ExportKind): Promise<string> {
  const { files } = await t.call('exports.create', { consultationIds: [id], kind, pseudonymize: false });
  const file = files[0]?.path ?? '';
  return kind === 'clinician-pdf' ? pdfText(file, 'raw').replace(/\s+/g, ' ') : fs.readFileSync(file, 'utf8');
}

/** The headings and fixed phrases of a table that must not show through in another language. */
const englishHeadings = (t: ClinicianText): string[] => [
  t.title,
  t.findings,
  t.explained,
  t.risksConfirmed,
  t.decision,
  t.whatMatters,
  t.boneHealth,
  t.amendments,
  t.followUps,
];

describe('the words of the clinician documents', () => {
  it('French and German have every entry of English, none empty, and headings of their own', () => {
    const en = CLINICIAN_TEXT.en;
    for (const language of ['fr', 'de'] as const) {
      const t = CLINICIAN_TEXT[language];
      expect(Object.keys(t).sort(), language).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(t)) {
        if (typeof value === 'string') expect(value.trim(), `${language}.${key}`).not.toBe('');
      }
      for (const heading of englishHeadings(en)) {
        expect(englishHeadings(t), `${language}: ${heading}`).not.toContain(heading);
      }
    }
  });

  it('writes dates as the console does in each language', () => {
    expect(formatDay('2026-12-02')).toBe('2 December 2026');
    expect(formatDay('2026-12-02', CLINICIAN_TEXT.fr.locale)).toBe('2 décembre 2026');
    expect(formatDay('2026-12-02', CLINICIAN_TEXT.de.locale)).toBe('2. Dezember 2026');
    // T-scores with the locale's decimal sign.
    expect(CLINICIAN_TEXT.fr.boneHealthLines(PLAN)[0]).toBe(
      'Ostéodensitométrie : réalisée (T-score le plus bas rachis -2,8)',
    );
    expect(CLINICIAN_TEXT.de.boneHealthLines(PLAN)[0]).toBe(
      'Knochendichtemessung: durchgeführt (tiefster T-Score Wirbelsäule -2.8)',
    );
  });
});

describe('exports in the console language', () => {
  it('the record text follows the console: French words and dates, no English heading left', async () => {
    const t = await exportCore({ pdf });
    const id = await record(t, true);
    await t.call('settings.update', { consoleLanguage: 'fr' });
    const text = await exported(t, id, 'record-text');

    expect(text.startsWith('# Résumé de consultation : fracture vertébrale ostéoporotique\n')).toBe(true);
    expect(text).toContain('Patient : Hélène Dubois-Martin (code VCF-2026-017), né·e le 2 mars 1948');
    expect(text).toContain('- Douleur actuelle : 7/10 (EN), depuis le 1 novembre 2026');
    expect(text).toContain('- L1 : Genant grade 2, modéré (perte de hauteur de 25–40 %)');
    expect(text).toContain(
      '- Intervention : Cyphoplastie par ballonnet, niveaux T12, L1, anesthésie générale, prévue le 2 décembre 2026',
    );
    expect(text).toContain('- Suivi : 16 décembre 2026');
    expect(text).toContain('- Être soulagé de la douleur le plus vite possible : compte beaucoup');
    expect(text).toContain('- Traitement de l’ostéoporose : débuté (Zoledronate)');
    expect(text).toContain('- 9 décembre 2026 : douleur 3 ; marche et activités quotidiennes limitées');
    expect(text).toContain('## Avenants');
    expect(text).toContain('   Motif : Follow-up moved: away on 16 December');
    expect(text).toMatch(/Empreinte du dossier \(SHA-256, à la signature\) : [0-9a-f]{64}/);
    for (const heading of englishHeadings(CLINICIAN_TEXT.en)) expect(text).not.toContain(heading);
    expect(text).not.toMatch(/Pain now|Not recorded|not set|Record digest/);
  });

  it('the clinician PDF in German: headings, coded values, the DRAFT mark and dates in German, accents intact', async () => {
    const t = await exportCore({ pdf });
    const id = await record(t, false);
    await t.call('settings.update', { consoleLanguage: 'de' });
    const text = await exported(t, id, 'clinician-pdf');

    expect(text).toContain('Zusammenfassung der Konsultation: osteoporotische Wirbelfraktur');
    expect(text).toContain('Klinische Befunde');
    expect(text).toContain('Schmerz jetzt: 7/10 (NRS), seit 1. November 2026');
    expect(text).toContain('Geboren 2. März 1948');
    expect(text).toContain('Hélène Dubois-Martin');
    expect(text).toContain('Als besprochen bestätigte Risiken');
    expect(text).toContain('Zementaustritt');
    expect(text).toContain('Ballon-Kyphoplastie');
    expect(text).toContain('Nachkontrolle: 16. Dezember 2026');
    expect(text).toContain('Plan zur Knochengesundheit');
    expect(text).toContain('Unterschrift und Datum');
    expect(text).toContain('ENTWURF');
    for (const heading of englishHeadings(CLINICIAN_TEXT.en)) expect(text).not.toContain(heading);
    expect(text).not.toMatch(/DRAFT|Pain now|Signature and date/);
  });

  it('a signed French PDF: the signature and the seal in French; FHIR stays English', async () => {
    const t = await exportCore({ pdf });
    const id = await record(t, true);
    await t.call('settings.update', { consoleLanguage: 'fr' });
    const text = await exported(t, id, 'clinician-pdf');

    expect(text).toMatch(/Signé électroniquement par Dr\. Anna Weber le \d{1,2} \S+ 2026 à \d\d:\d\d\./);
    expect(text).toMatch(/Journal d’audit à la ligne \d+ : ?[0-9a-f]{20}/);
    expect(text).toContain('Avenants');
    expect(text).toContain('Douleur au fil du temps');
    expect(text).toContain('9 décembre 2026');

    const fhir = await exported(t, id, 'fhir-json');
    expect(fhir).toContain('Pain now');
    expect(fhir).not.toContain('Douleur actuelle');
  });

  it('goes back to English when the console does', async () => {
    const t = await exportCore({ pdf });
    const id = await record(t, false);
    await t.call('settings.update', { consoleLanguage: 'de' });
    expect(await exported(t, id, 'record-text')).toContain('## Klinische Befunde');
    await t.call('settings.update', { consoleLanguage: 'en' });
    const text = await exported(t, id, 'record-text');
    expect(text).toContain('## Findings\n- Pain now: 7/10 (NRS), since 1 November 2026');
    expect(text).not.toContain('Klinische Befunde');
  });

  it('the clipboard text follows the console too', async () => {
    const t = await exportCore();
    const id = await record(t, false);
    await t.call('settings.update', { consoleLanguage: 'de' });
    const { text } = await t.call('exports.text', { consultationId: id, pseudonymize: false });
    expect(text).toContain('## Klinische Befunde');
    expect(text).toContain('Akte: ENTWURF, nicht unterschrieben');
  });

  it('a corrected patient in German: the correction as an amendment, values hidden when pseudonymized', async () => {
    const t = await exportCore();
    const id = await record(t, true);
    const { patient } = await t.call('consultations.get', { id });
    const patientId = patient.id;
    await t.call('patients.correct', {
      id: patientId,
      reason: 'Tippfehler im Geburtsdatum',
      birthDate: '1948-03-12',
      baseRevision: await base(t, patientId, 'patient'),
    });
    await t.call('settings.update', { consoleLanguage: 'de' });
    const named = (await t.call('exports.text', { consultationId: id, pseudonymize: false })).text;
    expect(named).toMatch(
      /2\. Angaben des Patienten korrigiert \(Geboren\), \d{1,2}\. \S+ 2026 \d\d:\d\d, von Dr\. Anna Weber/,
    );
    expect(named).toContain(
      '   Grund: Tippfehler im Geburtsdatum\n   Original:\n   - Geboren: 2. März 1948\n   Korrigiert:\n   - Geboren: 12. März 1948\n',
    );
    const hidden = (await t.call('exports.text', { consultationId: id, pseudonymize: true })).text;
    expect(hidden).toContain('   Werte nicht gezeigt (pseudonymisiert).');
    expect(hidden).not.toMatch(/Hélène|Dubois|März 1948/);
  });
});

/**
 * The one consultation every export test renders, built through the real test
 * core: a named patient, slides and risk slides shown for set times, findings
 * (L1 grade 2, T12 grade 3), balloon kyphoplasty chosen, risks confirmed,
 * notes that mention the patient by name, finalized, then one amendment.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  signWarningIds,
  type ConsultationRecord,
  type ExportKind,
  type Language,
} from '../../../../../src-shared/contract/index.js';
import type { PdfRenderer } from '../../../../../src-main/core/export/pdf-renderer.js';
import { slideIndex } from '../../../helpers/slide-index.js';
import { makeTestCore, type TestCore } from '../../../helpers/test-core.js';
import { base } from '../../../helpers/revisions.js';

export const PATIENT = {
  displayName: 'Hélène Dubois-Martin',
  code: 'VCF-2026-017',
  birthDate: '1948-03-02',
  sex: 'female',
  hospitalNumber: 'H-778812',
} as const;

export const SETTINGS = {
  physicianName: 'Dr. Anna Weber',
  clinicName: 'Spine Clinic Lausanne',
  clinicContact: 'Rue du Bugnon 46\n1011 Lausanne\n021 555 01 23',
};

export const NOTES =
  'Mme Dubois-Martin fell at home on 1 November. Hélène is worried about the anaesthesia; her daughter will drive her.';

const open: TestCore[] = [];

/** Closes the cores made since the last call (tests: `afterEach(closeCores)`; the bench uses it too). */
export function closeCores(): void {
  for (const t of open.splice(0)) t.close();
}

/** A test core with the clinic settings, in a temp data folder; closed by `closeCores`. */
export async function exportCore(options: { pdf?: PdfRenderer } = {}): Promise<TestCore> {
  const t = makeTestCore();
  open.push(t);
  await t.call('settings.update', SETTINGS);
  // The test core has no printer of its own: the PDF tests share one Chromium.
  if (options.pdf) t.core.services.pdf = options.pdf;
  return t;
}

async function show(t: TestCore, deckId: string, slideId: string, ms: number): Promise<void> {
  await t.call('presentation.goto', { deckId, slideIndex: await slideIndex(t, deckId, slideId) });
  t.advance(ms);
}

/** The consultation up to (not including) finalizing. */
export async function draftConsultation(
  t: TestCore,
  options: { language?: Language; patient?: Record<string, unknown> } = {},
): Promise<ConsultationRecord> {
  const patient = await t.call('patients.create', { ...PATIENT, ...options.patient });
  const draft = await t.call('consultations.start', { patientId: patient.id, language: options.language ?? 'en' });
  await t.call('presentation.start', {});
  await show(t, 'kyphoplasty', 'kyphoplasty-title', 45_000);
  await show(t, 'kyphoplasty', 'augmentation-what', 30_000);
  await show(t, 'augmentation-risks', 'risk-cement-leak', 40_000);
  await show(t, 'augmentation-risks', 'risk-spinal-canal', 25_000);
  await show(t, 'augmentation-risks', 'risk-lung-embolism', 15_000);
  await show(t, 'kyphoplasty', 'kyphoplasty-title', 0);
  const id = draft.id;
  await t.call('consultations.updateFindings', {
    id,
    findings: {
      painNow: 7,
      painSince: '2026-11-01',
      fracturedLevels: [
        { level: 'L1', grade: 2 },
        { level: 'T12', grade: 3 },
      ],
      redFlags: [],
    },
    baseRevision: await base(t, id, 'findings'),
  });
  await t.call('consultations.updateDecision', {
    id,
    decision: kyphoplastyDecision('2026-12-16'),
    baseRevision: await base(t, id, 'decision'),
  });
  await t.call('consultations.confirmRisks', {
    id,
    risks: { confirmed: ['cement-leak', 'spinal-canal', 'lung-embolism', 'infection-bleeding'], otherText: '' },
    baseRevision: await base(t, id, 'risks'),
  });
  await t.call('notes.save', { consultationId: id, body: NOTES, baseRevision: await base(t, id, 'notes') });
  await t.call('notes.addEntry', { consultationId: id, text: 'Asked whether she can garden after the procedure' });
  return t.call('consultations.get', { id });
}

export function kyphoplastyDecision(followUpDate: string) {
  return {
    path: 'augmentation' as const,
    conservativeMeasures: [],
    conservativeDetails: '',
    augmentation: {
      procedure: 'balloon-kyphoplasty' as const,
      levels: ['T12' as const, 'L1' as const],
      anaesthesia: 'general' as const,
      plannedDate: '2026-12-02',
    },
    referral: '',
    questions: 'Can she garden again?',
    followUpDate,
    sure: { sureOfChoice: true, knowsBenefitsAndRisks: true, clearAboutValues: true, enoughSupport: false },
  };
}

/** Finalizes, then amends the follow-up date (the original stays in the record). */
export async function finalizeAndAmend(t: TestCore, id: string): Promise<ConsultationRecord> {
  t.advance(60_000);
  await t.call('consultations.finalize', { id, acknowledged: [...signWarningIds] });
  t.advance(24 * 3600_000);
  return t.call('consultations.amend', {
    id,
    reason: 'Follow-up moved: away on 16 December',
    change: { section: 'decision', after: kyphoplastyDecision('2026-12-23') },
  });
}

/** The finalized, amended fixture record. */
export async function fixtureRecord(t: TestCore, language: Language = 'en'): Promise<ConsultationRecord> {
  const draft = await draftConsultation(t, { language });
  return finalizeAndAmend(t, draft.id);
}

/** Every file in a folder, recursively, hidden ones included. */
export function listFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(folder, f)).isFile());
}

/**
 * The text of a PDF as pdftotext reads it: with the layout kept (lines stay
 * lines), or raw, in drawing order (rotated text such as the watermark stays whole).
 */
export function pdfText(pdf: Buffer | string, mode: 'layout' | 'raw' = 'layout'): string {
  const file = typeof pdf === 'string' ? pdf : writeTemp(pdf, '.pdf');
  const run = spawnSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout;
}

export function writeTemp(data: Buffer, ext: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-export-')), `file${ext}`);
  fs.writeFileSync(file, data);
  return file;
}

/**
 * Exports one consultation and returns the file's path. With `CONSULTDECK_SHOTS` set, its pages are also saved as
 * pictures there (`<shot>-<kind>-N.png`), for looking at.
 */
export async function exportOne(
  t: TestCore,
  id: string,
  kind: ExportKind,
  options: { shot?: string; pseudonymize?: boolean } = {},
): Promise<string> {
  const { files } = await t.call('exports.create', {
    consultationIds: [id],
    kind,
    pseudonymize: options.pseudonymize ?? false,
  });
  const file = files[0]?.path ?? '';
  const dir = process.env.CONSULTDECK_SHOTS;
  if (dir && options.shot) {
    fs.mkdirSync(dir, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '60', file, path.join(dir, `${options.shot}-${kind}`)]);
  }
  return file;
}

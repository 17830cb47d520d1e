/**
 * The one model every export is rendered from: a consultation record as the
 * documents tell it (current sections with amendments applied, what was shown
 * and for how long, the clinic). Pseudonymizing happens here, once, so no
 * renderer can forget it: the name and hospital number are dropped, the birth
 * date becomes a year, and the name is replaced by the code in free text.
 */
import type {
  Amendment,
  BoneHealthPlan,
  FollowUp,
  FollowUpValues,
  ConsultationRecord,
  DecisionView,
  DeckSummary,
  Findings,
  Language,
  Patient,
  PatientCorrection,
  RiskId,
  RisksAmendValue,
  Settings,
  WhatMatters,
} from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import { readPainChart, type PainChart } from './pain-chart.js';
import { localDate } from '../records/dates.js';
import { listCorrections } from '../records/corrections.js';
import { readRecord } from '../records/record.js';
import { listFollowUps } from '../records/follow-ups.js';
import { readSettings } from '../records/settings.js';
import { auditHead } from '../audit.js';
import { nameScrubber } from './pseudonymize.js';

export interface SummaryPatient {
  /** What the documents call the patient: the name, or the code when pseudonymized or unnamed. */
  label: string;
  code: string;
  name: string | null;
  /** YYYY-MM-DD or YYYY; only the year when pseudonymized. */
  birthDate: string | null;
  sex: Patient['sex'];
  hospitalNumber: string | null;
}

export interface ShownDeck {
  deckId: string;
  title: string;
  topic: DeckSummary['topic'] | null;
  slides: number;
  totalMs: number;
  /** Certifying items (IPDAS) every export names; null for a PDF deck or a deck no longer in the library. */
  version: string | null;
  evidenceReviewed: string | null;
  /** The review status of the consultation language's translation (null for English). */
  translationReview: string | null;
}

/** "version 1, evidence reviewed 2026-11-01" — the one wording the clinician exports use. */
export function deckEdition(deck: ShownDeck): string {
  const parts = [
    deck.version === null ? 'version not stated' : `version ${deck.version}`,
    deck.evidenceReviewed === null ? 'evidence review date not stated' : `evidence reviewed ${deck.evidenceReviewed}`,
  ];
  if (deck.translationReview !== null) parts.push(`translation: ${deck.translationReview}`);
  return parts.join(', ');
}

export interface ExportSummary {
  consultationId: string;
  status: ConsultationRecord['status'];
  language: Language;
  pseudonymized: boolean;
  /** The consultation day, local time (YYYY-MM-DD). */
  day: string;
  startedAt: string;
  physician: string;
  finalizedAt: string | null;
  finalizedBy: string | null;
  clinic: Pick<Settings, 'clinicName' | 'clinicContact' | 'paperSize'>;
  patient: SummaryPatient;
  findings: Findings;
  explained: { decks: ShownDeck[]; risks: Array<{ risk: RiskId; shownMs: number }> };
  risks: RisksAmendValue;
  decision: DecisionView;
  /** What matters to the patient, as signed (not amendable). */
  whatMatters: WhatMatters;
  /** The bone-health plan as signed (the medicine's name scrubbed when pseudonymized). */
  boneHealth: BoneHealthPlan;
  /** The signed follow-up visits of this consultation, in date order (free text scrubbed when pseudonymized). */
  followUps: FollowUp[];
  notes: string;
  entries: Array<{ at: string; text: string }>;
  /** Oldest first, each with the section before and after and the reason. */
  amendments: Amendment[];
  /**
   * Corrections of the patient's details made since the consultation began,
   * oldest first. The patient block above shows the corrected details; these
   * keep the originals. Pseudonymized: which fields only, no values, no reason.
   */
  patientCorrections: SummaryCorrection[];
  /**
   * A signed record's seal (issue 11, M5): the digest written when it was signed and the audit
   * chain's head when it was exported, printed so that a paper copy can later prove tampering
   * (`npm run audit:check` recomputes both). Null for a draft.
   */
  seal: ExportSeal | null;
  /** Pain at this consultation and its signed follow-up visits, for the clinician PDF's chart (none: no visit). */
  painChart?: PainChart | null;
}

export interface SummaryCorrection {
  at: string;
  author: string;
  reason: string;
  changes: Array<{
    field: 'displayName' | 'birthDate' | 'hospitalNumber';
    before: string | null;
    after: string | null;
  }>;
}

export interface ExportSeal {
  recordDigest: string;
  auditHead: { id: number; hash: string };
}

export interface SummaryOptions {
  settings: Settings;
  decks: readonly DeckSummary[];
  pseudonymize: boolean;
  /** The patient's corrections (any; those before the consultation are left out here). */
  corrections?: readonly PatientCorrection[];
  seal?: ExportSeal | null;
  /** The consultation's follow-up visits (any; drafts are left out here). */
  followUps?: readonly FollowUp[];
}

/** The digest written when the record was signed, and the audit chain's head now. */
export function sealOf(services: Services, consultationId: string): ExportSeal | null {
  const detail = services.db
    .prepare(
      "SELECT detail FROM audit_log WHERE action = 'consultation.finalize' AND consultation_id = ? ORDER BY id DESC LIMIT 1",
    )
    .pluck()
    .get(consultationId) as string | undefined;
  const digest = detail ? /sha256=([0-9a-f]{64})/.exec(detail)?.[1] : undefined;
  return digest ? { recordDigest: digest, auditHead: auditHead(services.db) } : null;
}

/** Reads the record through the same function the console uses, then builds the summary. */
export function loadSummary(
  services: Services,
  consultationId: string,
  pseudonymize: boolean,
  field = 'consultationId',
): ExportSummary {
  const record = readRecord(services, consultationId, field);
  const settings = readSettings(services.db);
  const corrections = listCorrections(services.db, record.patient.id);
  const seal = record.status === 'finalized' ? sealOf(services, record.id) : null;
  const followUps = listFollowUps(services.db, record.id);
  const summary = summaryFromRecord(record, {
    settings,
    decks: services.library.list().decks,
    pseudonymize,
    corrections,
    seal,
    followUps,
  });
  return { ...summary, painChart: readPainChart(services.db, record.id, record.patient.id) };
}

function shownDecks(record: ConsultationRecord, decks: readonly DeckSummary[]): ShownDeck[] {
  const byId = new Map<string, ShownDeck>();
  for (const view of record.slidesShown) {
    const deck = decks.find((d) => d.id === view.deckId);
    const shown = byId.get(view.deckId) ?? {
      deckId: view.deckId,
      title: deck?.titles[record.language] ?? deck?.titles.en ?? view.deckId,
      topic: deck?.topic ?? null,
      slides: 0,
      totalMs: 0,
      version: deck?.certifying?.version ?? null,
      evidenceReviewed: deck?.certifying?.evidenceReviewed ?? null,
      translationReview: deck?.certifying?.translationReview[record.language] ?? null,
    };
    shown.slides += 1;
    shown.totalMs += view.totalMs;
    byId.set(view.deckId, shown);
  }
  return [...byId.values()];
}

function summaryPatient(patient: Patient, pseudonymize: boolean): SummaryPatient {
  if (pseudonymize) {
    const year = patient.birthDate?.slice(0, 4) ?? null;
    return {
      label: patient.code,
      code: patient.code,
      name: null,
      birthDate: year,
      sex: patient.sex,
      hospitalNumber: null,
    };
  }
  return {
    label: patient.displayName ?? patient.code,
    code: patient.code,
    name: patient.displayName,
    birthDate: patient.birthDate,
    sex: patient.sex,
    hospitalNumber: patient.hospitalNumber,
  };
}

function scrubDecision(decision: DecisionView, scrub: (text: string) => string): DecisionView {
  return {
    ...decision,
    conservativeDetails: scrub(decision.conservativeDetails),
    referral: scrub(decision.referral),
    questions: scrub(decision.questions),
  };
}

function scrubAmendment(amendment: Amendment, scrub: (text: string) => string): Amendment {
  const reason = scrub(amendment.reason);
  switch (amendment.section) {
    case 'findings':
      return { ...amendment, reason };
    case 'decision':
      return {
        ...amendment,
        reason,
        before: scrubDecision(amendment.before, scrub),
        after: scrubDecision(amendment.after, scrub),
      };
    case 'risks':
      return {
        ...amendment,
        reason,
        before: { ...amendment.before, otherText: scrub(amendment.before.otherText) },
        after: { ...amendment.after, otherText: scrub(amendment.after.otherText) },
      };
    case 'notes':
      return {
        ...amendment,
        reason,
        before: { body: scrub(amendment.before.body) },
        after: { body: scrub(amendment.after.body) },
      };
  }
}

function summaryCorrections(
  corrections: readonly PatientCorrection[],
  startedAt: string,
  pseudonymize: boolean,
): SummaryCorrection[] {
  return corrections
    .filter((c) => c.at >= startedAt)
    .map((c) => ({
      at: c.at,
      author: c.author,
      reason: pseudonymize ? '' : c.reason,
      changes: (['displayName', 'birthDate', 'hospitalNumber'] as const)
        .filter((field) => field in c.after)
        .map((field) => ({
          field,
          before: pseudonymize ? null : (c.before[field] ?? null),
          after: pseudonymize ? null : (c.after[field] ?? null),
        })),
    }));
}

/** Scrubs the current name and every earlier (corrected) name and hospital number of the patient. */
function scrubberFor(record: ConsultationRecord, corrections: readonly PatientCorrection[]): (text: string) => string {
  const scrubbers = [
    nameScrubber(record.patient),
    ...corrections.map((c) =>
      nameScrubber({
        code: record.patient.code,
        displayName: c.before.displayName ?? null,
        hospitalNumber: c.before.hospitalNumber ?? null,
      }),
    ),
  ];
  return (text) => scrubbers.reduce((out, scrub) => scrub(out), text);
}

export function summaryFromRecord(record: ConsultationRecord, options: SummaryOptions): ExportSummary {
  const { settings, pseudonymize } = options;
  const corrections = options.corrections ?? [];
  const scrub = pseudonymize ? scrubberFor(record, corrections) : (text: string) => text;
  const { current } = record;
  return {
    consultationId: record.id,
    status: record.status,
    language: record.language,
    pseudonymized: pseudonymize,
    day: localDate(new Date(record.startedAt)),
    startedAt: record.startedAt,
    physician: record.physician || settings.physicianName,
    finalizedAt: record.finalizedAt,
    finalizedBy: record.finalizedBy,
    clinic: { clinicName: settings.clinicName, clinicContact: settings.clinicContact, paperSize: settings.paperSize },
    patient: summaryPatient(record.patient, pseudonymize),
    findings: current.findings,
    explained: {
      decks: shownDecks(record, options.decks),
      // Shown times come from the signed record (frozen at finalizing); amendments never change them.
      risks: record.risks.items.flatMap((i) => (i.shownMs === null ? [] : [{ risk: i.risk, shownMs: i.shownMs }])),
    },
    risks: {
      confirmed: current.risks.items.filter((i) => i.confirmed).map((i) => i.risk),
      otherText: scrub(current.risks.otherText),
    },
    decision: scrubDecision(current.decision, scrub),
    whatMatters: record.whatMatters,
    boneHealth: { ...record.boneHealth, medicineName: scrub(record.boneHealth.medicineName) },
    // Only signed visits: a draft visit may still change.
    followUps: (options.followUps ?? [])
      .filter((v) => v.status === 'finalized')
      .map((v) => {
        const text = <T extends FollowUpValues>(values: T): T => ({
          ...values,
          note: scrub(values.note),
          complicationsOther: scrub(values.complicationsOther),
        });
        // A correction's reason and both sides are free text too.
        const amendments = v.amendments.map((x) => ({
          ...x,
          reason: scrub(x.reason),
          before: text(x.before),
          after: text(x.after),
        }));
        return { ...text(v), amendments };
      }),
    notes: scrub(current.notes.body),
    entries: record.entries.map((e) => ({ at: e.at, text: scrub(e.text) })),
    amendments: record.amendments.map((a) => scrubAmendment(a, scrub)),
    patientCorrections: summaryCorrections(corrections, record.startedAt, pseudonymize),
    seal: options.seal ?? null,
  };
}

/** Reads one whole consultation record, as the console and exports show it. */
import { createHash } from 'node:crypto';
import {
  NO_BONE_HEALTH_PLAN,
  deckIdSchema,
  whatMattersIds,
  type ConsultationRecord,
} from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import { currentSections, listAmendments } from './amended-sections.js';
import { loadConsultation } from './consultation-rows.js';
import { listEntries } from './entries.js';
import { readNotes } from './notes.js';
import { requirePatient } from './patients.js';
import { recordRevisions } from './revisions.js';
import { readRisks } from './risks.js';
import { readStoredDecision } from './section-writes.js';
import { decisionView, parseDecision, parseFindings } from './sections.js';
import { readWhatMatters, whatMattersRevision } from './what-matters.js';
import { boneHealthRevision, readBoneHealth } from './bone-health.js';

export function parsePlaylist(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id) => deckIdSchema.safeParse(id).success) : [];
  } catch {
    return [];
  }
}

/** What reading a record needs: the store, and which consultation is open (its running slide view). */
export type RecordReader = Pick<Services, 'db'> & {
  presentation: { views: { consultationId: string | null; flush(): void } };
};

/** A reader of the store alone (nothing open): `audit:check`, outside a running core. */
export function storeReader(db: Services['db']): RecordReader {
  return { db, presentation: { views: { consultationId: null, flush: () => undefined } } };
}

function slidesShown(services: RecordReader, consultationId: string): ConsultationRecord['slidesShown'] {
  const rows = services.db
    .prepare(
      `SELECT deck_id, slide_id, count(*) AS views, sum(duration_ms) AS total_ms, min(shown_at) AS first_shown_at
       FROM slide_views WHERE consultation_id = ? GROUP BY deck_id, slide_id HAVING total_ms > 0 ORDER BY first_shown_at, deck_id, slide_id`,
    )
    .all(consultationId) as Array<{
    deck_id: string;
    slide_id: string;
    views: number;
    total_ms: number;
    first_shown_at: string;
  }>;
  return rows.map((r) => ({
    deckId: r.deck_id,
    slideId: r.slide_id,
    views: r.views,
    totalMs: r.total_ms,
    firstShownAt: r.first_shown_at,
  }));
}

export function readRecord(services: RecordReader, id: string, field = 'id'): ConsultationRecord {
  const { db } = services;
  const row = loadConsultation(db, id, field);
  const isOpen = services.presentation.views.consultationId === id;
  // The slide on screen has a running duration; write it so times are current.
  if (isOpen) services.presentation.views.flush();
  const finalized = row.status === 'finalized';
  const notes = readNotes(db, id);
  const decisionRow = readStoredDecision(db, id);
  const findings = parseFindings(row.findings);
  const decision = decisionView(parseDecision(decisionRow?.path, decisionRow?.details));
  const risks = readRisks(db, id, finalized);
  const amendments = listAmendments(db, id);
  const signed = { findings, decision, risks, notes: { body: notes?.body ?? '' } };
  return {
    id: row.id,
    patient: requirePatient(db, row.patient_id),
    physician: row.physician,
    startedAt: row.started_at,
    language: row.language,
    playlist: parsePlaylist(row.playlist),
    status: row.status,
    updatedAt: row.updated_at,
    finalizedAt: row.finalized_at,
    finalizedBy: row.finalized_by,
    isOpen,
    findings,
    decision,
    risks,
    whatMatters: readWhatMatters(db, id),
    boneHealth: readBoneHealth(db, id),
    notes: { body: notes?.body ?? '', revision: notes?.revision ?? 0, savedAt: notes?.saved_at ?? null },
    entries: listEntries(db, id),
    slidesShown: slidesShown(services, id),
    revisions: {
      ...recordRevisions(db, id),
      boneHealth: boneHealthRevision(db, id),
      whatMatters: whatMattersRevision(db, id),
    },
    amendments,
    current: currentSections(signed, amendments),
  };
}

/**
 * A digest of the signed content (no volatile fields), written into the
 * finalize audit row so a later edit of the record tables can be detected.
 */
export function recordDigest(record: ConsultationRecord): string {
  return digestOf(signedContent(record));
}

function digestOf(signed: object): string {
  return createHash('sha256').update(JSON.stringify(signed)).digest('hex');
}

function signedContent(record: ConsultationRecord) {
  return {
    id: record.id,
    patientId: record.patient.id,
    physician: record.physician,
    startedAt: record.startedAt,
    language: record.language,
    playlist: record.playlist,
    finalizedAt: record.finalizedAt,
    finalizedBy: record.finalizedBy,
    findings: record.findings,
    decision: record.decision,
    risks: record.risks,
    whatMatters: record.whatMatters,
    // Only a recorded plan is sealed, so the digest of a record signed before plans existed stays the same.
    ...(JSON.stringify(record.boneHealth) === JSON.stringify(NO_BONE_HEALTH_PLAN)
      ? {}
      : { boneHealth: record.boneHealth }),
    notes: record.notes.body,
    entries: record.entries,
    slidesShown: record.slidesShown,
  };
}

/**
 * The digests a signed record may carry: today's, and, for a record with nothing of "what matters"
 * asked, the form written before that section existed (signed on schema 0006 or older, whose digest had
 * no such key). Without it every record signed before then read as tampered after the upgrade.
 */
export function acceptedDigests(record: ConsultationRecord): string[] {
  const digests = [recordDigest(record)];
  if (whatMattersIds.every((id) => record.whatMatters[id] === 'not-asked')) {
    const before: Partial<ReturnType<typeof signedContent>> = signedContent(record);
    delete before.whatMatters;
    digests.push(digestOf(before));
  }
  return digests;
}

/**
 * Each signed record's digest as written in its finalize audit row, against the digest computed from
 * the record now (issue 11, M5): an edit of a signed record's tables shows as a mismatch.
 */
export function checkSignedDigests(db: Services['db']): Array<{ consultationId: string; ok: boolean }> {
  const rows = db
    .prepare("SELECT consultation_id, detail FROM audit_log WHERE action = 'consultation.finalize' ORDER BY id")
    .all() as Array<{ consultation_id: string; detail: string }>;
  const reader = storeReader(db);
  return rows.map((row) => {
    const written = /sha256=([0-9a-f]{64})/.exec(row.detail)?.[1];
    let now: string[] = [];
    try {
      now = acceptedDigests(readRecord(reader, row.consultation_id));
    } catch {
      // The record is gone: that is tampering too.
    }
    return { consultationId: row.consultation_id, ok: written !== undefined && now.includes(written) };
  });
}

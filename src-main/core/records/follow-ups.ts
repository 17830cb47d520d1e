/**
 * Follow-up visits (migration 0006/0008 `follow_ups`) and the patient's
 * timeline. A visit belongs to a finalized index consultation; it is a draft
 * until signed, then read-only. The timeline's points are derived by one pure
 * function (`buildTimeline`), so the chart and its table agree and the test can
 * compute them by hand.
 */
import { randomUUID } from 'node:crypto';
import {
  followUpBoneMedicines,
  followUpComplications,
  followUpValuesSchema,
  spineLevels,
  type DecisionPath,
  type FollowUp,
  type FollowUpAmendment,
  type FollowUpValues,
  type PainPoint,
  type Timeline,
} from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import type { Db } from '../db/open.js';
import { currentSections, listAmendments } from './amended-sections.js';
import { loadConsultation } from './consultation-rows.js';
import { localDate } from './dates.js';
import { decisionView, parseDecision, parseFindings } from './sections.js';

interface FollowUpRow {
  id: string;
  consultation_id: string;
  visit_date: string;
  pain_now: number | null;
  mobility: FollowUp['mobility'];
  pain_medication: FollowUp['painMedication'];
  complications: string;
  complications_other: string;
  new_fractures: string;
  note: string;
  bone_medicine: string | null;
  status: FollowUp['status'];
  created_at: string;
  updated_at: string;
  finalized_at: string | null;
  finalized_by: string | null;
  revision: number;
}

interface AmendmentRow {
  id: number;
  at: string;
  author: string;
  reason: string;
  before: string;
  after: string;
}

/** A JSON list of known values; anything else in the column is dropped rather than shown. */
function parseList<T extends string>(json: string, known: readonly T[]): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is T => known.includes(v as T)) : [];
  } catch {
    return [];
  }
}

/** The visit as signed (or as the draft stands), before any correction. */
function signedValues(row: FollowUpRow): FollowUpValues {
  return {
    visitDate: row.visit_date,
    painNow: row.pain_now,
    mobility: row.mobility,
    painMedication: row.pain_medication,
    complications: parseList(row.complications, followUpComplications),
    complicationsOther: row.complications_other,
    newFractures: parseList(row.new_fractures, spineLevels),
    note: row.note,
    boneMedicine: followUpBoneMedicines.find((m) => m === row.bone_medicine) ?? null,
  };
}

/** A stored correction's values, read through the contract (a row this version cannot read is left out). */
function amendmentOf(row: AmendmentRow): FollowUpAmendment | null {
  try {
    const before = followUpValuesSchema.safeParse(JSON.parse(row.before));
    const after = followUpValuesSchema.safeParse(JSON.parse(row.after));
    if (!before.success || !after.success) return null;
    return { id: row.id, at: row.at, author: row.author, reason: row.reason, before: before.data, after: after.data };
  } catch {
    return null;
  }
}

function readAmendments(db: Db, followUpId: string): FollowUpAmendment[] {
  const rows = db
    .prepare(
      'SELECT id, at, author, reason, before, after FROM follow_up_amendments WHERE follow_up_id = ? ORDER BY id',
    )
    .all(followUpId) as AmendmentRow[];
  return rows.map(amendmentOf).filter((a) => a !== null);
}

/** The visit as it stands: the latest correction's values over the signed ones. */
function toFollowUp(db: Db, row: FollowUpRow): FollowUp {
  const amendments = row.status === 'finalized' ? readAmendments(db, row.id) : [];
  const values = amendments.at(-1)?.after ?? signedValues(row);
  return {
    id: row.id,
    consultationId: row.consultation_id,
    ...values,
    boneMedicine: values.boneMedicine ?? null,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finalizedAt: row.finalized_at,
    finalizedBy: row.finalized_by,
    revision: row.revision,
    amendments,
  };
}

export function loadFollowUp(db: Db, id: string): FollowUp {
  const row = db.prepare('SELECT * FROM follow_ups WHERE id = ?').get(id) as FollowUpRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'This follow-up visit does not exist (any more).', 'id');
  return toFollowUp(db, row);
}

export function listFollowUps(db: Db, consultationId: string): FollowUp[] {
  const rows = db
    .prepare('SELECT * FROM follow_ups WHERE consultation_id = ? ORDER BY visit_date, created_at, id')
    .all(consultationId) as FollowUpRow[];
  return rows.map((row) => toFollowUp(db, row));
}

/** A visit comes on or after the index consultation's day and not after today. */
export function checkVisitDate(db: Db, consultationId: string, visitDate: string, today: string): void {
  const consultationDay = localDate(new Date(loadConsultation(db, consultationId, 'consultationId').started_at));
  if (visitDate < consultationDay) {
    throw new ApiError('VALIDATION', 'values.visitDate: lies before the consultation', 'values.visitDate');
  }
  if (visitDate > today) throw new ApiError('VALIDATION', 'values.visitDate: lies in the future', 'values.visitDate');
}

export function insertFollowUp(db: Db, consultationId: string, values: FollowUpValues, at: string): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO follow_ups (id, consultation_id, visit_date, pain_now, mobility, pain_medication, complications,
       complications_other, new_fractures, note, bone_medicine, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, consultationId, ...valueColumns(values), at, at);
  return id;
}

/** Replaces a draft's values; its revision moves on by one. */
export function updateFollowUp(db: Db, id: string, values: FollowUpValues, at: string): void {
  db.prepare(
    `UPDATE follow_ups SET visit_date = ?, pain_now = ?, mobility = ?, pain_medication = ?, complications = ?,
       complications_other = ?, new_fractures = ?, note = ?, bone_medicine = ?, updated_at = ?, revision = revision + 1
     WHERE id = ? AND status = 'draft'`,
  ).run(...valueColumns(values), at, id);
}

/** Only the values of a visit (what a correction keeps as before and after). */
export function valuesOf(v: FollowUpValues): FollowUpValues {
  return {
    visitDate: v.visitDate,
    painNow: v.painNow,
    mobility: v.mobility,
    painMedication: v.painMedication,
    complications: v.complications,
    complicationsOther: v.complicationsOther,
    newFractures: v.newFractures,
    note: v.note,
    boneMedicine: v.boneMedicine ?? null,
  };
}

/** Whether two visits' values are the same (a save that changes nothing is no conflict). */
export function sameValues(a: FollowUpValues, b: FollowUpValues): boolean {
  return JSON.stringify(valueColumns(a)) === JSON.stringify(valueColumns(b));
}

/** Records a correction of a signed visit (the signed row is never rewritten). */
export function insertFollowUpAmendment(
  db: Db,
  values: {
    followUpId: string;
    at: string;
    author: string;
    before: FollowUpValues;
    after: FollowUpValues;
    reason: string;
  },
): void {
  db.prepare(
    'INSERT INTO follow_up_amendments (follow_up_id, at, author, before, after, reason) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    values.followUpId,
    values.at,
    values.author,
    JSON.stringify(valuesOf(values.before)),
    JSON.stringify(valuesOf(values.after)),
    values.reason,
  );
  db.prepare('UPDATE follow_ups SET updated_at = ? WHERE id = ?').run(values.at, values.followUpId);
}

/** Signs a draft visit: from now on it is read-only. */
export function finalizeFollowUp(db: Db, id: string, signer: string, at: string): void {
  db.prepare(
    `UPDATE follow_ups SET status = 'finalized', finalized_at = ?, finalized_by = ?, updated_at = ? WHERE id = ?`,
  ).run(at, signer, at, id);
}

function valueColumns(v: FollowUpValues): Array<string | number | null> {
  return [
    v.visitDate,
    v.painNow,
    v.mobility,
    v.painMedication,
    JSON.stringify(v.complications),
    v.complicationsOther,
    JSON.stringify(v.newFractures),
    v.note,
    v.boneMedicine ?? null,
  ];
}

/** Whole days from `from` to `to` (both YYYY-MM-DD), independent of time zones and DST. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface IndexConsultation {
  id: string;
  date: string;
  path: DecisionPath;
  painNow: number | null;
  procedureDate: string | null;
  procedureLevels: Timeline['consultations'][number]['procedureLevels'];
}

/** The timeline from the index consultations and their visits: pure, so its points can be checked by hand. */
export function buildTimeline(
  patientId: string,
  consultations: readonly IndexConsultation[],
  visits: readonly FollowUp[],
): Timeline {
  const ordered = [...consultations].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const points: PainPoint[] = [];
  const relative = (date: string, procedure: string | null) => (procedure ? daysBetween(procedure, date) : null);
  const withVisits = ordered.map((c) => {
    const own = visits
      .filter((v) => v.consultationId === c.id)
      .sort((a, b) => a.visitDate.localeCompare(b.visitDate) || a.createdAt.localeCompare(b.createdAt));
    if (c.painNow !== null) {
      points.push({
        date: c.date,
        pain: c.painNow,
        kind: 'consultation',
        id: c.id,
        daysFromProcedure: relative(c.date, c.procedureDate),
      });
    }
    for (const v of own) {
      if (v.painNow === null) continue;
      points.push({
        date: v.visitDate,
        pain: v.painNow,
        kind: 'visit',
        id: v.id,
        daysFromProcedure: relative(v.visitDate, c.procedureDate),
      });
    }
    return { ...c, visits: own };
  });
  // Stable: on one day the consultation comes before the visit.
  points.sort((a, b) => a.date.localeCompare(b.date));
  const procedures = withVisits
    .filter((c) => c.procedureDate !== null)
    .map((c) => ({ date: c.procedureDate as string, consultationId: c.id }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { patientId, consultations: withVisits, points, procedures };
}

// In both queries `+c.status` keeps SQLite off the status index (nine records in ten are finalized, so it
// would walk them all: 390 ms p95 at 100 000 consultations) and on the patient's index; CROSS JOIN fixes
// the order: the patient's consultations first, then their visits by index.

/** The patient's finalized consultations as the timeline needs them: findings and decision as amended. */
export function readIndexConsultations(db: Db, patientId: string): IndexConsultation[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.started_at, c.findings, d.path, d.details FROM consultations c
       LEFT JOIN decisions d ON d.consultation_id = c.id
       WHERE c.patient_id = ? AND +c.status = 'finalized' ORDER BY c.started_at`,
    )
    .all(patientId) as Array<{
    id: string;
    started_at: string;
    findings: string;
    path: string | null;
    details: string | null;
  }>;
  return rows.map((row) => {
    const signed = {
      findings: parseFindings(row.findings),
      decision: decisionView(parseDecision(row.path, row.details)),
      risks: { items: [], otherText: '', reviewedAt: null },
      notes: { body: '' },
    };
    const { findings, decision } = currentSections(signed, listAmendments(db, row.id));
    const augmentation = decision.path === 'augmentation';
    return {
      id: row.id,
      date: localDate(new Date(row.started_at)),
      path: decision.path,
      painNow: findings.painNow,
      procedureDate: augmentation ? decision.augmentation.plannedDate : null,
      procedureLevels: augmentation ? decision.augmentation.levels : [],
    };
  });
}

export function readTimeline(db: Db, patientId: string): Timeline {
  const consultations = readIndexConsultations(db, patientId);
  const visits = (
    db
      .prepare(
        `SELECT f.* FROM consultations c CROSS JOIN follow_ups f ON f.consultation_id = c.id
         WHERE c.patient_id = ? AND +c.status = 'finalized'`,
      )
      .all(patientId) as FollowUpRow[]
  ).map((row) => toFollowUp(db, row));
  return buildTimeline(patientId, consultations, visits);
}

/**
 * The practice overview's facts (migration 0011): one small row per finalized
 * consultation with the figures it contributes, and one per complication
 * reported at its signed visits. `readOverview` sums them over a range of
 * `started_at` (an index), instead of reading every JSON section and visit at
 * each request (~15 s at 100 000 consultations).
 *
 * The rows are derived data: `refreshOverviewFacts` recomputes one
 * consultation's from the record with core's own readers (sections as amended,
 * sureScore, the visits as parsed, the 92-day window), and every write that
 * changes one of them calls it in its own transaction, so the facts never
 * differ from the records they come from. A draft (or a deleted record) has
 * none.
 */
import {
  BONE_MEDICINE_WINDOW_DAYS,
  type Decision,
  type FollowUp,
  type Findings,
  type OverviewComplication,
  type OverviewPath,
} from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';
import { currentSections, listAmendments } from './amended-sections.js';
import { localDate } from './dates.js';
import { daysBetween, listFollowUps } from './follow-ups.js';
import { decisionView, parseDecision, parseFindings, sureScore } from './sections.js';

export interface OverviewFacts {
  pathKey: OverviewPath;
  sure: number | null;
  fractured: boolean;
  medicine: boolean;
  visits: number;
  newFractureVisits: number;
  newFractureLevels: number;
  /** Signed visits reporting each complication (only those with at least one). */
  complications: Partial<Record<OverviewComplication, number>>;
}

/**
 * The bone-health plan's medicine as the overview reads it: the one place to change when the plan can be
 * amended after signing (the amended plan then counts).
 */
export function planMedicine(db: Db, consultationId: string): string {
  // Read here rather than through bone-health.ts, whose save calls this module (no import cycle); the plan's
  // own module writes only values of the contract's list, and "not-recorded" is what no row means.
  const row = db.prepare('SELECT medicine FROM bone_health_plans WHERE consultation_id = ?').get(consultationId) as
    { medicine: string } | undefined;
  return row?.medicine ?? 'not-recorded';
}

export function overviewPathOf(decision: Decision): OverviewPath {
  return decision.path === 'augmentation'
    ? (decision.augmentation.procedure ?? 'augmentation-unspecified')
    : decision.path;
}

/** A consultation's figures from its sections (as amended), plan medicine and signed visits: pure. */
export function computeOverviewFacts(
  consultationDay: string,
  current: { findings: Findings; decision: Decision },
  medicine: string,
  signedVisits: readonly FollowUp[],
): OverviewFacts {
  const fractured = current.findings.fracturedLevels.length > 0;
  const medicineByVisit = signedVisits.some((v) => {
    const after = daysBetween(consultationDay, v.visitDate);
    return (
      (v.boneMedicine === 'started' || v.boneMedicine === 'taking') && after >= 0 && after <= BONE_MEDICINE_WINDOW_DAYS
    );
  });
  const complications: OverviewFacts['complications'] = {};
  const count = (id: OverviewComplication) => {
    complications[id] = (complications[id] ?? 0) + 1;
  };
  for (const v of signedVisits) {
    for (const id of new Set(v.complications)) count(id);
    if (v.complicationsOther !== '') count('other');
  }
  return {
    pathKey: overviewPathOf(current.decision),
    sure: sureScore(current.decision.sure),
    fractured,
    medicine: fractured && (medicine === 'started' || medicine === 'continued' || medicineByVisit),
    visits: signedVisits.length,
    newFractureVisits: signedVisits.filter((v) => v.newFractures.length > 0).length,
    newFractureLevels: signedVisits.reduce((sum, v) => sum + v.newFractures.length, 0),
    complications,
  };
}

/** The facts of one consultation as its record stands now, or null for a draft or a missing record. */
export function readOverviewFactsSource(
  db: Db,
  consultationId: string,
): (OverviewFacts & { startedAt: string }) | null {
  const row = db
    .prepare(
      `SELECT c.started_at, c.status, c.findings, d.path, d.details FROM consultations c
       LEFT JOIN decisions d ON d.consultation_id = c.id WHERE c.id = ?`,
    )
    .get(consultationId) as
    { started_at: string; status: string; findings: string; path: string | null; details: string | null } | undefined;
  if (!row || row.status !== 'finalized') return null;
  const signed = {
    findings: parseFindings(row.findings),
    decision: decisionView(parseDecision(row.path, row.details)),
    risks: { items: [], otherText: '', reviewedAt: null },
    notes: { body: '' },
  };
  const current = currentSections(signed, listAmendments(db, consultationId));
  const visits = listFollowUps(db, consultationId).filter((v) => v.status === 'finalized');
  const day = localDate(new Date(row.started_at));
  return {
    startedAt: row.started_at,
    ...computeOverviewFacts(day, current, planMedicine(db, consultationId), visits),
  };
}

/**
 * Rewrites one consultation's facts from its record. Call it inside the transaction of every write that changes
 * a finalized consultation's findings, decision, plan or signed visits (or its status), so both land together.
 */
export function refreshOverviewFacts(db: Db, consultationId: string): void {
  const facts = readOverviewFactsSource(db, consultationId);
  // The complications go with the row (ON DELETE CASCADE) and are written afresh.
  db.prepare('DELETE FROM overview_facts WHERE consultation_id = ?').run(consultationId);
  if (!facts) return;
  db.prepare(
    `INSERT INTO overview_facts (consultation_id, started_at, path_key, sure, fractured, medicine, visits,
       new_fracture_visits, new_fracture_levels) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    consultationId,
    facts.startedAt,
    facts.pathKey,
    facts.sure,
    Number(facts.fractured),
    Number(facts.medicine),
    facts.visits,
    facts.newFractureVisits,
    facts.newFractureLevels,
  );
  const complication = db.prepare(
    'INSERT INTO overview_fact_complications (consultation_id, complication, started_at, visits) VALUES (?, ?, ?, ?)',
  );
  for (const [id, visits] of Object.entries(facts.complications)) {
    complication.run(consultationId, id, facts.startedAt, visits);
  }
}

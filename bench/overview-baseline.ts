/**
 * The practice overview computed in JavaScript over every row (the baseline of
 * bench/timeline.ts): all consultations, decisions, amendments, bone-health
 * plans and visits are read, then counted with core's own parsers, so the SQL
 * of `core/records/overview.ts` can be checked equal to it at full size.
 */
import {
  BONE_MEDICINE_WINDOW_DAYS,
  followUpComplications,
  overviewComplications,
  overviewPaths,
  type Overview,
  type OverviewComplication,
  type OverviewPath,
  type OverviewRange,
} from '../src-shared/contract/index.js';
import type { Db } from '../src-main/core/db/open.js';
import { localDate } from '../src-main/core/records/dates.js';
import { daysBetween } from '../src-main/core/records/follow-ups.js';
import { parseDecision, parseFindings, sureScore } from '../src-main/core/records/sections.js';

const list = (json: string): unknown[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};

export function overviewInJs(db: Db, range: OverviewRange): Overview {
  const consultations = db
    .prepare(
      `SELECT c.id, c.started_at, c.status, c.findings, d.path, d.details
       FROM consultations c LEFT JOIN decisions d ON d.consultation_id = c.id`,
    )
    .all() as Array<{
    id: string;
    started_at: string;
    status: string;
    findings: string;
    path: string | null;
    details: string | null;
  }>;
  const amended = new Map<string, { findings?: string; decision?: string }>();
  for (const a of db.prepare('SELECT consultation_id, section, after FROM amendments ORDER BY id').all() as Array<{
    consultation_id: string;
    section: string;
    after: string;
  }>) {
    const entry = amended.get(a.consultation_id) ?? {};
    if (a.section === 'findings') entry.findings = a.after;
    if (a.section === 'decision') entry.decision = a.after;
    amended.set(a.consultation_id, entry);
  }
  const plans = new Map(
    (
      db.prepare('SELECT consultation_id, medicine FROM bone_health_plans').all() as Array<{
        consultation_id: string;
        medicine: string;
      }>
    ).map((p) => [p.consultation_id, p.medicine]),
  );
  const visitsOf = new Map<string, Array<Record<string, string | null>>>();
  for (const v of db
    .prepare(
      `SELECT consultation_id, visit_date, complications, complications_other, new_fractures, bone_medicine
       FROM follow_ups WHERE status = 'finalized'`,
    )
    .all() as Array<Record<string, string | null>>) {
    const id = v.consultation_id as string;
    visitsOf.set(id, [...(visitsOf.get(id) ?? []), v]);
  }

  const paths = new Map<OverviewPath, number>(overviewPaths.map((p) => [p, 0]));
  const sure = new Map<number | null, number>([0, 1, 2, 3, 4, null].map((s) => [s, 0]));
  const complications = new Map<OverviewComplication, { consultations: number; visits: number }>(
    overviewComplications.map((c) => [c, { consultations: 0, visits: 0 }]),
  );
  const result = {
    consultations: 0,
    visits: 0,
    numerator: 0,
    denominator: 0,
    nf: { consultations: 0, visits: 0, levels: 0 },
  };
  for (const c of consultations) {
    const day = localDate(new Date(c.started_at));
    if (
      c.status !== 'finalized' ||
      (range.from !== null && day < range.from) ||
      (range.to !== null && day > range.to)
    ) {
      continue;
    }
    result.consultations += 1;
    const a = amended.get(c.id);
    const findings = parseFindings(a?.findings ?? c.findings);
    const decision = a?.decision
      ? parseDecision((JSON.parse(a.decision) as { path?: string }).path, a.decision)
      : parseDecision(c.path, c.details);
    const path: OverviewPath =
      decision.path === 'augmentation'
        ? (decision.augmentation.procedure ?? 'augmentation-unspecified')
        : decision.path;
    paths.set(path, (paths.get(path) ?? 0) + 1);
    const score = sureScore(decision.sure);
    sure.set(score, (sure.get(score) ?? 0) + 1);
    const visits = visitsOf.get(c.id) ?? [];
    result.visits += visits.length;
    if (findings.fracturedLevels.length > 0) {
      result.denominator += 1;
      const plan = plans.get(c.id);
      const byVisit = visits.some((v) => {
        const after = daysBetween(day, v.visit_date as string);
        return (
          (v.bone_medicine === 'started' || v.bone_medicine === 'taking') &&
          after >= 0 &&
          after <= BONE_MEDICINE_WINDOW_DAYS
        );
      });
      if (plan === 'started' || plan === 'continued' || byVisit) result.numerator += 1;
    }
    const seen = new Set<OverviewComplication>();
    let newFractureVisits = 0;
    for (const v of visits) {
      const listed = list(v.complications as string).filter((x): x is OverviewComplication =>
        (followUpComplications as readonly unknown[]).includes(x),
      );
      if (v.complications_other) listed.push('other');
      for (const id of listed) {
        const entry = complications.get(id) as { consultations: number; visits: number };
        entry.visits += 1;
        if (!seen.has(id)) entry.consultations += 1;
        seen.add(id);
      }
      const levels = list(v.new_fractures as string).length;
      if (levels > 0) newFractureVisits += 1;
      result.nf.levels += levels;
    }
    result.nf.visits += newFractureVisits;
    if (newFractureVisits > 0) result.nf.consultations += 1;
  }
  return {
    from: range.from,
    to: range.to,
    consultations: result.consultations,
    visits: result.visits,
    paths: overviewPaths.map((path) => ({ path, count: paths.get(path) ?? 0 })),
    boneMedicine: { numerator: result.numerator, denominator: result.denominator },
    sure: [0, 1, 2, 3, 4, null].map((score) => ({ score, count: sure.get(score) ?? 0 })),
    complications: overviewComplications.map((id) => ({
      id,
      ...(complications.get(id) ?? { consultations: 0, visits: 0 }),
    })),
    newFractures: result.nf,
  };
}

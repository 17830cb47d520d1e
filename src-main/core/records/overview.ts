/**
 * The practice overview (issue 15, item 4), computed in SQL: a clinic's ten
 * years are 100 000 consultations, and reading them into JavaScript to count
 * them costs seconds (bench/timeline.ts measures both). Two passes: one over
 * the range's finalized consultations (findings and decision as amended: the
 * latest amendment of a section replaces the signed section, as in
 * `currentSections`), one over their signed visits. No name, code or hospital
 * number is read.
 *
 * The bone-health plan (migration 0009, `bone_health_plans.medicine`) and the
 * visit's `bone_medicine` are read here with the value names of the
 * migration's comments; the plan's own module writes them.
 */
import {
  BONE_MEDICINE_WINDOW_DAYS,
  overviewComplications,
  overviewPaths,
  type Overview,
  type OverviewComplication,
  type OverviewRange,
} from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';

/** The range's local days as UTC instants: `started_at` is compared as stored, so the status index is used. */
export function rangeBounds(range: OverviewRange): { from: string; to: string } {
  const localMidnight = (day: string) => new Date(`${day}T00:00:00`);
  const from = range.from === null ? '' : localMidnight(range.from).toISOString();
  let to = '\uffff';
  if (range.to !== null) {
    const next = localMidnight(range.to);
    next.setDate(next.getDate() + 1);
    to = next.toISOString();
  }
  return { from, to };
}

// The section as it stands: the latest amendment's `after`, else the signed column.
const AMENDED = (section: string) =>
  `(SELECT a.after FROM amendments a WHERE a.consultation_id = c.id AND a.section = '${section}' ORDER BY a.id DESC LIMIT 1)`;

const CONSULTATIONS_SQL = `
WITH src AS MATERIALIZED (
  SELECT c.id, date(c.started_at, 'localtime') AS day,
         coalesce(${AMENDED('findings')}, c.findings) AS findings,
         ${AMENDED('decision')} AS amended, d.path AS signed_path, d.details AS signed_details
  FROM consultations c LEFT JOIN decisions d ON d.consultation_id = c.id
  WHERE c.status = 'finalized' AND c.started_at >= @from AND c.started_at < @to
), sections AS (
  SELECT id, day,
         CASE WHEN json_valid(findings) THEN findings ELSE '{}' END AS findings,
         CASE WHEN amended IS NOT NULL AND json_valid(amended) THEN amended
              WHEN json_valid(signed_details) THEN signed_details ELSE '{}' END AS decision,
         CASE WHEN amended IS NOT NULL AND json_valid(amended) THEN json_extract(amended, '$.path')
              ELSE signed_path END AS path
  FROM src
), derived AS (
  SELECT id, day,
         CASE
           WHEN path = 'augmentation' THEN
             CASE json_extract(decision, '$.augmentation.procedure')
               WHEN 'balloon-kyphoplasty' THEN 'balloon-kyphoplasty'
               WHEN 'vertebroplasty' THEN 'vertebroplasty'
               ELSE 'augmentation-unspecified' END
           WHEN path IN ('conservative', 'referred') THEN path
           ELSE 'undecided' END AS path_key,
         -- SURE: a score only when all four are answered (true counts 1), as sureScore() does.
         CASE WHEN json_type(decision, '$.sure.sureOfChoice') IN ('true', 'false')
               AND json_type(decision, '$.sure.knowsBenefitsAndRisks') IN ('true', 'false')
               AND json_type(decision, '$.sure.clearAboutValues') IN ('true', 'false')
               AND json_type(decision, '$.sure.enoughSupport') IN ('true', 'false')
              THEN json_extract(decision, '$.sure.sureOfChoice') + json_extract(decision, '$.sure.knowsBenefitsAndRisks')
                 + json_extract(decision, '$.sure.clearAboutValues') + json_extract(decision, '$.sure.enoughSupport')
         END AS sure,
         coalesce(json_array_length(findings, '$.fracturedLevels'), 0) > 0 AS fractured
  FROM sections
), bone AS (
  SELECT d.*,
         d.fractured AND (
           EXISTS (SELECT 1 FROM bone_health_plans p WHERE p.consultation_id = d.id
                     AND p.medicine IN ('started', 'continued'))
           OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.consultation_id = d.id AND f.status = 'finalized'
                        AND f.bone_medicine IN ('started', 'taking')
                        AND f.visit_date >= d.day AND f.visit_date <= date(d.day, '+${BONE_MEDICINE_WINDOW_DAYS} days'))
         ) AS medicine
  FROM derived d
)
SELECT count(*) AS consultations,
       ${overviewPaths.map((p, i) => `coalesce(sum(path_key = '${p}'), 0) AS p${i}`).join(', ')},
       ${[0, 1, 2, 3, 4].map((s) => `coalesce(sum(sure = ${s}), 0) AS s${s}`).join(', ')},
       coalesce(sum(sure IS NULL), 0) AS s_null,
       coalesce(sum(fractured), 0) AS denominator,
       coalesce(sum(medicine), 0) AS numerator
FROM bone`;

// Signed visits of the range's consultations; the consultation side uses the status index, the visits theirs.
const VISITS_FROM = `
FROM consultations c CROSS JOIN follow_ups f ON f.consultation_id = c.id
WHERE c.status = 'finalized' AND c.started_at >= @from AND c.started_at < @to AND f.status = 'finalized'`;

const VISITS_SQL = `
SELECT count(*) AS visits,
       count(DISTINCT CASE WHEN json_array_length(f.new_fractures) > 0 THEN f.consultation_id END) AS nf_consultations,
       coalesce(sum(json_array_length(f.new_fractures) > 0), 0) AS nf_visits,
       coalesce(sum(json_array_length(f.new_fractures)), 0) AS nf_levels,
       count(DISTINCT CASE WHEN f.complications_other <> '' THEN f.consultation_id END) AS other_consultations,
       coalesce(sum(f.complications_other <> ''), 0) AS other_visits
${VISITS_FROM} AND json_valid(f.new_fractures)`;

const COMPLICATIONS_SQL = `
SELECT j.value AS id, count(DISTINCT f.consultation_id) AS consultations, count(*) AS visits
FROM consultations c CROSS JOIN follow_ups f ON f.consultation_id = c.id
  CROSS JOIN json_each(CASE WHEN json_valid(f.complications) THEN f.complications ELSE '[]' END) j
WHERE c.status = 'finalized' AND c.started_at >= @from AND c.started_at < @to AND f.status = 'finalized'
GROUP BY j.value`;

type Row = Record<string, number>;

export function readOverview(db: Db, range: OverviewRange): Overview {
  const bounds = rangeBounds(range);
  const c = db.prepare(CONSULTATIONS_SQL).get(bounds) as Row;
  const v = db.prepare(VISITS_SQL).get(bounds) as Row;
  const listed = db.prepare(COMPLICATIONS_SQL).all(bounds) as Array<{
    id: string;
    consultations: number;
    visits: number;
  }>;
  const byId = new Map<OverviewComplication, { consultations: number; visits: number }>();
  for (const row of listed) {
    // Only the known ids: the column is written by core from the contract, but it is JSON text.
    if ((overviewComplications as readonly string[]).includes(row.id)) {
      byId.set(row.id as OverviewComplication, { consultations: row.consultations, visits: row.visits });
    }
  }
  byId.set('other', { consultations: v.other_consultations ?? 0, visits: v.other_visits ?? 0 });
  return {
    from: range.from,
    to: range.to,
    consultations: c.consultations ?? 0,
    visits: v.visits ?? 0,
    paths: overviewPaths.map((path, i) => ({ path, count: c[`p${i}`] ?? 0 })),
    boneMedicine: { numerator: c.numerator ?? 0, denominator: c.denominator ?? 0 },
    sure: [
      ...[0, 1, 2, 3, 4].map((score) => ({ score, count: c[`s${score}`] ?? 0 })),
      { score: null, count: c.s_null ?? 0 },
    ],
    complications: overviewComplications.map((id) => ({ id, ...(byId.get(id) ?? { consultations: 0, visits: 0 }) })),
    newFractures: { consultations: v.nf_consultations ?? 0, visits: v.nf_visits ?? 0, levels: v.nf_levels ?? 0 },
  };
}

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
  sureQuestions,
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

// A visit's day (local) against the consultation's local day, without converting every consultation's
// instant to local time (SQLite's 'localtime' costs ~4 µs a row: 0.4 s at 100 000). The local day lies
// within a day of the UTC day in every time zone (−12 h … +14 h), so only a visit within a day of either end
// of the window needs the exact local day.
const W = BONE_MEDICINE_WINDOW_DAYS;
const IN_WINDOW = `(
  (f.visit_date >= date(r.started_at, '+1 day')
    OR (f.visit_date >= date(r.started_at, '-1 day') AND f.visit_date >= date(r.started_at, 'localtime')))
  AND (f.visit_date <= date(r.started_at, '+${W - 1} days')
    OR (f.visit_date <= date(r.started_at, '+${W + 1} days') AND f.visit_date <= date(r.started_at, 'localtime', '+${W} days'))))`;

// The sections are read as core writes them, with JSON.stringify: no spaces, keys quoted, and quotes inside
// text escaped, so '"sureOfChoice":true' can only be the key and its value. Plain substring tests then give
// the same answers as parsing (bench/timeline.ts checks them equal to core's parsers over 100 000 records)
// at a fraction of the cost: parsing two JSON texts per record took most of the time.
const has = (column: string, text: string) => `(instr(${column}, '${text}') > 0)`;
const SURE_TRUE = sureQuestions.map((q) => has('decision', `"${q}":true`)).join(' + ');
const SURE_FALSE = sureQuestions.map((q) => has('decision', `"${q}":false`)).join(' + ');

// Each row's figures are computed once (MATERIALIZED): a CTE referenced by several aggregates is otherwise
// expanded into each of them, and every function runs once per reference.
const CONSULTATIONS_SQL = `
WITH src AS MATERIALIZED (
  SELECT c.id, c.started_at, coalesce(${AMENDED('findings')}, c.findings) AS findings,
         d.path AS signed_path, d.details AS signed_details, ${AMENDED('decision')} AS amended
  FROM consultations c LEFT JOIN decisions d ON d.consultation_id = c.id
  WHERE c.status = 'finalized' AND c.started_at >= @from AND c.started_at < @to
), sections AS MATERIALIZED (
  SELECT id, started_at, findings,
         coalesce(amended, signed_details, '{}') AS decision,
         CASE WHEN amended IS NULL THEN signed_path
              WHEN json_valid(amended) THEN json_extract(amended, '$.path') END AS path
  FROM src
), r AS MATERIALIZED (
  SELECT id, started_at,
         CASE
           WHEN path = 'augmentation' THEN
             CASE WHEN ${has('decision', '"procedure":"balloon-kyphoplasty"')} THEN 'balloon-kyphoplasty'
                  WHEN ${has('decision', '"procedure":"vertebroplasty"')} THEN 'vertebroplasty'
                  ELSE 'augmentation-unspecified' END
           WHEN path IN ('conservative', 'referred') THEN path
           ELSE 'undecided' END AS path_key,
         -- A score only when all four are answered yes or no (yes counts 1), as sureScore() does.
         CASE WHEN ${SURE_TRUE} + ${SURE_FALSE} = 4 THEN ${SURE_TRUE} END AS sure,
         ${has('findings', '"fracturedLevels":[{')} AS fractured
  FROM sections
), scored AS MATERIALIZED (
  SELECT path_key, sure, fractured,
         fractured AND (
           EXISTS (SELECT 1 FROM bone_health_plans p WHERE p.consultation_id = r.id
                     AND p.medicine IN ('started', 'continued'))
           OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.consultation_id = r.id AND f.status = 'finalized'
                        AND f.bone_medicine IN ('started', 'taking') AND ${IN_WINDOW})
         ) AS medicine
  FROM r
)
SELECT count(*) AS consultations,
       ${overviewPaths.map((p, i) => `coalesce(sum(path_key = '${p}'), 0) AS p${i}`).join(', ')},
       ${[0, 1, 2, 3, 4].map((s) => `coalesce(sum(sure = ${s}), 0) AS s${s}`).join(', ')},
       coalesce(sum(sure IS NULL), 0) AS s_null,
       coalesce(sum(fractured), 0) AS denominator,
       coalesce(sum(medicine), 0) AS numerator
FROM scored`;

// Signed visits of the range's consultations, in one pass. The JSON columns are written by core with
// JSON.stringify, so an empty list is exactly '[]' and a listed id appears quoted ("cement-leak"): plain
// string tests find them without parsing 300 000 small JSON texts (json_each costs ~1 µs a row).
const listed = (column: string, id: string) => `(f.${column} <> '[]' AND instr(f.${column}, '"${id}"') > 0)`;
const KNOWN = overviewComplications.filter((id) => id !== 'other');
const OTHER = `f.complications_other <> ''`;
const NEW_FRACTURES = `f.new_fractures <> '[]'`;

const VISITS_SQL = `
SELECT count(*) AS visits,
       count(DISTINCT CASE WHEN ${NEW_FRACTURES} THEN f.consultation_id END) AS nf_consultations,
       coalesce(sum(${NEW_FRACTURES}), 0) AS nf_visits,
       coalesce(sum(CASE WHEN ${NEW_FRACTURES} AND json_valid(f.new_fractures) THEN json_array_length(f.new_fractures) END), 0)
         AS nf_levels,
       ${KNOWN.map(
         (id, i) =>
           `count(DISTINCT CASE WHEN ${listed('complications', id)} THEN f.consultation_id END) AS c${i}, ` +
           `coalesce(sum(${listed('complications', id)}), 0) AS v${i}`,
       ).join(', ')},
       count(DISTINCT CASE WHEN ${OTHER} THEN f.consultation_id END) AS other_consultations,
       coalesce(sum(${OTHER}), 0) AS other_visits
FROM consultations c CROSS JOIN follow_ups f ON f.consultation_id = c.id
WHERE c.status = 'finalized' AND c.started_at >= @from AND c.started_at < @to AND f.status = 'finalized'`;

type Row = Record<string, number>;

export function readOverview(db: Db, range: OverviewRange): Overview {
  const bounds = rangeBounds(range);
  const c = db.prepare(CONSULTATIONS_SQL).get(bounds) as Row;
  const v = db.prepare(VISITS_SQL).get(bounds) as Row;
  const complication = (id: OverviewComplication) => {
    if (id === 'other') return { consultations: v.other_consultations ?? 0, visits: v.other_visits ?? 0 };
    const i = KNOWN.indexOf(id);
    return { consultations: v[`c${i}`] ?? 0, visits: v[`v${i}`] ?? 0 };
  };
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
    complications: overviewComplications.map((id) => ({ id, ...complication(id) })),
    newFractures: { consultations: v.nf_consultations ?? 0, visits: v.nf_visits ?? 0, levels: v.nf_levels ?? 0 },
  };
}

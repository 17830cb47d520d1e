/**
 * TEST ORACLE: the practice overview as computed at request time before
 * migration 0011 (the code of core/records/overview.ts then, unchanged but for
 * the imports and names). Tests compare the facts table's figures with it.
 *
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
  type OverviewPath,
  type OverviewRange,
} from '../../../src-shared/contract/index.js';
import type { Db } from '../../../src-main/core/db/open.js';

/** The range's local days as UTC instants: `started_at` is compared as stored, so the status index is used. */
function rangeBounds(range: OverviewRange): { from: string; to: string } {
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

// The section as it stands: the latest amendment's `after`, else the signed column. A join on the latest
// amendment's id (not a scalar subquery per use), so each row reads it once however often it is used.
const LATEST = (alias: string, section: string) =>
  `LEFT JOIN amendments ${alias} ON ${alias}.id = (SELECT max(a.id) FROM amendments a
     WHERE a.consultation_id = c.id AND a.section = '${section}')`;

// A visit's day (local) against the consultation's local day, without converting every consultation's
// instant to local time (SQLite's 'localtime' costs ~4 µs a row: 0.4 s at 100 000). The local day lies
// within a day of the UTC day in every time zone (−12 h … +14 h), so only a visit within a day of either end
// of the window needs the exact local day.
const W = BONE_MEDICINE_WINDOW_DAYS;
const IN_WINDOW = `(
  (+f.visit_date >= date(c.started_at, '+1 day')
    OR (+f.visit_date >= date(c.started_at, '-1 day') AND +f.visit_date >= date(c.started_at, 'localtime')))
  AND (+f.visit_date <= date(c.started_at, '+${W - 1} days')
    OR (+f.visit_date <= date(c.started_at, '+${W + 1} days') AND +f.visit_date <= date(c.started_at, 'localtime', '+${W} days'))))`;

// The sections are read as core writes them, with JSON.stringify: no spaces, keys quoted, and quotes inside
// text escaped, so '"sureOfChoice":true' can only be the key and its value. Plain substring tests then give
// the same answers as parsing (bench/timeline.ts checks them equal to core's parsers over 100 000 records)
// at a fraction of the cost: parsing two JSON texts per record took most of the time.
const has = (column: string, text: string) => `(instr(${column}, '${text}') > 0)`;

// One streaming pass: each record's figures are the GROUP BY key (computed once a row, as a sort key), and
// the few groups are summed in JavaScript. Materializing the rows first spilled tens of MB of JSON text to
// temporary files at 100 000 records and was 50 times slower than at 5 000.
const FINDINGS = `coalesce(af.after, c.findings)`;
const DECISION = `coalesce(ad.after, d.details, '{}')`;
const SURE_TRUE = sureQuestions.map((q) => has(DECISION, `"${q}":true`)).join(' + ');
const SURE_FALSE = sureQuestions.map((q) => has(DECISION, `"${q}":false`)).join(' + ');
const PATH = `CASE WHEN ad.id IS NULL THEN d.path WHEN json_valid(ad.after) THEN json_extract(ad.after, '$.path') END`;
const CONSULTATIONS_SQL = `
SELECT
  CASE
    WHEN ${PATH} = 'augmentation' THEN
      CASE WHEN ${has(DECISION, '"procedure":"balloon-kyphoplasty"')} THEN 'balloon-kyphoplasty'
           WHEN ${has(DECISION, '"procedure":"vertebroplasty"')} THEN 'vertebroplasty'
           ELSE 'augmentation-unspecified' END
    WHEN ${PATH} IN ('conservative', 'referred') THEN ${PATH}
    ELSE 'undecided' END AS path_key,
  -- A score only when all four are answered yes or no (yes counts 1), as sureScore() does.
  CASE WHEN ${SURE_TRUE} + ${SURE_FALSE} = 4 THEN ${SURE_TRUE} END AS sure,
  ${has(FINDINGS, '"fracturedLevels":[{')} AS fractured,
  ${has(FINDINGS, '"fracturedLevels":[{')} AND (
    EXISTS (SELECT 1 FROM bone_health_plans p WHERE p.consultation_id = c.id AND p.medicine IN ('started', 'continued'))
    OR EXISTS (SELECT 1 FROM follow_ups f WHERE f.consultation_id = c.id AND f.status = 'finalized'
                 AND f.bone_medicine IN ('started', 'taking') AND ${IN_WINDOW})
  ) AS medicine,
  count(*) AS n
FROM consultations c
  LEFT JOIN decisions d ON d.consultation_id = c.id
  ${LATEST('af', 'findings')}
  ${LATEST('ad', 'decision')}
WHERE c.status = 'finalized' AND c.started_at >= @from AND c.started_at < @to
GROUP BY 1, 2, 3, 4`;

// Signed visits of the range's consultations, in one pass. The JSON columns are written by core with
// JSON.stringify, so an empty list is exactly '[]' and a listed id appears quoted ("cement-leak"): plain
// string tests find them without parsing 300 000 small JSON texts (json_each costs ~1 µs a row).
const listed = (column: string, id: string) => `(f.${column} <> '[]' AND instr(f.${column}, '"${id}"') > 0)`;
const KNOWN = overviewComplications.filter((id) => id !== 'other');
const OTHER = `f.complications_other <> ''`;
const NEW_FRACTURES = `f.new_fractures <> '[]'`;

// Per consultation first (its visits come together, consultation by consultation),
// then summed: "consultations with at least one" is the sum of each consultation's max.
const VISITS_SQL = `
SELECT count(*) AS with_visits, coalesce(sum(n), 0) AS visits,
       coalesce(sum(nf > 0), 0) AS nf_consultations, coalesce(sum(nf), 0) AS nf_visits,
       coalesce(sum(levels), 0) AS nf_levels,
       ${KNOWN.map((_id, i) => `coalesce(sum(k${i} > 0), 0) AS c${i}, coalesce(sum(k${i}), 0) AS v${i}`).join(', ')},
       coalesce(sum(other > 0), 0) AS other_consultations, coalesce(sum(other), 0) AS other_visits
FROM (
  SELECT count(*) AS n,
         sum(${NEW_FRACTURES}) AS nf,
         sum(CASE WHEN ${NEW_FRACTURES} AND json_valid(f.new_fractures) THEN json_array_length(f.new_fractures) END) AS levels,
         ${KNOWN.map((id, i) => `sum(${listed('complications', id)}) AS k${i}`).join(', ')},
         sum(${OTHER}) AS other
  FROM consultations c CROSS JOIN follow_ups f ON f.consultation_id = c.id
  WHERE c.status = 'finalized' AND c.started_at >= @from AND c.started_at < @to AND f.status = 'finalized'
  -- The order the status index gives (status, started_at, rowid): the groups stream without a sort.
  GROUP BY c.started_at, c.rowid
)`;

type Row = Record<string, number>;

interface Group {
  path_key: OverviewPath;
  sure: number | null;
  fractured: number;
  medicine: number;
  n: number;
}

export function readOverviewAtRequestTime(db: Db, range: OverviewRange): Overview {
  const bounds = rangeBounds(range);
  const groups = db.prepare(CONSULTATIONS_SQL).all(bounds) as Group[];
  const v = db.prepare(VISITS_SQL).get(bounds) as Row;
  const total = (keep: (g: Group) => boolean) => groups.reduce((sum, g) => (keep(g) ? sum + g.n : sum), 0);
  const complication = (id: OverviewComplication) => {
    if (id === 'other') return { consultations: v.other_consultations ?? 0, visits: v.other_visits ?? 0 };
    const i = KNOWN.indexOf(id);
    return { consultations: v[`c${i}`] ?? 0, visits: v[`v${i}`] ?? 0 };
  };
  return {
    from: range.from,
    to: range.to,
    consultations: total(() => true),
    visits: v.visits ?? 0,
    paths: overviewPaths.map((path) => ({ path, count: total((g) => g.path_key === path) })),
    boneMedicine: { numerator: total((g) => g.medicine === 1), denominator: total((g) => g.fractured === 1) },
    sure: [0, 1, 2, 3, 4, null].map((score) => ({ score, count: total((g) => g.sure === score) })),
    complications: overviewComplications.map((id) => ({ id, ...complication(id) })),
    newFractures: { consultations: v.nf_consultations ?? 0, visits: v.nf_visits ?? 0, levels: v.nf_levels ?? 0 },
  };
}

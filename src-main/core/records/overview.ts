/**
 * The practice overview (issue 15, item 4): sums over the facts table of
 * migration 0011 (`overview_facts`, one row per finalized consultation with
 * the figures it contributes, kept by `overview-facts.ts` in the transaction of
 * every write that changes them). Two indexed passes over a range of
 * `started_at`, however many JSON sections and visits lie behind: 100 000
 * consultations took ~15 s when the figures were computed from the records at
 * each request. No name, code or hospital number is read.
 */
import {
  overviewComplications,
  overviewPaths,
  type Overview,
  type OverviewComplication,
  type OverviewRange,
} from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';

/** The range's local days as UTC instants: `started_at` is compared as stored, so its index is used. */
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

const SCORES = [0, 1, 2, 3, 4, null] as const;
const scoreColumn = (score: number | null) => (score === null ? 'sure_none' : `sure_${score}`);

// One row of sums, no GROUP BY: the covering index on started_at streams once, with no sort.
const FACTS_SQL = `
SELECT count(*) AS consultations,
       coalesce(sum(visits), 0) AS visits,
       ${overviewPaths.map((p, i) => `coalesce(sum(path_key = '${p}'), 0) AS path_${i}`).join(',\n       ')},
       ${SCORES.map((s) => `coalesce(sum(sure ${s === null ? 'IS NULL' : `= ${s}`}), 0) AS ${scoreColumn(s)}`).join(',\n       ')},
       coalesce(sum(fractured), 0) AS fractured,
       coalesce(sum(medicine), 0) AS medicine,
       coalesce(sum(new_fracture_visits > 0), 0) AS nf_consultations,
       coalesce(sum(new_fracture_visits), 0) AS nf_visits,
       coalesce(sum(new_fracture_levels), 0) AS nf_levels
FROM overview_facts
WHERE started_at >= @from AND started_at < @to`;

const COMPLICATIONS_SQL = `
SELECT complication, count(*) AS consultations, sum(visits) AS visits
FROM overview_fact_complications
WHERE started_at >= @from AND started_at < @to
GROUP BY complication`;

export function readOverview(db: Db, range: OverviewRange): Overview {
  const bounds = rangeBounds(range);
  const f = db.prepare(FACTS_SQL).get(bounds) as Record<string, number>;
  const byId = new Map(
    (
      db.prepare(COMPLICATIONS_SQL).all(bounds) as Array<{
        complication: OverviewComplication;
        consultations: number;
        visits: number;
      }>
    ).map((c) => [c.complication, c]),
  );
  const n = (column: string) => f[column] ?? 0;
  return {
    from: range.from,
    to: range.to,
    consultations: n('consultations'),
    visits: n('visits'),
    paths: overviewPaths.map((path, i) => ({ path, count: n(`path_${i}`) })),
    boneMedicine: { numerator: n('medicine'), denominator: n('fractured') },
    sure: SCORES.map((score) => ({ score, count: n(scoreColumn(score)) })),
    complications: overviewComplications.map((id) => ({
      id,
      consultations: byId.get(id)?.consultations ?? 0,
      visits: byId.get(id)?.visits ?? 0,
    })),
    newFractures: { consultations: n('nf_consultations'), visits: n('nf_visits'), levels: n('nf_levels') },
  };
}

/**
 * The history of consultations: newest first, filtered, paginated with
 * limit/offset. The text search goes through the FTS5 table of 0002 (notes,
 * quick entries, amended notes); each word matches as a prefix.
 */
import type { CallOutput, ParsedInput } from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';
import { flushSearchIndex } from './search-index.js';
import { parseFindings } from './sections.js';

type HistoryInput = ParsedInput<'consultations.history'>;
type HistoryOutput = CallOutput<'consultations.history'>;

interface HistoryRow {
  id: string;
  patient_id: string;
  code: string;
  display_name: string | null;
  started_at: string;
  physician: string;
  status: 'draft' | 'finalized';
  path: HistoryOutput['items'][number]['path'];
  findings: string;
  amendment_count: number;
  snippet: string | null;
}

/** Words as FTS5 prefix phrases ("word"*), all required; null when no word is searchable. */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
}

const HIT = '\u0002';
const END = '\u0003';

export function queryHistory(db: Db, input: HistoryInput): HistoryOutput {
  const limit = input.limit ?? 25;
  const offset = input.offset ?? 0;
  const where: string[] = [];
  const params: unknown[] = [];
  const filter = (sql: string, value: unknown): void => {
    where.push(sql);
    params.push(value);
  };
  const text = input.text?.trim() ?? '';
  const match = text === '' ? null : ftsQuery(text);
  if (text !== '' && match === null) return { items: [], total: 0, limit, offset };
  // A search's hits carry their consultation's id and date (db/0004): the consultations table is read only
  // when a filter needs its other columns.
  const row = match === null ? 'c' : 'h';
  if (input.patientId) filter('c.patient_id = ?', input.patientId);
  if (input.from) filter(`${row}.started_at >= ?`, new Date(input.from).toISOString());
  if (input.to) filter(`${row}.started_at < ?`, new Date(input.to).toISOString());
  if (input.status) filter('c.status = ?', input.status);
  // 'undecided' also means no decision row yet; any other path is a row, found through its index.
  if (input.path === 'undecided') filter("coalesce(d.path, 'undecided') = ?", input.path);
  else if (input.path) filter('d.path = ?', input.path);
  // Notes saved since the last search are indexed now, so every saved word is found.
  if (match !== null) flushSearchIndex(db);

  const { page, total } =
    match !== null && where.length === 0
      ? searchEverything(db, match, limit, offset)
      : filteredPage(db, {
          match,
          where,
          params,
          decision: input.path,
          needsConsultation: !!(input.patientId || input.status),
          limit,
          offset,
        });

  const items = page.map((row) => {
    const findings = parseFindings(row.findings);
    return {
      id: row.id,
      patient: { id: row.patient_id, code: row.code, displayName: row.display_name },
      startedAt: row.started_at,
      physician: row.physician,
      status: row.status,
      path: row.path,
      painNow: findings.painNow,
      levels: findings.fracturedLevels.map((l) => l.level),
      redFlagCount: findings.redFlags.length,
      amendmentCount: row.amendment_count,
      snippet: row.snippet,
    };
  });
  return { items, total, limit, offset };
}

interface Page {
  page: HistoryRow[];
  total: number;
}

/** The full rows of a page, newest first; `pageSql` is a CTE named `page` of consultation ids. */
function readRows(db: Db, pageSql: string, params: unknown[]): HistoryRow[] {
  return db
    .prepare(
      `WITH ${pageSql}
       SELECT c.id, c.patient_id, p.code, p.display_name, c.started_at, c.physician, c.status,
              coalesce(d.path, 'undecided') AS path, c.findings,
              (SELECT count(*) FROM amendments a WHERE a.consultation_id = c.id) AS amendment_count,
              NULL AS snippet
       FROM page CROSS JOIN consultations c ON c.id = page.id
         JOIN patients p ON p.id = c.patient_id
         LEFT JOIN decisions d ON d.consultation_id = c.id
       ORDER BY c.started_at DESC, c.id DESC`,
    )
    .all(...params) as HistoryRow[];
}

/**
 * A text search with no other filter, over the key order of db/0010: the hits
 * walked from the highest key down are newest first, except the few "late"
 * keys, so only the page's keys and the late hits are looked up (looking up
 * every hit to sort it was most of a search's time at 100 000 records).
 */
function searchEverything(db: Db, match: string, limit: number, offset: number): Page {
  const hits = db
    .prepare('SELECT rowid FROM record_fts WHERE record_fts MATCH ? ORDER BY rowid DESC')
    .pluck()
    .all(match) as number[];
  const late = new Set(db.prepare('SELECT key FROM record_search_late').pluck().all() as number[]);
  const wanted = offset + limit;
  const candidates: number[] = [];
  let inOrder = 0;
  for (const key of hits) {
    if (late.has(key)) candidates.push(key);
    else if (inOrder < wanted) {
      candidates.push(key);
      inOrder += 1;
    }
  }
  const found = db
    .prepare(
      `SELECT k.key, c.id, c.started_at FROM json_each(?) j
         CROSS JOIN record_search_keys k ON k.key = j.value
         JOIN consultations c ON c.id = k.consultation_id`,
    )
    .all(JSON.stringify(candidates)) as Array<{ key: number; id: string; started_at: string }>;
  // The history's order (started_at, then id, both ASCII: code-unit order is SQLite's byte order).
  found.sort((a, b) =>
    a.started_at !== b.started_at ? (a.started_at < b.started_at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0,
  );
  const chosen = found.slice(offset, offset + limit);
  const rows = readRows(db, 'page AS (SELECT value AS id FROM json_each(?))', [
    JSON.stringify(chosen.map((c) => c.id)),
  ]);
  addSnippets(db, match, rows, new Map(chosen.map((c) => [c.id, c.key])));
  return { page: rows, total: hits.length };
}

/** A search or list with filters: counted and paged in SQL over as few tables as the filters need. */
function filteredPage(
  db: Db,
  query: {
    match: string | null;
    where: string[];
    params: unknown[];
    decision: HistoryInput['path'];
    needsConsultation: boolean;
    limit: number;
    offset: number;
  },
): Page {
  const { match, where, params, limit, offset } = query;
  // Every consultation has its patient, so the patient join never filters; the page's rows are read in full
  // afterwards. CROSS JOIN keeps the hits the outer loop: otherwise the planner may walk every consultation
  // by date and probe the hits for each.
  const hits =
    match === null
      ? null
      : `hits AS (
           SELECT k.consultation_id AS id, k.key, k.started_at
           FROM record_fts CROSS JOIN record_search_keys k ON k.key = record_fts.rowid
           WHERE record_fts MATCH ?)`;
  const row = hits === null ? 'c' : 'h';
  const decision = !query.decision
    ? ''
    : query.decision === 'undecided'
      ? `LEFT JOIN decisions d ON d.consultation_id = ${row}.id`
      : `JOIN decisions d ON d.consultation_id = ${row}.id`;
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const consultation = query.needsConsultation ? 'CROSS JOIN consultations c ON c.id = h.id' : '';
  const scope =
    hits === null
      ? { from: `FROM consultations c ${decision} ${filtered}`, key: 'c' }
      : { from: `FROM hits h ${consultation} ${decision} ${filtered}`, key: 'h' };
  const lead = match === null ? [] : [match];
  const withHits = hits === null ? '' : `WITH ${hits}`;
  const total = (db.prepare(`${withHits} SELECT count(*) AS n ${scope.from}`).get(...lead, ...params) as { n: number })
    .n;
  // CROSS JOIN keeps the page (at most 100 ids) as the outer loop: with a bound LIMIT the planner
  // cannot know it is small, and otherwise walks every consultation probing the page.
  const page = `page AS (SELECT ${scope.key}.id ${scope.from}
    ORDER BY ${scope.key}.started_at DESC, ${scope.key}.id DESC LIMIT ? OFFSET ?)`;
  const rows = readRows(db, hits === null ? page : `${hits}, ${page}`, [...lead, ...params, limit, offset]);
  if (match !== null && rows.length > 0) {
    const keys = db
      .prepare(
        'SELECT consultation_id AS id, key FROM record_search_keys WHERE consultation_id IN (SELECT value FROM json_each(?))',
      )
      .all(JSON.stringify(rows.map((r) => r.id))) as Array<{ id: string; key: number }>;
    addSnippets(db, match, rows, new Map(keys.map((k) => [k.id, k.key])));
  }
  return { page: rows, total };
}

/**
 * Snippets only for the page shown (computing them for every hit was most of a search's time): one pass
 * over the hits between the page's lowest and highest key, the snippet made only for the page's own.
 */
function addSnippets(db: Db, match: string, rows: HistoryRow[], keyOf: Map<string, number>): void {
  const keys = [...keyOf.values()];
  if (rows.length === 0 || keys.length === 0) return;
  const snippets = db
    .prepare(
      `SELECT rowid AS key,
         CASE WHEN rowid IN (SELECT value FROM json_each(?))
           THEN snippet(record_fts, -1, '${HIT}', '${END}', '…', 12) END AS snippet
       FROM record_fts WHERE record_fts MATCH ? AND rowid BETWEEN ? AND ?`,
    )
    .all(JSON.stringify(keys), match, Math.min(...keys), Math.max(...keys)) as Array<{
    key: number;
    snippet: string | null;
  }>;
  const byKey = new Map(snippets.filter((s) => s.snippet !== null).map((s) => [s.key, s.snippet]));
  for (const row of rows) {
    const key = keyOf.get(row.id);
    row.snippet = key === undefined ? null : (byKey.get(key) ?? null);
  }
}

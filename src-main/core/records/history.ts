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
  if (input.patientId) filter('c.patient_id = ?', input.patientId);
  if (input.from) filter('c.started_at >= ?', new Date(input.from).toISOString());
  if (input.to) filter('c.started_at < ?', new Date(input.to).toISOString());
  if (input.status) filter('c.status = ?', input.status);
  // 'undecided' also means no decision row yet; any other path is a row, found through its index.
  if (input.path === 'undecided') filter("coalesce(d.path, 'undecided') = ?", input.path);
  else if (input.path) filter('d.path = ?', input.path);
  const text = input.text?.trim() ?? '';
  const match = text === '' ? null : ftsQuery(text);
  if (text !== '' && match === null) return { items: [], total: 0, limit, offset };
  // Notes saved since the last search are indexed now, so every saved word is found.
  if (match !== null) flushSearchIndex(db);

  // Count and page over as few tables as the filters need (every consultation has its patient, so
  // the patient join never filters); the page's 25 rows are read in full afterwards.
  const hits =
    match === null
      ? null
      : `hits AS (
           SELECT k.consultation_id AS id, k.started_at
           FROM record_fts JOIN record_search_keys k ON k.key = record_fts.rowid
           WHERE record_fts MATCH ?)`;
  const decision = !input.path
    ? ''
    : input.path === 'undecided'
      ? 'LEFT JOIN decisions d ON d.consultation_id = c.id'
      : 'JOIN decisions d ON d.consultation_id = c.id';
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const scope =
    hits === null
      ? { from: `FROM consultations c ${decision} ${filtered}`, key: 'c' }
      : where.length === 0
        ? { from: 'FROM hits h', key: 'h' }
        : { from: `FROM hits h JOIN consultations c ON c.id = h.id ${decision} ${filtered}`, key: 'c' };
  const lead = match === null ? [] : [match];
  const withHits = hits === null ? '' : `WITH ${hits}`;
  const total = (db.prepare(`${withHits} SELECT count(*) AS n ${scope.from}`).get(...lead, ...params) as { n: number })
    .n;
  // CROSS JOIN keeps the page (at most 100 ids) as the outer loop: with a bound LIMIT the planner
  // cannot know it is small, and otherwise walks every consultation probing the page.
  const page = `page AS (SELECT ${scope.key}.id ${scope.from}
    ORDER BY ${scope.key}.started_at DESC, ${scope.key}.id DESC LIMIT ? OFFSET ?)`;
  const rows = db
    .prepare(
      `WITH ${hits === null ? page : `${hits}, ${page}`}
       SELECT c.id, c.patient_id, p.code, p.display_name, c.started_at, c.physician, c.status,
              coalesce(d.path, 'undecided') AS path, c.findings,
              (SELECT count(*) FROM amendments a WHERE a.consultation_id = c.id) AS amendment_count,
              NULL AS snippet
       FROM page CROSS JOIN consultations c ON c.id = page.id
         JOIN patients p ON p.id = c.patient_id
         LEFT JOIN decisions d ON d.consultation_id = c.id
       ORDER BY c.started_at DESC, c.id DESC`,
    )
    .all(...lead, ...params, limit, offset) as HistoryRow[];
  // Snippets only for the page shown: computing them for every hit was most of a search's time.
  if (match !== null) addSnippets(db, match, rows);

  const items = rows.map((row) => {
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

function addSnippets(db: Db, match: string, rows: HistoryRow[]): void {
  if (rows.length === 0) return;
  const marks = rows.map(() => '?').join(', ');
  const snippets = db
    .prepare(
      `SELECT k.consultation_id AS id, snippet(record_fts, -1, '${HIT}', '${END}', '…', 12) AS snippet
       FROM record_fts JOIN record_search_keys k ON k.key = record_fts.rowid
       WHERE record_fts MATCH ? AND k.consultation_id IN (${marks})`,
    )
    .all(match, ...rows.map((r) => r.id)) as { id: string; snippet: string }[];
  const byId = new Map(snippets.map((s) => [s.id, s.snippet]));
  for (const row of rows) row.snippet = byId.get(row.id) ?? null;
}

/**
 * The history of consultations: newest first, filtered, paginated with
 * limit/offset. The text search goes through the FTS5 table of 0002 (notes,
 * quick entries, amended notes); each word matches as a prefix.
 */
import type { CallOutput, ParsedInput } from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';
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
  if (input.path) filter("coalesce(d.path, 'undecided') = ?", input.path);
  const text = input.text?.trim() ?? '';
  const match = text === '' ? null : ftsQuery(text);
  if (text !== '' && match === null) return { items: [], total: 0, limit, offset };
  const hits =
    match === null
      ? ''
      : `WITH hits AS (
           SELECT k.consultation_id AS id
           FROM record_fts JOIN record_search_keys k ON k.key = record_fts.rowid
           WHERE record_fts MATCH ?)`;
  const from = `FROM consultations c
    JOIN patients p ON p.id = c.patient_id
    LEFT JOIN decisions d ON d.consultation_id = c.id
    ${match === null ? '' : 'JOIN hits h ON h.id = c.id'}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const lead = match === null ? [] : [match];

  const total = (db.prepare(`${hits} SELECT count(*) AS n ${from}`).get(...lead, ...params) as { n: number }).n;
  const rows = db
    .prepare(
      `${hits}
       SELECT c.id, c.patient_id, p.code, p.display_name, c.started_at, c.physician, c.status,
              coalesce(d.path, 'undecided') AS path, c.findings,
              (SELECT count(*) FROM amendments a WHERE a.consultation_id = c.id) AS amendment_count,
              NULL AS snippet
       ${from}
       ORDER BY c.started_at DESC, c.id DESC
       LIMIT ? OFFSET ?`,
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

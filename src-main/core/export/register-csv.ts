/**
 * The consultation register for audits: one row per consultation, as CSV that
 * spreadsheets open correctly (UTF-8 with BOM, CRLF, RFC 4180 quoting) and
 * that cannot run a formula when opened: a cell starting with = + - @, a tab
 * or a carriage return gets a leading single quote (OWASP "CSV injection").
 * Every column is described in docs/register-csv.md; `format_version` says
 * which version of that dictionary a file follows (2: bone-health plan and
 * follow-up columns added at the end, version 1's columns unchanged).
 */
import { whatMattersIds } from '../../../src-shared/contract/index.js';
import { procedureLabels } from './labels.js';
import type { ExportSummary } from './summary.js';
import { BONE_HEALTH_COLUMNS, FOLLOW_UP_COLUMNS, boneHealthCells, followUpCells } from './register-follow-up.js';

export const REGISTER_FORMAT_VERSION = 2;

export const REGISTER_COLUMNS = [
  'format_version',
  'date',
  'patient code',
  'patient',
  'physician',
  'path',
  'procedure',
  'levels',
  'SURE score',
  // What matters to the patient, one column per statement id: a-lot, a-little, not, or empty (not asked).
  ...whatMattersIds.map((id) => `matters: ${id}` as const),
  'finalized',
  ...BONE_HEALTH_COLUMNS,
  ...FOLLOW_UP_COLUMNS,
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: defused against formulas, then quoted when RFC 4180 needs it. A number (a T-score of
 * −2.5) is written as it is: it cannot be a formula, and a quote before it would make it text.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function registerRow(s: ExportSummary): Array<string | number> {
  const d = s.decision;
  const procedure =
    d.path === 'augmentation' && d.augmentation.procedure ? procedureLabels[d.augmentation.procedure] : '';
  // Levels treated when augmentation is planned, else the fractured levels found.
  const levels =
    d.path === 'augmentation' && d.augmentation.levels.length
      ? d.augmentation.levels
      : s.findings.fracturedLevels.map((l) => l.level);
  return [
    String(REGISTER_FORMAT_VERSION),
    s.day,
    s.patient.code,
    // Pseudonymized: the summary's label is already the code.
    s.patient.label,
    s.physician,
    d.path,
    procedure,
    levels.join(' '),
    d.sureScore === null ? '' : String(d.sureScore),
    ...whatMattersIds.map((id) => (s.whatMatters[id] === 'not-asked' ? '' : s.whatMatters[id])),
    s.status === 'finalized' ? 'yes' : 'no',
    ...boneHealthCells(s.boneHealth),
    ...followUpCells(s.followUps),
  ];
}

export function registerCsv(summaries: readonly ExportSummary[]): string {
  const rows: Array<Array<string | number>> = [[...REGISTER_COLUMNS], ...summaries.map(registerRow)];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

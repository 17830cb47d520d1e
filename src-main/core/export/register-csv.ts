/**
 * The consultation register for audits: one row per consultation, as CSV that
 * spreadsheets open correctly (UTF-8 with BOM, CRLF, RFC 4180 quoting) and
 * that cannot run a formula when opened: a cell starting with = + - @, a tab
 * or a carriage return gets a leading single quote (OWASP "CSV injection").
 */
import { whatMattersIds } from '../../../src-shared/contract/index.js';
import { procedureLabels } from './labels.js';
import type { ExportSummary } from './summary.js';

export const REGISTER_COLUMNS = [
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
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused against formulas, then quoted when RFC 4180 needs it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function registerRow(s: ExportSummary): string[] {
  const d = s.decision;
  const procedure =
    d.path === 'augmentation' && d.augmentation.procedure ? procedureLabels[d.augmentation.procedure] : '';
  // Levels treated when augmentation is planned, else the fractured levels found.
  const levels =
    d.path === 'augmentation' && d.augmentation.levels.length
      ? d.augmentation.levels
      : s.findings.fracturedLevels.map((l) => l.level);
  return [
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
  ];
}

export function registerCsv(summaries: readonly ExportSummary[]): string {
  const rows = [[...REGISTER_COLUMNS], ...summaries.map(registerRow)];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

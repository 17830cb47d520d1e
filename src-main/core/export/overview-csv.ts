/**
 * The practice overview as CSV (issue 15, item 4): one row per figure, with
 * its denominator and share, written through the export machinery (temp file,
 * fsync, rename, 0600) and audited before and after the write like every
 * export. Counts only: no name, code or hospital number is in the overview.
 */
import type { ExportedFile, Overview, OverviewRange } from '../../../src-shared/contract/index.js';
import {
  BONE_MEDICINE_DEFINITION,
  overviewComplicationLabels,
  overviewPathLabels,
  sharePercent,
} from '../../../src-shared/overview-lines.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import { localDate } from '../records/dates.js';
import { readOverview } from '../records/overview.js';
import { actorName, readSettings } from '../records/settings.js';
import { csvCell } from './register-csv.js';
import { writeAuditedFiles } from './write-files.js';

export const OVERVIEW_COLUMNS = ['figure', 'item', 'count', 'of', 'percent'] as const;

function row(figure: string, item: string, count: number | string, of: number | null = null): string[] {
  const percent = of === null || typeof count !== 'number' ? null : sharePercent(count, of);
  return [figure, item, String(count), of === null ? '' : String(of), percent === null ? '' : percent.toFixed(1)];
}

export function overviewCsv(o: Overview): string {
  const n = o.consultations;
  const rows: string[][] = [
    [...OVERVIEW_COLUMNS],
    row('range', 'first day', o.from ?? 'first record'),
    row('range', 'last day', o.to ?? 'last record'),
    row('consultations', 'finalized', n),
    row('follow-up visits', 'signed', o.visits),
    ...o.paths.map((p) => row('decision path', overviewPathLabels[p.path], p.count, n)),
    row(
      'osteoporosis medicine within 3 months',
      BONE_MEDICINE_DEFINITION,
      o.boneMedicine.numerator,
      o.boneMedicine.denominator,
    ),
    ...o.sure.map((s) =>
      row('SURE score', s.score === null ? 'not asked or incomplete' : `${s.score} of 4`, s.count, n),
    ),
    ...o.complications.map((c) =>
      row('complication at follow-up (consultations)', overviewComplicationLabels[c.id], c.consultations, n),
    ),
    ...o.complications.map((c) =>
      row('complication at follow-up (visits)', overviewComplicationLabels[c.id], c.visits, o.visits),
    ),
    row('new fracture at follow-up', 'consultations', o.newFractures.consultations, n),
    row('new fracture at follow-up', 'visits', o.newFractures.visits, o.visits),
    row('new fracture at follow-up', 'levels', o.newFractures.levels),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function audit(services: Services, action: string, detail: string): void {
  const { db } = services;
  appendAudit(db, { at: services.clock().toISOString(), actor: actorName(db), action, consultationId: null, detail });
}

export function exportOverviewCsv(services: Services, range: OverviewRange): { file: ExportedFile } {
  const overview = readOverview(services.db, range);
  const data = Buffer.from(overviewCsv(overview), 'utf8');
  const day = localDate(services.clock());
  const name = `${day}_practice-overview_${range.from ?? 'start'}_${range.to ?? 'today'}.csv`;
  const setting = readSettings(services.db).exportFolder;
  const files = writeAuditedFiles(
    { setting, dataDir: services.dataDir },
    [{ name, data }],
    `kind=overview-csv from=${range.from ?? ''} to=${range.to ?? ''}`,
    (action, detail) => audit(services, action, detail),
  );
  return { file: files[0] as ExportedFile };
}

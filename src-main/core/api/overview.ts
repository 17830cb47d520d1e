/**
 * The practice overview: figures over finalized consultations (records/overview.ts)
 * and their CSV export (export/overview-csv.ts). Reads only; the export is audited.
 */
import type { AreaHandlers } from '../handler.js';
import { exportOverviewCsv } from '../export/overview-csv.js';
import { readOverview } from '../records/overview.js';

export const overviewApi: AreaHandlers<'overview'> = {
  'overview.get': (range, { services }) => readOverview(services.db, range),
  'overview.exportCsv': (range, { services }) => exportOverviewCsv(services, range),
};

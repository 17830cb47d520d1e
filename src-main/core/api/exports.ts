import { createExport, exportText, printExport } from '../export/create-export.js';
import { readSettings } from '../records/settings.js';
import type { AreaHandlers } from '../registry.js';
import { exportDestination } from '../export/write-files.js';

export const exportsApi: AreaHandlers<'exports'> = {
  'exports.create': (input, { services }) => createExport(services, input),

  'exports.print': (input, { services }) => printExport(services, input),

  'exports.folder': (_input, { services }) => ({
    path: exportDestination(readSettings(services.db).exportFolder, services.dataDir),
  }),

  'exports.text': ({ consultationId, pseudonymize }, { services }) =>
    exportText(services, consultationId, pseudonymize),
};

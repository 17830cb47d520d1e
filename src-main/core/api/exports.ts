import { createExport, exportText } from '../export/create-export.js';
import type { AreaHandlers } from '../registry.js';

export const exportsApi: AreaHandlers<'exports'> = {
  'exports.create': (input, { services }) => createExport(services, input),

  'exports.text': ({ consultationId, pseudonymize }, { services }) =>
    exportText(services, consultationId, pseudonymize),
};

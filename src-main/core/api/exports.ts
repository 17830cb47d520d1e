import { createExport, createVisitExport, exportText, printExport } from '../export/create-export.js';
import { readSettings } from '../records/settings.js';
import type { AreaHandlers } from '../handler.js';
import { exportDestination, exportedFileInside } from '../export/write-files.js';
import { ApiError } from '../../../src-shared/errors.js';

export const exportsApi: AreaHandlers<'exports'> = {
  'exports.create': (input, { services }) => createExport(services, input),

  'exports.visit': (input, { services }) => createVisitExport(services, input),

  'exports.print': (input, { services }) => printExport(services, input),

  'exports.chooseFolder': async ({ kind }, { services }) => {
    if (!services.folderPicker) {
      throw new ApiError('NOT_FOUND', 'Choosing a folder for each export is only possible in the desktop app.');
    }
    const fallback = exportDestination(readSettings(services.db).exportFolder, services.dataDir);
    return { folder: await services.folderPicker.choose(kind, fallback) };
  },

  'exports.showInFolder': ({ path: file }, { services }) => {
    if (!services.fileManager) {
      throw new ApiError('NOT_FOUND', 'Showing a file in its folder is only possible in the desktop app.');
    }
    const destination = exportDestination(readSettings(services.db).exportFolder, services.dataDir);
    // Only what ConsultDeck exported: a page cannot make the file manager open any path it likes.
    const inside = exportedFileInside(file, destination);
    if (!inside) throw new ApiError('NOT_FOUND', `There is no exported file ${file} in ${destination}.`, 'path');
    services.fileManager.showInFolder(inside);
    return { shown: true };
  },

  'exports.folder': (_input, { services }) => ({
    path: exportDestination(readSettings(services.db).exportFolder, services.dataDir),
  }),

  'exports.text': ({ consultationId, pseudonymize }, { services }) =>
    exportText(services, consultationId, pseudonymize),
};

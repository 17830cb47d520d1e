/**
 * The desktop app's folder dialog for exports: opens on the folder last chosen
 * for the same kind of export (letters to one place, FHIR files to another),
 * else on the export folder of the settings, and remembers the new choice.
 */
import fs from 'node:fs';
import type { BrowserWindow, Dialog } from 'electron';
import type { ExportKind } from '../../src-shared/contract/index.js';

type LastFolders = Partial<Record<ExportKind, string>>;

function readLast(file: string): LastFolders {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return value && typeof value === 'object' ? (value as LastFolders) : {};
  } catch {
    return {};
  }
}

export function createFolderPicker(deps: {
  dialog: Pick<Dialog, 'showOpenDialog'>;
  parent: BrowserWindow;
  /** JSON file of the last folder per kind. */
  file: string;
}): { choose(kind: ExportKind, fallback: string): Promise<string | null> } {
  return {
    async choose(kind, fallback) {
      const last = readLast(deps.file);
      const result = await deps.dialog.showOpenDialog(deps.parent, {
        title: 'Export to folder',
        buttonLabel: 'Export here',
        defaultPath: last[kind] ?? fallback,
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.canceled ? undefined : result.filePaths[0];
      if (!folder) return null;
      try {
        const temp = `${deps.file}.tmp`;
        fs.writeFileSync(temp, JSON.stringify({ ...last, [kind]: folder }));
        fs.renameSync(temp, deps.file);
      } catch (error) {
        // Forgetting the folder only costs a click next time.
        console.warn('[consultdeck] last export folder not saved', error);
      }
      return folder;
    },
  };
}

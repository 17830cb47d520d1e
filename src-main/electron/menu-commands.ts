/**
 * What each menu command does. Presentation commands go through core's one
 * `dispatch` as the console's doctor role, exactly as the console's buttons do,
 * so core still decides and pushes the new state to every window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App, BrowserWindow, Dialog, Shell } from 'electron';
import type { ConsoleSection } from '../../src-shared/contract/index.js';
import type { Core } from '../core/create-core.js';
import { lockSession } from '../core/api/session.js';
import { aboutDetail, readDeckFacts } from './about.js';
import { diagnosticBundle, listCrashDumps } from './diagnostics.js';
import type { MenuCommand } from './menu.js';

export interface CommandDeps {
  core: Pick<Core, 'dispatch' | 'services'>;
  app: Pick<App, 'getVersion' | 'getPath' | 'isPackaged' | 'quit' | 'once'>;
  shell: Pick<Shell, 'openPath'>;
  dialog: Pick<Dialog, 'showMessageBox' | 'showSaveDialog' | 'showErrorBox'>;
  doctor: BrowserWindow;
  appRoot: string;
  log: () => string[];
  versions?: Record<string, string | undefined>;
}

/** View menu: the console shows the section (SectionsModel in the doctor window). */
const SECTIONS: Partial<Record<MenuCommand, ConsoleSection>> = {
  'show-present': 'present',
  'show-record': 'record',
  'show-settings': 'settings',
};

const PRESENTATION: Partial<Record<MenuCommand, [string, unknown]>> = {
  'present-start': ['presentation.start', {}],
  next: ['presentation.next', {}],
  prev: ['presentation.prev', {}],
  black: ['presentation.setBlank', { blank: 'black' }],
  white: ['presentation.setBlank', { blank: 'white' }],
};

export function createMenuCommands(deps: CommandDeps): (command: MenuCommand) => Promise<void> {
  const { core, app, dialog } = deps;
  const versions = deps.versions ?? process.versions;
  const decksDir = (): string => path.join(core.services.dataDir, 'decks');

  const openDecksFolder = async (): Promise<void> => {
    fs.mkdirSync(decksDir(), { recursive: true });
    const error = await deps.shell.openPath(decksDir());
    if (error) {
      dialog.showErrorBox('The decks folder could not be opened', `${decksDir()}\n${error}`);
      return;
    }
    // The physician adds or edits decks in the file manager, then comes back:
    // the library is read again when the app has the focus again.
    app.once('browser-window-focus', () => {
      core.services.library.reload();
    });
  };

  const saveDiagnostics = async (): Promise<void> => {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const choice = await dialog.showSaveDialog(deps.doctor, {
      title: 'Save diagnostic bundle',
      defaultPath: path.join(app.getPath('documents'), `consultdeck-diagnostics-${stamp}.json`),
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    if (choice.canceled || !choice.filePath) return;
    const db = core.services.db;
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
        name: string;
      }>
    ).map((t) => t.name);
    const rowCounts = Object.fromEntries(
      tables.map((name) => [
        name,
        (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n,
      ]),
    );
    const text = diagnosticBundle({
      createdAt: new Date().toISOString(),
      app: { version: app.getVersion(), packaged: app.isPackaged },
      versions: { electron: versions.electron, chrome: versions.chrome, node: versions.node },
      os: { platform: process.platform, release: os.release(), arch: process.arch },
      decks: readDeckFacts(path.join(deps.appRoot, 'slides')),
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      rowCounts,
      crashDumps: listCrashDumps(app.getPath('crashDumps')),
      log: deps.log(),
    });
    const temp = `${choice.filePath}.tmp`;
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, choice.filePath);
  };

  /** The open consultation's document through the system print dialog (core renders and audits it). */
  const printOpen = async (document: 'clinician-summary' | 'patient-leaflet'): Promise<void> => {
    const caller = { role: 'doctor' as const, windowId: 'menu' };
    const current = await core.dispatch('consultations.current', {}, caller);
    const record = current.ok ? (current.value as { record: { id: string } | null }).record : null;
    if (!record) {
      await dialog.showMessageBox(deps.doctor, {
        type: 'info',
        message: 'Open a consultation first',
        detail: 'Printing works on the consultation open in the Record tab.',
      });
      return;
    }
    const result = await core.dispatch(
      'exports.print',
      { consultationId: record.id, document, pseudonymize: false },
      caller,
    );
    if (!result.ok) dialog.showErrorBox('The document could not be printed', result.error.message);
  };

  return async (command) => {
    const section = SECTIONS[command];
    if (section) {
      core.services.emit('app.showSection', { section });
      return;
    }
    const call = PRESENTATION[command];
    if (call) {
      const [name, input] = call;
      const result = await core.dispatch(name, input, { role: 'doctor', windowId: 'menu' });
      if (!result.ok) dialog.showErrorBox('ConsultDeck', result.error.message);
      return;
    }
    switch (command) {
      case 'print-summary':
        return printOpen('clinician-summary');
      case 'print-leaflet':
        return printOpen('patient-leaflet');
      case 'open-decks-folder':
        return openDecksFolder();
      case 'lock':
        lockSession(core.services, 'manual');
        return;
      case 'quit':
        app.quit();
        return;
      case 'identify-screens':
        core.services.displays?.identify();
        return;
      case 'about':
        await dialog.showMessageBox(deps.doctor, {
          type: 'info',
          title: 'About ConsultDeck',
          message: `ConsultDeck ${app.getVersion()}`,
          detail: aboutDetail({
            version: app.getVersion(),
            versions,
            decks: readDeckFacts(path.join(deps.appRoot, 'slides')),
          }),
        });
        return;
      case 'diagnostic-bundle':
        return saveDiagnostics();
      default:
        return;
    }
  };
}

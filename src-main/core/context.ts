/** What every handler receives besides its validated input. */
import type { DisplayState, Role } from '../../src-shared/contract/index.js';
import type { Db } from './db/open.js';
import type { DeckLibrary } from './decks/library.js';
import type { PdfRenderer } from './export/pdf-renderer.js';
import type { ExportKind } from '../../src-shared/contract/index.js';
import type { PresentationStore } from './presentation/store.js';
import type { ChangeFeed, Emit } from './changes.js';
import type { SessionLock } from './session-lock.js';
import type { Maintenance } from './maintenance.js';

export interface Caller {
  role: Role;
  /** Which window called (Electron webContents id, or the browser-mode socket). */
  windowId: string;
}

/** The desktop app's control of the displays; absent in browser mode. */
export interface DisplayControl {
  state(): DisplayState;
  movePatient(displayId: number | null): DisplayState;
  identify(): DisplayState;
}

export interface Services {
  db: Db;
  clock: () => Date;
  library: DeckLibrary;
  presentation: PresentationStore;
  /** Announces changes of the open record and of settings to the windows. */
  changes: ChangeFeed;
  emit: Emit;
  /** The console lock (persisted); `dispatch` refuses doctor calls while it is locked. */
  lock: SessionLock;
  appInfo: { version: string; mode: 'electron' | 'browser' };
  dataDir: string;
  /** Start-up warnings, backups and restore (maintenance.ts). */
  maintenance: Maintenance;
  /** Prints export documents; null where no printer was given (PDF exports then fail clearly). */
  pdf: PdfRenderer | null;
  /** The desktop app's displays; absent in browser mode. */
  displays?: DisplayControl;
  /** The desktop app's file manager ("Show in folder"); absent in browser mode. */
  fileManager?: { showInFolder(file: string): void };
  /** The desktop app's folder dialog for exports, remembering the last folder per kind; absent in browser mode. */
  folderPicker?: { choose(kind: ExportKind, fallback: string): Promise<string | null> };
}

export interface CallContext {
  caller: Caller;
  services: Services;
}

/**
 * Builds core for either composition root (Electron main or the browser-mode
 * host): opens the store, loads the slide library, creates the presentation
 * state, and returns the one `dispatch` both transports use.
 */
import path from 'node:path';
import { events, type EventName, type EventPayload, type Role } from '../../src-shared/contract/index.js';
import type { CallResult } from '../../src-shared/envelope.js';
import type { Caller, Services } from './context.js';
import { openDatabase } from './db/open.js';
import { backupIfDue } from './db/backup.js';
import { makeFolderPrivate } from './db/private-files.js';
import type { PdfRenderer } from './export/pdf-renderer.js';
import { createDeckLibrary } from './decks/library.js';
import { PresentationStore } from './presentation/store.js';
import { SlideViewLog } from './presentation/slide-views.js';
import { dispatch } from './registry.js';

export interface CoreOptions {
  dataDir: string;
  /** The app's own files: slides/ and db/ live here. */
  appRoot: string;
  /** The bundled decks; default `<appRoot>/slides`. */
  bundledDecksDir?: string;
  mode: 'electron' | 'browser';
  version: string;
  clock?: () => Date;
  /** Prints PDF exports; owned (and closed) by the composition root that made it. */
  pdfRenderer?: PdfRenderer;
}

export type PushListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  dispatch(name: unknown, input: unknown, caller: Caller): Promise<CallResult<unknown>>;
  /** Every pushed event; transports forward it to the windows whose role may receive it. */
  subscribe(listener: PushListener): () => void;
  services: Services;
  close(): void;
}

/** Whether a window of this role may receive this event. */
export function deliversTo(event: EventName, role: Role): boolean {
  return events[event].roles.includes(role);
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? (() => new Date());
  // Before the first byte is written: the folder and anything already in it private.
  makeFolderPrivate(options.dataDir);
  const db = openDatabase({
    file: path.join(options.dataDir, 'consultdeck.sqlite'),
    migrationsDir: path.join(options.appRoot, 'db'),
    backupsDir: path.join(options.dataDir, 'backups'),
    now: clock,
  });
  backupIfDue(db, path.join(options.dataDir, 'backups'), clock());
  const listeners = new Set<PushListener>();
  const emit: PushListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const library = createDeckLibrary({
    bundledDir: options.bundledDecksDir ?? path.join(options.appRoot, 'slides'),
    userDir: path.join(options.dataDir, 'decks'),
  });
  // Again after the open: SQLite created -wal/-shm and maybe a backup, the library its decks folder with the umask's mode.
  makeFolderPrivate(options.dataDir);
  const views = new SlideViewLog(db, clock);
  const presentation = new PresentationStore({
    library,
    views,
    clock,
    onChange: (state) => emit('presentation.changed', state),
  });
  const services: Services = {
    db,
    clock,
    library,
    presentation,
    emit,
    appInfo: { version: options.version, mode: options.mode },
    dataDir: options.dataDir,
    pdf: options.pdfRenderer ?? null,
  };
  return {
    dispatch: (name, input, caller) => dispatch(name, input, { caller, services }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    services,
    close() {
      views.flush();
      listeners.clear();
      if (db.open) db.close();
    },
  };
}

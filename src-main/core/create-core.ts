/**
 * Builds core for either composition root (Electron main or the browser-mode
 * host): opens the store, loads the slide library, creates the presentation
 * state, and returns the one `dispatch` both transports use.
 */
import path from 'node:path';
import { events, isCallName, type EventName, type EventPayload, type Role } from '../../src-shared/contract/index.js';
import type { CallResult } from '../../src-shared/envelope.js';
import type { Caller, Services } from './context.js';
import { openDatabase } from './db/open.js';
import { startCheckpointer } from './db/checkpointer.js';
import { backupDailyInSteps } from './db/backup.js';
import { checkIntegrityInBackground, type IntegrityResult } from './db/integrity.js';
import { makeFolderPrivate } from './db/private-files.js';
import type { PdfRenderer } from './export/pdf-renderer.js';
import { createDeckLibrary } from './decks/library.js';
import { PresentationStore } from './presentation/store.js';
import { SlideViewLog } from './presentation/slide-views.js';
import { dispatch } from './registry.js';
import { ChangeFeed, changesRecord } from './changes.js';
import { flushSearchIndex } from './records/search-index.js';
import { endsProgress } from './records/progress.js';
import { SessionLock } from './session-lock.js';
import { useAuditKey } from './audit.js';
import { loadOrCreateAuditKey, prepareAuditChain } from './audit-key.js';
import { cleanExportLeftovers, exportDestination } from './export/write-files.js';
import { readSettings } from './records/settings.js';
import { announceSession } from './api/session.js';
import { applyPendingRestore, cleanLeftovers, Maintenance } from './maintenance.js';
import { DiskSpaceError } from './db/disk-space.js';

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
  /**
   * The audit chain's key, kept outside the database (Electron: decrypted with safeStorage). Absent:
   * the 0600 key file in the data folder, created on first use (browser mode; see audit-key.ts).
   */
  auditKey?: Buffer;
}

export type PushListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Core {
  dispatch(name: unknown, input: unknown, caller: Caller): Promise<CallResult<unknown>>;
  /** The full check of the record file, running after start (see db/integrity.ts). */
  integrity: Promise<IntegrityResult>;
  /** The daily backup taken after that check (null when not due, not taken or failed). */
  dailyBackup: Promise<string | null>;
  /** Every pushed event; transports forward it to the windows whose role may receive it. */
  subscribe(listener: PushListener): () => void;
  services: Services;
  /** Pushes `sync.heartbeat` every `ms` until close (the composition roots start it; tests need not). */
  startHeartbeat(ms?: number): void;
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
  const dbFile = path.join(options.dataDir, 'consultdeck.sqlite');
  // Before the store opens: a crash's temp files go, and a restore asked for in Settings is applied.
  cleanLeftovers(options.dataDir, dbFile);
  const restored = applyPendingRestore(options.dataDir, dbFile, clock());
  const listeners = new Set<PushListener>();
  const emit: PushListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  const maintenance = new Maintenance(options.dataDir, (status) => emit('maintenance.changed', status));
  if (restored) maintenance.warn(restored);
  const db = openDatabase({
    file: dbFile,
    migrationsDir: path.join(options.appRoot, 'db'),
    backupsDir: path.join(options.dataDir, 'backups'),
    now: clock,
  });
  // Checkpoints on a worker thread: a commit never folds the WAL back into the file itself (db/checkpointer.ts).
  const checkpoints = startCheckpointer(db, dbFile);
  // Before any row is written: every audit row is chained with the key (a legacy chain is re-keyed once).
  const auditKey = options.auditKey ?? loadOrCreateAuditKey(options.dataDir);
  useAuditKey(db, auditKey);
  prepareAuditChain(db, auditKey, clock().toISOString());
  // Notes saved just before a crash are made searchable (see records/search-index.ts).
  flushSearchIndex(db);
  let closed = false;
  const integrity = checkIntegrityInBackground(dbFile).then((result) => {
    if (!result.ok && !closed) {
      console.error(
        `[consultdeck] The record file ${dbFile} failed SQLite's check (${result.message}). ` +
          'Keep a copy of the data folder for your IT support, and start from a backup.',
      );
    }
    return result;
  });
  // The daily backup, after the check passed (a damaged file must not push good backups out), in steps
  // while the doctor works: never at start, where a large record would hold up the first screen.
  const dailyBackup = integrity
    .then((result) =>
      result.ok && !closed
        ? backupDailyInSteps(db, path.join(options.dataDir, 'backups'), clock(), (temp) => checkpoints.copyTo(temp))
        : null,
    )
    .catch((error: unknown) => {
      if (closed) return null;
      console.error('[consultdeck] The daily backup failed:', (error as Error).message);
      // Shown in the console: the app works, but the doctor should know there is no fresh backup.
      maintenance.warn(
        error instanceof DiskSpaceError
          ? { code: 'backup-skipped-disk', message: `Today's backup was skipped. ${error.message}` }
          : { code: 'backup-failed', message: `Today's backup failed: ${(error as Error).message}` },
      );
      return null;
    });
  const library = createDeckLibrary({
    bundledDir: options.bundledDecksDir ?? path.join(options.appRoot, 'slides'),
    userDir: path.join(options.dataDir, 'decks'),
    listingCacheFile: path.join(options.dataDir, 'cache', 'deck-listing.json'),
    version: options.version,
  });
  // Temp files of an export killed mid-write (issue 11, M6): its intent is in the audit, the file is not whole.
  try {
    const leftovers = cleanExportLeftovers(exportDestination(readSettings(db).exportFolder, options.dataDir));
    if (leftovers.length > 0) console.warn(`[consultdeck] Removed ${leftovers.length} unfinished export file(s).`);
  } catch {
    // An unplugged export drive: the next export cleans its folder.
  }
  // Again after the open: SQLite created -wal/-shm and maybe a backup, the library its decks folder with the umask's mode.
  makeFolderPrivate(options.dataDir);
  // A slide of the open consultation shown long enough to count (risk suggestions): the record changed.
  const views = new SlideViewLog(db, clock, () => changes.record());
  const presentation = new PresentationStore({
    library,
    views,
    clock,
    onChange: (state) => emit('presentation.changed', state),
    onMarks: (delta) => emit('presentation.marks', delta),
  });
  const changes = new ChangeFeed(emit, db, presentation);
  const services: Services = {
    db,
    clock,
    library,
    presentation,
    changes,
    emit,
    lock: new SessionLock(db, clock),
    appInfo: { version: options.version, mode: options.mode },
    dataDir: options.dataDir,
    pdf: options.pdfRenderer ?? null,
    maintenance,
  };
  let heartbeat: NodeJS.Timeout | null = null;
  return {
    async dispatch(name, input, caller) {
      const result = await dispatch(name, input, { caller, services });
      // Announced after the call landed, with the state it left (one place for every record write).
      if (result.ok && isCallName(name)) {
        // "Your progress" belongs to the record the doctor was looking at: another record, and it goes.
        if (endsProgress(name)) presentation.hideProgress();
        if (changesRecord(name)) changes.record();
        else if (name === 'settings.update') {
          changes.settings();
          // The auto-lock time travels with the lock state: every console applies it at once.
          if (input !== null && typeof input === 'object' && 'idleLockMinutes' in input) announceSession(services);
        }
      }
      return result;
    },
    startHeartbeat(ms = 500) {
      heartbeat ??= setInterval(() => emit('sync.heartbeat', changes.heartbeat()), ms);
      heartbeat.unref();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    services,
    integrity,
    dailyBackup,
    close() {
      closed = true;
      if (heartbeat) clearInterval(heartbeat);
      views.stop();
      views.flush();
      if (db.open) flushSearchIndex(db);
      checkpoints.close();
      listeners.clear();
      if (db.open) db.close();
    },
  };
}

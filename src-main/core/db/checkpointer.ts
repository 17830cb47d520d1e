/**
 * WAL checkpoints off the save path. SQLite folds the WAL back into the
 * database file every 1 000 pages, inside whichever commit crosses that mark:
 * that autosave then writes megabytes and waits for a second fsync (the
 * slowest 1 % of saves at ten years of records). Here the app's connection
 * never checkpoints; a worker thread with its own connection runs a PASSIVE
 * checkpoint every couple of seconds, which never blocks a writer (SQLite
 * lets a checkpoint and a commit run side by side in WAL mode). Durability
 * does not depend on it: a save is on disk once its commit fsynced the WAL.
 * Should the worker not start, the connection checkpoints as before.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's default: the connection checkpoints in a commit when the WAL holds this many pages. */
const AUTOCHECKPOINT_PAGES = 1000;
export const CHECKPOINT_INTERVAL_MS = 2000;
/** How long closing waits for a running checkpoint to finish before going on. */
const CLOSE_WAIT_MS = 10_000;

export interface Checkpointer {
  /** Runs one checkpoint now and resolves with SQLite's answer (tests, and before a backup file is copied). */
  checkpoint(): Promise<{ busy: number; log: number; checkpointed: number }>;
  /**
   * Writes a consistent copy of the database to `target` on the worker's thread (SQLite's online backup on
   * its own connection, inside one read transaction, paced by fdatasync: saves go on meanwhile), on disk when
   * it resolves; null when there is no worker.
   */
  copyTo(target: string): Promise<void> | null;
  /** Closes the worker's connection before returning, so the app's own close is the last one (it removes the WAL). */
  close(): void;
}

/** The copy's pacing (issue 16): pages per step, and the bytes written before the worker waits for the disk. */
export const COPY_PAGES_PER_STEP = 256;
export const COPY_SYNC_EVERY_STEPS = 8;

const WORKER_SOURCE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const fs = require('node:fs');
  const Database = require(workerData.driver);
  const closed = new Int32Array(workerData.closed);
  const db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = FULL');
  const run = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
  // A running copy holds a read transaction on this connection: checkpoints wait for it to end.
  let copying = null;
  let closing = false;
  const syncFile = (file) => {
    const fd = fs.openSync(file, 'r+');
    try { fs.fdatasyncSync(fd); } finally { fs.closeSync(fd); }
  };
  // The whole backup on this thread; the app's thread only waits for the answer. One read transaction makes
  // the copy one consistent moment of the record while saves go on (SQLite's online backup, stepped on this
  // thread, does not restart when the app's connection writes). Every few megabytes the copy waits for the
  // disk, so the operating system never has the whole file to write back at once: that burst at the end of a
  // one-shot VACUUM INTO held up the app's saves by up to 15 ms (bench:store).
  const copy = async (target) => {
    db.exec('BEGIN');
    try {
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      let steps = 0;
      await db.backup(target, {
        progress: () => {
          if (closing) throw new Error('The app is closing: the backup was stopped.');
          steps += 1;
          if (steps % workerData.syncEvery === 0) syncFile(target);
          return workerData.pagesPerStep;
        },
      });
      syncFile(target);
    } finally {
      db.exec('COMMIT');
    }
  };
  const timer = setInterval(() => {
    if (copying) return;
    try { run(); } catch (error) { parentPort.postMessage({ type: 'error', message: String(error && error.message) }); }
  }, workerData.intervalMs);
  const answer = (id, work) => {
    try { parentPort.postMessage({ type: 'done', id, result: work() }); }
    catch (error) { parentPort.postMessage({ type: 'done', id, error: String(error && error.message) }); }
  };
  parentPort.on('message', (message) => {
    if (message.type === 'checkpoint') {
      if (copying) copying.then(() => answer(message.id, run));
      else answer(message.id, run);
    } else if (message.type === 'copy') {
      const started = (copying ?? Promise.resolve()).then(() => copy(message.target));
      const settled = started.then(
        () => parentPort.postMessage({ type: 'done', id: message.id }),
        (error) => parentPort.postMessage({ type: 'done', id: message.id, error: String(error && error.message) }),
      );
      copying = settled;
      settled.then(() => { if (copying === settled) copying = null; });
    } else if (message.type === 'close') {
      clearInterval(timer);
      closing = true;
      (copying ?? Promise.resolve()).then(() => {
        try { db.close(); } finally {
          Atomics.store(closed, 0, 1);
          Atomics.notify(closed, 0);
          parentPort.close();
        }
      });
    }
  });`;

type FromWorker =
  | { type: 'error'; message: string }
  | { type: 'done'; id: number; result?: { busy: number; log: number; checkpointed: number }; error?: string };

export function startCheckpointer(
  db: Database.Database,
  file: string,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): Checkpointer {
  const closedFlag = new SharedArrayBuffer(4);
  const closed = new Int32Array(closedFlag);
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let worker: Worker | null = null;
  const fallBack = (why: string): void => {
    if (worker === null) return;
    worker = null;
    console.error(`[consultdeck] WAL checkpoints run in the save path again: ${why}`);
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  };
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver,
        intervalMs,
        closed: closedFlag,
        pagesPerStep: COPY_PAGES_PER_STEP,
        syncEvery: COPY_SYNC_EVERY_STEPS,
      },
    });
    // From here on the app's connection leaves checkpoints to the worker.
    db.pragma('wal_autocheckpoint = 0');
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'error') console.error(`[consultdeck] WAL checkpoint failed: ${message.message}`);
      if (message.type !== 'done') return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result as never);
    });
    worker.once('error', (error) => fallBack(`the checkpoint worker failed (${error.message})`));
    worker.once('exit', () => fallBack('the checkpoint worker stopped'));
    // A worker must not keep the app from quitting.
    worker.unref();
  } catch (error) {
    fallBack(`the checkpoint worker could not start (${(error as Error).message})`);
  }
  return {
    checkpoint() {
      const running = worker;
      if (running === null) {
        const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{
          busy: number;
          log: number;
          checkpointed: number;
        }>;
        return Promise.resolve(result ?? { busy: 0, log: 0, checkpointed: 0 });
      }
      return new Promise((resolve, reject) => {
        const id = nextId;
        nextId += 1;
        pending.set(id, { resolve, reject });
        running.postMessage({ type: 'checkpoint', id });
      });
    },
    copyTo(target) {
      const running = worker;
      if (running === null) return null;
      return new Promise<void>((resolve, reject) => {
        const id = nextId;
        nextId += 1;
        pending.set(id, { resolve: () => resolve(), reject });
        running.postMessage({ type: 'copy', id, target });
      });
    },
    close() {
      const running = worker;
      worker = null;
      if (running === null) return;
      running.postMessage({ type: 'close' });
      // Blocks for at most one checkpoint: the worker's connection must be closed before the app's.
      Atomics.wait(closed, 0, 0, CLOSE_WAIT_MS);
      void running.terminate();
      for (const { reject } of pending.values()) reject(new Error('closed'));
      pending.clear();
    },
  };
}

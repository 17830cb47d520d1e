/**
 * The daily backup of a large record on a worker thread. Copied in steps on
 * the app's own connection (backup-steps.ts), every step still ran on the
 * main thread, and the copy's last step — committing and syncing a file of
 * hundreds of megabytes — held up every save for as long as the disk took.
 * Here a worker copies from its own read-only connection inside one read
 * transaction: a consistent snapshot that the app's saves (WAL mode) neither
 * wait for nor restart, and the copy's sync happens off the main thread.
 * Closing the app stops a copy between two steps and waits for the worker's
 * connection to close, so the app's own close is the last one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files.js';

/**
 * Pages per step (4 MiB of 4 KiB pages), each step synced and followed by a pause: a save's fsync then waits
 * for at most one step's data, and the disk is left free for the saves most of the time. At ten years
 * (~890 MB) the copy takes some seconds longer; nobody waits for it.
 */
export const WORKER_PAGES_PER_STEP = 1024;
export const WORKER_PAUSE_MS = 10;
const STOP_WAIT_MS = 10_000;

const WORKER_SOURCE = `
  const fs = require('node:fs');
  const { parentPort, workerData } = require('node:worker_threads');
  const Database = require(workerData.driver);
  const closed = new Int32Array(workerData.closed);
  let stopping = false;
  parentPort.on('message', (message) => { if (message === 'stop') stopping = true; });
  (async () => {
    let db;
    let fd = null;
    try {
      db = new Database(workerData.file, { readonly: true, fileMustExist: true });
      // One snapshot for the whole copy: the app's saves go on in the WAL and do not restart it.
      db.exec('BEGIN');
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      const pause = new Int32Array(new SharedArrayBuffer(4));
      try {
        await db.backup(workerData.temp, {
          progress: () => {
            if (stopping) throw new Error('the backup was stopped: the app is closing');
            // The copy so far goes to disk piece by piece, with a pause: left to the end, hundreds of megabytes
            // flushed at once kept the disk busy for seconds and every save's fsync waited behind them.
            fd ??= fs.openSync(workerData.temp, 'r+');
            fs.fdatasyncSync(fd);
            Atomics.wait(pause, 0, 0, workerData.pauseMs);
            return workerData.pagesPerStep;
          },
        });
        db.exec('COMMIT');
        fd ??= fs.openSync(workerData.temp, 'r+');
        fs.fsyncSync(fd);
      } finally {
        if (fd !== null) fs.closeSync(fd);
      }
      parentPort.postMessage({ ok: true });
    } catch (error) {
      parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
    } finally {
      try { if (db) db.close(); } finally {
        Atomics.store(closed, 0, 1);
        Atomics.notify(closed, 0);
        parentPort.close();
      }
    }
  })();`;

export interface BackupJob {
  /** The backup's file once it is complete, synced and renamed into place. */
  done: Promise<string>;
  /** Stops a running copy (between two steps) and returns once the worker's connection is closed. */
  stop(): void;
}

export function backupOnWorker(
  file: string,
  target: string,
  pagesPerStep = WORKER_PAGES_PER_STEP,
  pauseMs = WORKER_PAUSE_MS,
): BackupJob {
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
  const temp = `${target}.partial`;
  fs.rmSync(temp, { force: true });
  const closedFlag = new SharedArrayBuffer(4);
  const closed = new Int32Array(closedFlag);
  let worker: Worker | null = null;
  const done = new Promise<string>((resolve, reject) => {
    const fail = (error: Error): void => {
      fs.rmSync(temp, { force: true });
      reject(error);
    };
    try {
      const driver = createRequire(import.meta.url).resolve('better-sqlite3');
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { file, temp, driver, pagesPerStep, pauseMs, closed: closedFlag },
      });
    } catch (error) {
      fail(new Error(`the backup could not start: ${(error as Error).message}`));
      return;
    }
    worker.once('message', (message: { ok: boolean; message?: string }) => {
      worker = null;
      if (!message.ok) {
        fail(new Error(message.message ?? 'the backup failed'));
        return;
      }
      try {
        // Patient data: readable by the doctor's account only, whatever the umask; the rename makes a
        // half-written backup impossible to mistake for a good one.
        fs.chmodSync(temp, PRIVATE_FILE_MODE);
        fs.renameSync(temp, target);
        resolve(target);
      } catch (error) {
        fail(error as Error);
      }
    });
    worker.once('error', (error) => {
      worker = null;
      fail(error);
    });
    // A backup must not keep the app from quitting (a leftover .partial is removed at the next start).
    worker.unref();
  });
  return {
    done,
    stop() {
      const running = worker;
      if (running === null) return;
      running.postMessage('stop');
      Atomics.wait(closed, 0, 0, STOP_WAIT_MS);
    },
  };
}

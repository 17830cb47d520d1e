/**
 * Checking the record file. SQLite's quick_check reads every page: 1.6 s for
 * ten years of a clinic's records, too slow for every start. So an open does
 * the quick part — the schema, and the first pages of every table and index
 * (where damage to the file's structure shows first) — and the full
 * quick_check runs after start on a worker thread, on its own read-only
 * connection, while the doctor works.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Reads the schema and the root of every table and index; throws SQLite's error when one is damaged. */
export function probeStructure(db: Database.Database): void {
  const objects = db
    .prepare("SELECT type, name, tbl_name AS tbl FROM sqlite_schema WHERE type IN ('table', 'index') AND rootpage > 0")
    .all() as { type: 'table' | 'index'; name: string; tbl: string }[];
  for (const { type, name, tbl } of objects) {
    // LIMIT 1 stops after the root and its first leaf: constant time, whatever the size of the table.
    const sql =
      type === 'table'
        ? `SELECT 1 FROM ${quote(name)} LIMIT 1`
        : `SELECT 1 FROM ${quote(tbl)} INDEXED BY ${quote(name)} LIMIT 1`;
    try {
      db.prepare(sql).all();
    } catch (error) {
      // An index SQLite made itself (UNIQUE, PRIMARY KEY) cannot be named in INDEXED BY; its table was read above.
      if (type === 'index' && /no such index/.test((error as Error).message)) continue;
      throw error;
    }
  }
}

export type IntegrityResult = { ok: true } | { ok: false; message: string };

/**
 * The full quick_check of `file` on a worker thread; never rejects. The worker
 * loads better-sqlite3 by its resolved path, so it works from sources, the
 * build and a package alike.
 */
export function checkIntegrityInBackground(file: string): Promise<IntegrityResult> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    let db;
    try {
      db = new Database(workerData.file, { readonly: true, fileMustExist: true });
      const rows = db.pragma('quick_check(20)').map((row) => row.quick_check);
      parentPort.postMessage(rows.length === 1 && rows[0] === 'ok' ? { ok: true } : { ok: false, message: rows.join('; ') });
    } catch (error) {
      parentPort.postMessage({ ok: false, message: String(error && error.message || error) });
    } finally {
      if (db) db.close();
    }`;
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: IntegrityResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    try {
      const worker = new Worker(source, { eval: true, workerData: { file, driver } });
      worker.once('message', (result: IntegrityResult) => done(result));
      worker.once('error', (error) => done({ ok: false, message: `the check could not run: ${error.message}` }));
      worker.once('exit', () => done({ ok: false, message: 'the check stopped before it finished' }));
      // A check still running must not keep the app from quitting.
      worker.unref();
    } catch (error) {
      done({ ok: false, message: `the check could not run: ${(error as Error).message}` });
    }
  });
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from '../../../../../src-main/core/db/checkpointer.js';
import { makeTestCore } from '../../../helpers/test-core.js';

const HOUR = 3_600_000;
const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const undo of cleanup.splice(0).reverse()) undo();
});

function walDatabase(): { db: Database.Database; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-checkpoint-'));
  const file = path.join(dir, 'consultdeck.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  cleanup.push(() => {
    if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, file };
}

/** Commits one at a time, each a few pages, as autosaves do: well past SQLite's 1 000-page checkpoint mark. */
function saveMany(db: Database.Database, count: number): void {
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  for (let i = 0; i < count; i += 1) insert.run(`note ${i} `.repeat(1500));
}

describe('WAL checkpoints off the save path', () => {
  it('leaves checkpoints to the worker: saves never fold the WAL, the worker folds all of it', async () => {
    const { db, file } = walDatabase();
    // A timer too slow to fire during the test: only the explicit checkpoint below runs.
    const checkpoints: Checkpointer = startCheckpointer(db, file, HOUR);
    cleanup.push(() => checkpoints.close());
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    saveMany(db, 400);
    const result = await checkpoints.checkpoint();
    // Every frame written by the 400 commits was still in the WAL: none of them checkpointed.
    expect(result.log).toBeGreaterThan(1000);
    expect(result).toEqual({ busy: 0, log: result.log, checkpointed: result.log });

    // Closing waits for the worker's connection, so the app's close is the last one: the file alone holds
    // every save, and no WAL is left beside it.
    checkpoints.close();
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const copy = `${file}.copy`;
    fs.copyFileSync(file, copy);
    const reread = new Database(copy, { readonly: true });
    expect(reread.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(400);
    reread.close();
  });

  it('checkpoints on its timer while the app keeps saving', async () => {
    const { db, file } = walDatabase();
    const checkpoints = startCheckpointer(db, file, 50);
    cleanup.push(() => checkpoints.close());
    saveMany(db, 300);
    // The worker catches up on its own: soon an explicit checkpoint finds nothing left to fold.
    await expect
      .poll(async () => {
        const { log, checkpointed } = await checkpoints.checkpoint();
        return log === checkpointed;
      })
      .toBe(true);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(300 * 4096);
  });

  it('falls back to checkpoints in the save path when the worker cannot open the database', async () => {
    const { db } = walDatabase();
    const checkpoints = startCheckpointer(db, path.join(os.tmpdir(), 'consultdeck-no-such-folder', 'x.sqlite'), HOUR);
    cleanup.push(() => checkpoints.close());
    await expect.poll(() => db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    saveMany(db, 10);
    expect((await checkpoints.checkpoint()).busy).toBe(0);
  });

  it('is closed with core: the data folder holds the database without a WAL, every save in it', async () => {
    const t = makeTestCore();
    await t.call('settings.update', { physicianName: 'Dr. Close' });
    const patient = await t.call('patients.create', { code: 'WAL-1', birthDate: '1950', sex: 'male' });
    const draft = await t.call('consultations.start', { patientId: patient.id });
    await t.call('notes.save', { consultationId: draft.id, body: 'Saved before closing.', baseRevision: 0 });
    t.close();
    const file = path.join(t.dataDir, 'consultdeck.sqlite');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT body FROM notes WHERE consultation_id = ?').pluck().get(draft.id)).toBe(
      'Saved before closing.',
    );
    db.close();
  });
});

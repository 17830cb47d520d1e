/**
 * A text search pages its hits through the key order of db/0010 (keys handed
 * out in the order records first get text, "late" keys listed apart). Whatever
 * order notes are written in, a search lists its hits exactly as the history
 * lists the same records: newest started first, ties by id, every page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../../src-main/core/create-core.js';
import { appRoot, makeTestCore, type TestCore } from '../../../helpers/test-core.js';

const MINUTE = 60_000;
const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const core of open.splice(0)) core.close();
});

/** A fixed shuffle (no Math.random: a failure must repeat). */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 7;
  for (let i = out.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

type Call = TestCore['call'];

/** 24 consultations, some started in the same millisecond; returns their ids. */
async function startMany(call: Call, advance: (ms: number) => void): Promise<string[]> {
  await call('settings.update', { physicianName: 'Dr. Order' });
  const patient = await call('patients.create', { code: 'ORDER-1', birthDate: '1941', sex: 'female' });
  const ids: string[] = [];
  for (let i = 0; i < 24; i += 1) {
    ids.push((await call('consultations.start', { patientId: patient.id })).id);
    // Every third one starts in the same millisecond as the one before it: the history breaks ties by id.
    if (i % 3 !== 0) advance(MINUTE);
  }
  return ids;
}

/** Every page of a search for the word every record holds equals the same page of the plain history. */
async function expectSearchOrderIsHistoryOrder(call: Call, total: number): Promise<void> {
  const listed = (await call('consultations.history', { limit: 100 })).items.map((i) => i.id);
  expect(listed).toHaveLength(total);
  for (const [limit, offset] of [
    [100, 0],
    [5, 0],
    [5, 5],
    [7, 14],
    [4, total - 4],
    [10, total],
  ] as const) {
    const page = await call('consultations.history', { text: 'osteo', limit, offset });
    expect(page.total).toBe(total);
    expect(
      page.items.map((i) => i.id),
      `limit ${limit} offset ${offset}`,
    ).toEqual(listed.slice(offset, offset + limit));
    for (const item of page.items) expect(item.snippet?.toLowerCase()).toContain('\u0002osteo');
  }
}

describe('search hits in history order, whatever order the notes were written in', () => {
  it('pages a search exactly as the history when records got their first words out of order', async () => {
    const t = makeTestCore();
    open.push(t);
    const ids = await startMany(t.call, t.advance);
    // First words in a shuffled order: notes, quick entries, or an amendment of a signed record.
    for (const [n, id] of shuffled(ids).entries()) {
      if (n % 4 === 3) await t.call('notes.addEntry', { consultationId: id, text: `Osteopenia, entry ${n}` });
      else await t.call('notes.save', { consultationId: id, body: `Osteoporosis, visit ${n}.`, baseRevision: 0 });
    }
    const late = t.core.services.db.prepare('SELECT count(*) AS n FROM record_search_late').pluck().get() as number;
    expect(late).toBeGreaterThan(0);
    await expectSearchOrderIsHistoryOrder(t.call, ids.length);

    // A deleted record leaves the search and its late key with it.
    const gone = ids[5] as string;
    await t.call('consultations.delete', { id: gone });
    await expectSearchOrderIsHistoryOrder(t.call, ids.length - 1);
    expect(
      t.core.services.db
        .prepare(
          'SELECT count(*) FROM record_search_late l WHERE NOT EXISTS (SELECT 1 FROM record_search_keys k WHERE k.key = l.key)',
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('orders the keys a database had before db/0010 when it migrates', async () => {
    // A data folder written by the app with migrations 0001–0009, the notes in a shuffled order.
    const oldRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-old-app-'));
    fs.mkdirSync(path.join(oldRoot, 'db'));
    for (const name of fs.readdirSync(path.join(appRoot, 'db')).filter((n) => /^000\d_.*\.sql$/.test(n))) {
      fs.copyFileSync(path.join(appRoot, 'db', name), path.join(oldRoot, 'db', name));
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-search-order-'));
    let now = new Date('2026-11-23T09:00:00.000Z').getTime();
    const coreOn = (root: string): { core: Core; call: Call } => {
      const core = createCore({
        dataDir,
        appRoot: root,
        bundledDecksDir: path.join(appRoot, 'slides'),
        mode: 'browser',
        version: 'test',
        clock: () => new Date(now),
      });
      open.push(core);
      const call: Call = async (name, input) => {
        const result = await core.dispatch(name, input, { role: 'doctor', windowId: 'test' });
        if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
        return result.value as never;
      };
      return { core, call };
    };
    const before = coreOn(oldRoot);
    expect(before.core.services.db.pragma('user_version', { simple: true })).toBe(9);
    // Today's code writes these rows: the tables of later migrations it reads with every record are made
    // here as their migrations make them (0012), and dropped again so that those migrations run on upgrade.
    const later = 'what_matters_revisions';
    before.core.services.db.exec(
      `CREATE TABLE ${later} (consultation_id TEXT PRIMARY KEY REFERENCES consultations (id) ON DELETE CASCADE, revision INTEGER NOT NULL)`,
    );
    const ids = await startMany(before.call, (ms) => (now += ms));
    for (const [n, id] of shuffled(ids).entries()) {
      await before.call('notes.save', { consultationId: id, body: `Osteoporosis, visit ${n}.`, baseRevision: 0 });
    }
    before.core.services.db.exec(`DROP TABLE ${later}`);
    before.core.close();

    const after = coreOn(appRoot);
    expect(after.core.services.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(10);
    await expectSearchOrderIsHistoryOrder(after.call, ids.length);
  });
});

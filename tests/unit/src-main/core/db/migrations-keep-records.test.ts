/**
 * Every migration after the released schema keeps every record intact: a data
 * folder is filled through core on the schema of migrations 0001–0005 (as a
 * clinic has it today), then opened by today's core, which migrates it. Every
 * row of every table that existed before is still there, unchanged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallName, CallOutput } from '../../../../../src-shared/contract/index.js';
import { createCore, type Core } from '../../../../../src-main/core/create-core.js';
import { verifyAuditChain } from '../../../../../src-main/core/audit.js';
import type { Db } from '../../../../../src-main/core/db/open.js';
import { appRoot } from '../../../helpers/test-core.js';
import { checkSignedDigests } from '../../../../../src-main/core/records/record.js';
import { NO_BONE_HEALTH_PLAN } from '../../../../../src-shared/contract/index.js';

const RELEASED = 5;
const FIXTURE = path.join(appRoot, 'tests', 'fixtures', 'released-0005');
const migrationsDir = path.join(appRoot, 'db');
const latest = fs.readdirSync(migrationsDir).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).length;

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function startCore(dataDir: string, root: string, now: () => Date) {
  const core = createCore({
    dataDir,
    appRoot: root,
    bundledDecksDir: path.join(appRoot, 'slides'),
    mode: 'browser',
    version: 'test',
    clock: now,
  });
  cores.push(core);
  const call = async <N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> => {
    const result = await core.dispatch(name, input, { role: 'doctor', windowId: 'test' });
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  return { core, call };
}

/** Every row of every table (FTS shadow tables included), each table's columns as they were. */
function snapshot(db: Db | Database.Database): Map<string, { columns: string[]; rows: unknown[] }> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const result = new Map<string, { columns: string[]; rows: unknown[] }>();
  for (const table of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
    if (columns.length === 0) continue; // a virtual table's own entry: its shadow tables hold the rows
    const list = columns.map((c) => `"${c}"`).join(', ');
    result.set(table, { columns, rows: db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all() });
  }
  return result;
}

describe('migrations from the released schema (0001–0005)', () => {
  it('keep every row of every table, and the migrated records take follow-up visits', async () => {
    // A clinic's data folder written by the released app (commit ff66037, schema 0001–0005) through its own core,
    // as the console writes it: patients, a correction, a signed and amended record with risks, notes, entries
    // and slide views, and a draft (tests/fixtures/released-0005/seed.mjs.txt made it).
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-migrate-'));
    fs.copyFileSync(path.join(FIXTURE, 'consultdeck.sqlite'), path.join(dataDir, 'consultdeck.sqlite'));
    let now = new Date('2026-11-23T09:00:00.000Z').getTime();
    const clock = () => new Date(now);
    const file = new Database(path.join(dataDir, 'consultdeck.sqlite'), { readonly: true });
    expect(file.pragma('user_version', { simple: true })).toBe(RELEASED);
    const before = snapshot(file);
    const signed = file.prepare("SELECT id FROM consultations WHERE status = 'finalized'").get() as { id: string };
    const anna = file.prepare("SELECT id FROM patients WHERE display_name = 'Anna Müller'").get() as { id: string };
    file.close();
    expect([...before.keys()]).toEqual(expect.arrayContaining(['patients', 'consultations', 'notes', 'audit_log']));
    for (const table of ['patients', 'consultations', 'notes', 'note_entries', 'decisions', 'risks_discussed']) {
      expect(before.get(table)?.rows.length, table).toBeGreaterThan(0);
    }
    for (const table of ['amendments', 'patient_corrections', 'slide_views', 'settings', 'record_search_keys']) {
      expect(before.get(table)?.rows.length, table).toBeGreaterThan(0);
    }

    // Today's core opens the same folder and migrates it.
    now += 7 * 86_400_000;
    const next = startCore(dataDir, appRoot, clock);
    const db = next.core.services.db;
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const after = snapshot(db);
    for (const [table, { columns: all, rows: allRows }] of before) {
      // The audit chain is re-keyed once (HMAC, issue 11 M5): its hashes change, every other column stays.
      const keep = table === 'audit_log' ? all.filter((c) => c !== 'hash' && c !== 'prev_hash') : all;
      const rows = allRows.map((row) => keep.map((c) => (row as unknown[])[all.indexOf(c)]));
      const columns = keep;
      const list = columns.map((c) => `"${c}"`).join(', ');
      const now = db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all();
      // The audit log only grows (the re-keying adds its own row after the old ones).
      expect(table === 'audit_log' ? now.slice(0, rows.length) : now, `rows of ${table}`).toEqual(rows);
      expect(after.has(table), table).toBe(true);
    }
    expect(verifyAuditChain(db).ok).toBe(true);

    // The records read as before, and the signed one takes a follow-up visit.
    const record = await next.call('consultations.get', { id: signed.id });
    expect(record).toMatchObject({ status: 'finalized', finalizedBy: 'Dr. Anna Weber' });
    expect(record.current.notes.body).toBe('Wants to garden again. Daughter drives.');
    const history = await next.call('consultations.history', { text: 'garden' });
    expect(history.items.map((i) => i.id)).toEqual([signed.id]);
    const visit = await next.call('followUps.create', {
      consultationId: signed.id,
      values: {
        visitDate: '2026-11-30',
        painNow: 2,
        mobility: 'as-before',
        painMedication: 'none',
        complications: [],
        complicationsOther: '',
        newFractures: [],
        note: '',
      },
    });
    const timeline = await next.call('followUps.timeline', { patientId: anna.id });
    expect(timeline.points.map((p) => [p.date, p.pain])).toEqual([
      ['2026-11-23', 7],
      ['2026-11-30', 2],
    ]);
    expect(timeline.consultations[0]?.visits.map((v) => v.id)).toEqual([visit.id]);
    // Migration 0009 (issue 15): no plan rows are made up; every record reads "nothing recorded", the visit
    // "bone medicine not asked", and the signed record's digest (which seals a recorded plan) still verifies.
    expect(latest).toBeGreaterThanOrEqual(9);
    expect(db.prepare('SELECT count(*) FROM bone_health_plans').pluck().get()).toBe(0);
    expect(visit.boneMedicine).toBeNull();
    for (const id of db.prepare('SELECT id FROM consultations').pluck().all() as string[]) {
      const read = await next.call('consultations.get', { id });
      expect(read.boneHealth, id).toEqual(NO_BONE_HEALTH_PLAN);
      expect(read.revisions.boneHealth, id).toBe(0);
    }
    expect(checkSignedDigests(db).every((d) => d.ok)).toBe(true);
    expect(checkSignedDigests(db).length).toBeGreaterThan(0);
  });
});

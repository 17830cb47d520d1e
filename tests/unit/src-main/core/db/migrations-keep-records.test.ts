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
import { emptyDecision, emptyFindings } from '../api/record-fixtures.js';

const RELEASED = 5;
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
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-migrate-'));
    const oldRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-old-app-'));
    fs.mkdirSync(path.join(oldRoot, 'db'));
    for (const name of fs.readdirSync(migrationsDir).filter((n) => Number(n.slice(0, 4)) <= RELEASED)) {
      fs.copyFileSync(path.join(migrationsDir, name), path.join(oldRoot, 'db', name));
    }
    let now = new Date('2026-11-23T09:00:00.000Z').getTime();
    const clock = () => new Date(now);

    // A clinic's record on today's schema, written through core as the console writes it.
    const old = startCore(dataDir, oldRoot, clock);
    expect(old.core.services.db.pragma('user_version', { simple: true })).toBe(RELEASED);
    await old.call('settings.update', { physicianName: 'Dr. Anna Weber', clinicName: 'Spine clinic' });
    const anna = await old.call('patients.create', {
      displayName: 'Anna Müller',
      birthDate: '1948-03-02',
      sex: 'female',
    });
    const bert = await old.call('patients.create', {
      displayName: 'Bert Roth',
      birthDate: '1951-07-14',
      hospitalNumber: 'H-77',
      sex: 'male',
    });
    await old.call('patients.correct', { id: bert.id, reason: 'typo', displayName: 'Bert Rothe' });
    const signed = await old.call('consultations.start', { patientId: anna.id });
    await old.call('presentation.next', {});
    now += 5_000;
    await old.call('presentation.next', {});
    now += 5_000;
    await old.call('consultations.updateFindings', {
      id: signed.id,
      findings: { ...emptyFindings, painNow: 7, painSince: '2026-11-01', fracturedLevels: [{ level: 'L1', grade: 2 }] },
    });
    await old.call('consultations.updateDecision', {
      id: signed.id,
      decision: {
        ...emptyDecision,
        path: 'augmentation',
        augmentation: { procedure: 'vertebroplasty', levels: ['L1'], anaesthesia: 'local', plannedDate: '2026-11-30' },
      },
    });
    await old.call('consultations.confirmRisks', {
      id: signed.id,
      risks: { confirmed: ['cement-leak', 'other'], otherText: 'allergy to contrast' },
    });
    await old.call('notes.save', { consultationId: signed.id, body: 'Wants to garden again.', revision: 1 });
    await old.call('notes.addEntry', { consultationId: signed.id, text: 'asks about driving' });
    await old.call('consultations.finalize', { id: signed.id });
    await old.call('consultations.amend', {
      id: signed.id,
      reason: 'added after the call',
      change: { section: 'notes', after: { body: 'Wants to garden again. Daughter drives.' } },
    });
    const draft = await old.call('consultations.start', { patientId: bert.id });
    await old.call('notes.save', { consultationId: draft.id, body: 'Still deciding.', revision: 2 });
    old.core.close();
    // Read after close: closing writes the deferred search index, as a real shutdown does.
    const file = new Database(path.join(dataDir, 'consultdeck.sqlite'), { readonly: true });
    const before = snapshot(file);
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
    for (const [table, { columns, rows }] of before) {
      const list = columns.map((c) => `"${c}"`).join(', ');
      const now = db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all();
      expect(now, `rows of ${table}`).toEqual(rows);
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
  });
});

/**
 * The practice overview's facts table (migration 0011): the figures summed from
 * it equal the request-time computation it replaced (kept as an oracle in
 * tests/unit/helpers/overview-request-time.ts), the migration's SQL backfill
 * equals core's own recomputation for every record, and every write that
 * changes a figure changes the facts in its own transaction (a failed write
 * changes neither). Real SQLite files, calls through dispatch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NO_BONE_HEALTH_PLAN,
  signWarningIds,
  type Decision,
  type FollowUpValues,
  type Overview,
  type OverviewRange,
  type spineLevels,
} from '../../../../../src-shared/contract/index.js';
import type { Db } from '../../../../../src-main/core/db/open.js';
import { readOverviewFactsSource, refreshOverviewFacts } from '../../../../../src-main/core/records/overview-facts.js';
import { makeTestCore, appRoot, type TestCore } from '../../../helpers/test-core.js';
import { readOverviewAtRequestTime } from '../../../helpers/overview-request-time.js';
import { emptyDecision, emptyFindings, newPatient, recordsCore } from '../api/record-fixtures.js';
import { quietVisit } from '../../../helpers/follow-up-values.js';

type SpineLevel = (typeof spineLevels)[number];
const DAY = 86_400_000;
const yes = { sureOfChoice: true, knowsBenefitsAndRisks: true, clearAboutValues: true, enoughSupport: true };
const kypho = (sure: Decision['sure'] = yes): Partial<Decision> => ({
  path: 'augmentation',
  augmentation: { procedure: 'balloon-kyphoplasty', levels: ['L1'], anaesthesia: 'local', plannedDate: null },
  sure,
});
const ALL: OverviewRange = { from: null, to: null };

/** Moves the clock to 09:00 UTC of the day (the same local day in every time zone from −9 h to +14 h). */
function setDay(t: TestCore, day: string): void {
  t.advance(Date.parse(`${day}T09:00:00Z`) - t.now().getTime());
}

async function draft(
  t: TestCore,
  day: string,
  levels: SpineLevel[],
  decision: Partial<Decision>,
  medicine?: (typeof NO_BONE_HEALTH_PLAN)['medicine'],
): Promise<string> {
  setDay(t, day);
  const patient = await newPatient(t, { displayName: `Patient ${day}`, hospitalNumber: `H-${day}` });
  const { id } = await t.call('consultations.start', { patientId: patient.id });
  await t.call('consultations.updateFindings', {
    id,
    findings: { ...emptyFindings, painNow: 6, fracturedLevels: levels.map((level) => ({ level, grade: 2 })) },
    baseRevision: 0,
  });
  await t.call('consultations.updateDecision', { id, decision: { ...emptyDecision, ...decision }, baseRevision: 0 });
  if (medicine) {
    await t.call('boneHealth.save', {
      consultationId: id,
      plan: { ...NO_BONE_HEALTH_PLAN, medicine },
      baseRevision: 0,
    });
  }
  return id;
}

const sign = (t: TestCore, id: string) => t.call('consultations.finalize', { id, acknowledged: [...signWarningIds] });

async function visit(
  t: TestCore,
  consultationId: string,
  values: Partial<FollowUpValues> & { visitDate: string },
  signed = true,
): Promise<string> {
  const created = await t.call('followUps.create', {
    consultationId,
    values: quietVisit(values.visitDate, values),
  });
  if (signed) await t.call('followUps.finalize', { id: created.id });
  return created.id;
}

/** Records of every kind the figures tell apart, written through core as the console writes them. */
async function varied(t: TestCore): Promise<void> {
  const a = await draft(t, '2026-01-05', ['L1'], kypho(), 'started');
  await sign(t, a);
  const b = await draft(t, '2026-01-12', ['T12', 'L1'], {
    path: 'augmentation',
    augmentation: { procedure: 'vertebroplasty', levels: ['L1'], anaesthesia: 'local', plannedDate: null },
    sure: { ...yes, enoughSupport: false },
  });
  await sign(t, b);
  const c = await draft(t, '2026-02-02', ['L2'], { path: 'conservative' }, 'referred');
  await sign(t, c);
  const d = await draft(t, '2026-02-16', [], { path: 'referred', sure: { ...yes, sureOfChoice: false } }, 'started');
  await sign(t, d);
  const e = await draft(t, '2026-03-02', ['L3'], { path: 'undecided', sure: { ...yes, clearAboutValues: null } });
  await sign(t, e);
  const f = await draft(t, '2026-03-16', ['L1'], kypho(), 'continued');
  await sign(t, f);
  setDay(t, '2026-03-20');
  await t.call('consultations.amend', {
    id: f,
    reason: 'Conservative care after all.',
    change: { section: 'decision', after: { ...emptyDecision, path: 'conservative', sure: yes } },
  });
  await t.call('consultations.amend', {
    id: e,
    reason: 'The level was misread.',
    change: { section: 'findings', after: { ...emptyFindings, painNow: 6 } },
  });
  await draft(t, '2026-04-20', ['L2'], kypho()); // stays a draft

  setDay(t, '2026-06-02');
  await visit(t, a, { visitDate: '2026-01-19', complications: ['cement-leak'], boneMedicine: 'taking' });
  await visit(t, a, { visitDate: '2026-04-20', complications: ['adjacent-fracture'], newFractures: ['T12'] });
  await visit(t, b, {
    visitDate: '2026-04-14', // 92 days after 01-12: the last day of the window
    complications: ['cement-leak', 'lung-embolism'],
    complicationsOther: 'Pneumonia',
    boneMedicine: 'started',
  });
  await visit(t, c, { visitDate: '2026-05-06', boneMedicine: 'started' }); // 93 days: too late
  await visit(t, e, { visitDate: '2026-03-20', complications: ['infection-bleeding'] }, false); // a draft visit
  await visit(t, d, { visitDate: '2026-04-01', newFractures: ['T9', 'T10'] });
}

const RANGES: OverviewRange[] = [
  ALL,
  { from: '2026-01-12', to: '2026-01-12' },
  { from: '2026-02-01', to: '2026-03-31' },
  { from: null, to: '2026-02-02' },
  { from: '2026-03-16', to: null },
  { from: '2025-01-01', to: '2025-12-31' },
];

/** Every consultation's stored facts next to core's recomputation of them from its record now. */
function storedAndComputed(db: Db): Array<{ id: string; stored: unknown; computed: unknown }> {
  const ids = db.prepare('SELECT id FROM consultations ORDER BY started_at').pluck().all() as string[];
  return ids.map((id) => {
    const row = db
      .prepare(
        `SELECT started_at, path_key, sure, fractured, medicine, visits, new_fracture_visits, new_fracture_levels
         FROM overview_facts WHERE consultation_id = ?`,
      )
      .raw()
      .get(id) as unknown[] | undefined;
    const complications = db
      .prepare('SELECT complication, visits FROM overview_fact_complications WHERE consultation_id = ?')
      .raw()
      .all(id);
    const c = readOverviewFactsSource(db, id);
    return {
      id,
      stored: row ? [...row, Object.fromEntries(complications as Array<[string, number]>)] : null,
      computed: c && [
        c.startedAt,
        c.pathKey,
        c.sure,
        Number(c.fractured),
        Number(c.medicine),
        c.visits,
        c.newFractureVisits,
        c.newFractureLevels,
        c.complications,
      ],
    };
  });
}

async function expectSameAsRequestTime(t: TestCore): Promise<void> {
  for (const range of RANGES) {
    const overview = await t.call('overview.get', range);
    expect(overview, JSON.stringify(range)).toEqual(readOverviewAtRequestTime(t.core.services.db, range));
  }
}

const overview = (t: TestCore): Promise<Overview> => t.call('overview.get', ALL);
const pathCounts = (o: Overview) =>
  Object.fromEntries(o.paths.filter((p) => p.count > 0).map((p) => [p.path, p.count]));

/**
 * The data folder's database taken back to schema 0010: as if written by the app before migration 0011 (what
 * the later migrations added goes too, so they run again after it, as on a clinic's upgrade).
 */
function backTo0010(t: TestCore): void {
  const db = t.core.services.db;
  db.exec('DROP TABLE overview_fact_complications; DROP TABLE overview_facts;');
  db.exec('DROP TABLE what_matters_revisions;'); // 0012
  db.exec('DROP TABLE follow_up_amendments; ALTER TABLE follow_ups DROP COLUMN revision;'); // 0013
  db.pragma('user_version = 10');
  t.close();
}

describe('overview facts', () => {
  it('give the figures of the request-time computation over every range; drafts have none', async () => {
    const t = await recordsCore({ start: '2026-01-05T09:00:00.000Z' });
    await varied(t);
    await expectSameAsRequestTime(t);
    const rows = storedAndComputed(t.core.services.db);
    for (const { id, stored, computed } of rows) expect(stored, id).toEqual(computed);
    // Seven records, six signed: the draft has no row.
    expect(rows.map((r) => r.stored !== null)).toEqual([true, true, true, true, true, true, false]);
    // A few figures by hand: b's visit on day 92 counts, c's on day 93 does not; e lost its fracture by
    // amendment; d has no fracture. Numerator a (plan), b (visit), f (plan continued) = 3 of a, b, c, f = 4.
    const o = await overview(t);
    expect(o.boneMedicine).toEqual({ numerator: 3, denominator: 4 });
    expect(o.visits).toBe(5);
  });

  it('migration 0011 backfills a database made before it with the same figures, and core agrees row by row', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-facts-'));
    const start = '2026-01-05T09:00:00.000Z';
    const before = makeTestCore({ dataDir, start });
    await before.call('settings.update', { physicianName: 'Dr. Anna Weber' });
    await varied(before);
    const figures = await Promise.all(RANGES.map((range) => before.call('overview.get', range)));
    backTo0010(before);

    const after = makeTestCore({ dataDir, start: '2026-06-03T09:00:00.000Z' });
    try {
      const db = after.core.services.db;
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(11);
      expect(db.prepare('SELECT count(*) FROM overview_facts').pluck().get()).toBe(6);
      for (const [i, range] of RANGES.entries()) {
        expect(await after.call('overview.get', range), JSON.stringify(range)).toEqual(figures[i]);
      }
      await expectSameAsRequestTime(after);
      for (const { id, stored, computed } of storedAndComputed(db)) expect(stored, id).toEqual(computed);
    } finally {
      after.close();
    }
  });

  it('migration 0011 on the released fixture (schema 0005): the signed, amended record counts at once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-facts-released-'));
    const fixture = path.join(appRoot, 'tests', 'fixtures', 'released-0005', 'consultdeck.sqlite');
    fs.copyFileSync(fixture, path.join(dataDir, 'consultdeck.sqlite'));
    const t = makeTestCore({ dataDir, start: '2026-11-30T09:00:00.000Z' });
    try {
      const db = t.core.services.db;
      const finalized = db.prepare("SELECT count(*) FROM consultations WHERE status = 'finalized'").pluck().get();
      expect(finalized).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) FROM overview_facts').pluck().get()).toBe(finalized);
      const o = await overview(t);
      expect(o.consultations).toBe(finalized);
      await expectSameAsRequestTime(t);
      for (const { id, stored, computed } of storedAndComputed(db)) expect(stored, id).toEqual(computed);
    } finally {
      t.close();
    }
  });

  it('follow an amendment of the decision and of the findings', async () => {
    const t = await recordsCore({ start: '2026-01-05T09:00:00.000Z' });
    const id = await draft(t, '2026-01-05', ['L1'], kypho(), 'started');
    await sign(t, id);
    let o = await overview(t);
    expect(pathCounts(o)).toEqual({ 'balloon-kyphoplasty': 1 });
    expect(o.sure.find((s) => s.score === 4)?.count).toBe(1);
    expect(o.boneMedicine).toEqual({ numerator: 1, denominator: 1 });

    t.advance(DAY);
    await t.call('consultations.amend', {
      id,
      reason: 'Chose conservative care.',
      change: {
        section: 'decision',
        after: { ...emptyDecision, path: 'conservative', sure: { ...yes, enoughSupport: false } },
      },
    });
    o = await overview(t);
    expect(pathCounts(o)).toEqual({ conservative: 1 });
    expect(o.sure.filter((s) => s.count > 0)).toEqual([{ score: 3, count: 1 }]);

    await t.call('consultations.amend', {
      id,
      reason: 'No fracture on the second reading.',
      change: { section: 'findings', after: { ...emptyFindings, painNow: 6 } },
    });
    expect((await overview(t)).boneMedicine).toEqual({ numerator: 0, denominator: 0 });
    await expectSameAsRequestTime(t);
  });

  it('follow a visit when it is signed, not while it is a draft', async () => {
    const t = await recordsCore({ start: '2026-01-05T09:00:00.000Z' });
    const id = await draft(t, '2026-01-05', ['L1'], { path: 'conservative' });
    await sign(t, id);
    setDay(t, '2026-03-01');
    const visitId = await visit(
      t,
      id,
      {
        visitDate: '2026-02-20',
        complications: ['cement-leak'],
        newFractures: ['T11', 'T12'],
        boneMedicine: 'started',
      },
      false,
    );
    let o = await overview(t);
    expect([o.visits, o.boneMedicine.numerator, o.newFractures.levels]).toEqual([0, 0, 0]);

    await t.call('followUps.finalize', { id: visitId });
    o = await overview(t);
    expect(o.visits).toBe(1);
    expect(o.boneMedicine).toEqual({ numerator: 1, denominator: 1 });
    expect(o.complications.find((c) => c.id === 'cement-leak')).toEqual({
      id: 'cement-leak',
      consultations: 1,
      visits: 1,
    });
    expect(o.newFractures).toEqual({ consultations: 1, visits: 1, levels: 2 });

    await visit(t, id, { visitDate: '2026-02-27', complications: ['cement-leak'] });
    o = await overview(t);
    expect(o.complications.find((c) => c.id === 'cement-leak')).toEqual({
      id: 'cement-leak',
      consultations: 1,
      visits: 2,
    });
    expect(o.newFractures).toEqual({ consultations: 1, visits: 1, levels: 2 });
    await expectSameAsRequestTime(t);
  });

  it("follow the plan's medicine: the plan as saved when signed counts, and a refresh reads a changed plan", async () => {
    const t = await recordsCore({ start: '2026-01-05T09:00:00.000Z' });
    const id = await draft(t, '2026-01-05', ['L1'], { path: 'conservative' }, 'started');
    // A draft has no facts, whatever its plan says.
    expect((await overview(t)).consultations).toBe(0);
    await t.call('boneHealth.save', {
      consultationId: id,
      plan: { ...NO_BONE_HEALTH_PLAN, medicine: 'declined' },
      baseRevision: 1,
    });
    await sign(t, id);
    expect((await overview(t)).boneMedicine).toEqual({ numerator: 0, denominator: 1 });

    // The path an amended plan will take (another branch adds it): the row changes, the refresh follows.
    const db = t.core.services.db;
    db.transaction(() => {
      db.prepare("UPDATE bone_health_plans SET medicine = 'continued' WHERE consultation_id = ?").run(id);
      refreshOverviewFacts(db, id);
    })();
    expect((await overview(t)).boneMedicine).toEqual({ numerator: 1, denominator: 1 });
    await expectSameAsRequestTime(t);
  });

  it('stay as they were when the write that would change them fails, and the write is not half-done', async () => {
    const t = await recordsCore({ start: '2026-01-05T09:00:00.000Z' });
    const id = await draft(t, '2026-01-05', ['L1'], kypho());
    await sign(t, id);
    setDay(t, '2026-02-01');
    const visitId = await visit(t, id, { visitDate: '2026-01-20', boneMedicine: 'taking' }, false);
    const db = t.core.services.db;
    const facts = () => db.prepare('SELECT * FROM overview_facts').all();
    const before = { overview: await overview(t), facts: facts() };

    // The audit row is written after the facts in an amendment: it fails, so the facts written are undone.
    db.exec("CREATE TEMP TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    const amended = await t.raw('consultations.amend', {
      id,
      reason: 'Conservative after all.',
      change: { section: 'decision', after: { ...emptyDecision, path: 'conservative' } },
    });
    expect(amended.ok).toBe(false);
    expect(db.prepare('SELECT count(*) FROM amendments').pluck().get()).toBe(0);
    expect({ overview: await overview(t), facts: facts() }).toEqual(before);
    db.exec('DROP TRIGGER no_audit');

    // The facts cannot be written: the visit is not signed either.
    db.exec("CREATE TEMP TRIGGER no_facts BEFORE INSERT ON overview_facts BEGIN SELECT RAISE(ABORT, 'no'); END");
    expect((await t.raw('followUps.finalize', { id: visitId })).ok).toBe(false);
    expect(db.prepare('SELECT status FROM follow_ups WHERE id = ?').pluck().get(visitId)).toBe('draft');
    expect({ overview: await overview(t), facts: facts() }).toEqual(before);
    db.exec('DROP TRIGGER no_facts');

    await t.call('followUps.finalize', { id: visitId });
    expect((await overview(t)).boneMedicine).toEqual({ numerator: 1, denominator: 1 });
  });
});

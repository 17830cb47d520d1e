/**
 * `npm run bench:timeline`: the patient's timeline at a clinic's ten years —
 * 100 000 finalized consultations (two per patient, half with an augmentation
 * planned) and 3 follow-up visits each on average (`BENCH_CONSULTATIONS`
 * scales it down). Measures `followUps.timeline` through dispatch, as the
 * console calls it (p95, goal < 20 ms), next to a baseline in the same run: the
 * same timeline computed in JavaScript over all rows held in memory.
 *
 * The practice overview over all records (p95, goal < 200 ms) next to the same
 * figures computed in JavaScript over every row. The rows are seeded by SQL on
 * a database taken back to schema 0010 (before the overview's facts table), so
 * the facts come from migration 0011's backfill, which is timed, and the
 * overview checked equal to the baseline; a sample of records then has its
 * facts recomputed by core (`readOverviewFactsSource`) and compared to them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src-main/core/create-core.js';
import { listMigrations, migrate } from '../src-main/core/db/migrate.js';
import { readOverviewFactsSource } from '../src-main/core/records/overview-facts.js';
import { buildTimeline, type IndexConsultation } from '../src-main/core/records/follow-ups.js';
import type { FollowUp } from '../src-shared/contract/index.js';
import { fmt, record, repoRoot, summary } from './lib.js';
import { overviewInJs } from './overview-baseline.js';

const CONSULTATIONS = Number(process.env.BENCH_CONSULTATIONS ?? 100_000);
const RUNS = 500;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bench-timeline-'));
const seeding = createCore({ dataDir, appRoot: repoRoot, mode: 'browser', version: 'bench' });
let db = seeding.services.db;
const doctor = { role: 'doctor' as const, windowId: 'bench' };
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

console.log(`seeding ${CONSULTATIONS} consultations with ~${CONSULTATIONS * 3} follow-up visits…`);
const seedStarted = Date.now();
const patients: string[] = [];
// The same rows, kept in memory for the baseline.
const memory = { consultations: [] as Array<IndexConsultation & { patientId: string }>, visits: [] as FollowUp[] };
db.transaction(() => {
  const patient = db.prepare(
    "INSERT INTO patients (id, code, birth_date, sex, created_at, search_text) VALUES (?, ?, '1945', 'female', ?, '')",
  );
  const consultation = db.prepare(
    `INSERT INTO consultations (id, patient_id, physician, started_at, language, status, findings, finalized_at, finalized_by, updated_at)
     VALUES (?, ?, 'Dr Bench', ?, 'en', 'finalized', ?, ?, 'Dr Bench', ?)`,
  );
  const decision = db.prepare('INSERT INTO decisions (consultation_id, path, details, updated_at) VALUES (?, ?, ?, ?)');
  const visit = db.prepare(
    `INSERT INTO follow_ups (id, consultation_id, visit_date, pain_now, mobility, pain_medication, status, created_at, updated_at,
       complications, complications_other, new_fractures, bone_medicine)
     VALUES (?, ?, ?, ?, 'limited', 'simple', 'finalized', ?, ?, ?, ?, ?, ?)`,
  );
  const plan = db.prepare('INSERT INTO bone_health_plans (consultation_id, medicine, updated_at) VALUES (?, ?, ?)');
  const amend = db.prepare(
    `INSERT INTO amendments (consultation_id, at, author, section, before, after, reason)
     VALUES (?, ?, 'Dr Bench', 'decision', ?, ?, 'bench')`,
  );
  const BONE = [null, 'not-started', 'started', 'taking', 'stopped'];
  for (let i = 0; i < CONSULTATIONS; i += 1) {
    const startMs = Date.UTC(2016, 0, 1) + i * 3_000_000;
    const at = new Date(startMs).toISOString();
    if (i % 2 === 0) {
      patients.push(crypto.randomUUID());
      patient.run(patients.at(-1), `T-${i}`, at);
    }
    const patientId = patients.at(-1) as string;
    const id = crypto.randomUUID();
    const pain = 5 + (i % 6);
    const augmentation = i % 2 === 0;
    const planned = augmentation ? day(startMs + 7 * 86_400_000) : null;
    // Overview figures need variety: SURE answered in most, a procedure or not, fractures in two of three.
    const sure =
      i % 5 === 0
        ? {}
        : {
            sure: {
              sureOfChoice: true,
              knowsBenefitsAndRisks: i % 3 !== 0,
              clearAboutValues: true,
              enoughSupport: i % 7 !== 0,
            },
          };
    const procedure = i % 6 === 0 ? null : i % 4 === 0 ? 'balloon-kyphoplasty' : 'vertebroplasty';
    const details = augmentation
      ? { augmentation: { procedure, levels: ['L1'], anaesthesia: 'local', plannedDate: planned }, ...sure }
      : sure;
    consultation.run(
      id,
      patientId,
      at,
      JSON.stringify({
        painNow: pain,
        painSince: null,
        fracturedLevels: i % 3 === 0 ? [] : [{ level: 'L1', grade: 2 }],
        redFlags: [],
      }),
      at,
      at,
    );
    decision.run(id, augmentation ? 'augmentation' : 'conservative', JSON.stringify(details), at);
    if (i % 4 === 1) plan.run(id, ['started', 'continued', 'declined', 'referred'][(i % 16) >> 2], at);
    // One record in 50 amended to another decision (the overview counts the amended one).
    if (i % 50 === 7) {
      amend.run(id, at, JSON.stringify({ path: 'conservative' }), JSON.stringify({ path: 'referred', ...sure }));
    }
    memory.consultations.push({
      id,
      patientId,
      date: day(startMs),
      path: augmentation ? 'augmentation' : 'conservative',
      painNow: pain,
      procedureDate: planned,
      procedureLevels: augmentation ? ['L1'] : [],
    });
    // 1 to 5 visits, 3 on average.
    for (let v = 0; v < 1 + (i % 5); v += 1) {
      const vid = crypto.randomUUID();
      const visitDate = day(startMs + (14 + v * 60) * 86_400_000);
      visit.run(
        vid,
        id,
        visitDate,
        Math.max(0, pain - 2 - v),
        at,
        at,
        JSON.stringify(i % 9 === v ? ['cement-leak'] : i % 13 === v ? ['adjacent-fracture', 'infection-bleeding'] : []),
        i % 31 === v ? 'pneumonia' : '',
        JSON.stringify(i % 17 === v ? ['T11'] : []),
        BONE[(i + v) % BONE.length],
      );
      memory.visits.push({
        id: vid,
        consultationId: id,
        visitDate,
        painNow: Math.max(0, pain - 2 - v),
        mobility: 'limited',
        painMedication: 'simple',
        complications: [],
        complicationsOther: '',
        newFractures: [],
        note: '',
        boneMedicine: null,
        status: 'finalized',
        createdAt: at,
        updatedAt: at,
        finalizedAt: null,
        finalizedBy: null,
        revision: 0,
        amendments: [],
      });
    }
  }
})();
const visits = (db.prepare('SELECT count(*) AS n FROM follow_ups').get() as { n: number }).n;
console.log(`seeded ${visits} visits in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
// Back to schema 0010: the facts come from migration 0011's backfill, as in a clinic upgrading.
const FACTS_MIGRATION = 11;
db.exec('DROP TABLE overview_fact_complications; DROP TABLE overview_facts;');
db.pragma(`user_version = ${FACTS_MIGRATION - 1}`);
db.pragma('wal_checkpoint(TRUNCATE)');
const file = db.name;
seeding.close();
const upgrading = new Database(file);
upgrading.pragma('foreign_keys = ON');
const backfillStarted = performance.now();
migrate(
  upgrading,
  listMigrations(path.join(repoRoot, 'db')).filter((m) => m.version === FACTS_MIGRATION),
);
const backfillMs = performance.now() - backfillStarted;
// Only 0011 was taken back: what the later migrations made is still there, so the schema is the latest again.
const latest = Math.max(...listMigrations(path.join(repoRoot, 'db')).map((m) => m.version));
upgrading.pragma(`user_version = ${latest}`);
const factRows = (upgrading.prepare('SELECT count(*) AS n FROM overview_facts').get() as { n: number }).n;
upgrading.close();
const core = createCore({ dataDir, appRoot: repoRoot, mode: 'browser', version: 'bench' });
db = core.services.db;
console.log(`migration 0011 backfilled ${factRows} overview facts in ${(backfillMs / 1000).toFixed(2)} s`);

const pick = (i: number) => patients[(i * 7919) % patients.length] as string;
async function timed(run: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

let points = 0;
const timeline = await timed(async (i) => {
  const result = await core.dispatch('followUps.timeline', { patientId: pick(i) }, doctor);
  if (!result.ok) throw new Error(result.error.message);
  points += (result.value as { points: unknown[] }).points.length;
});
// Baseline: the same timeline from every row in memory (a scan, as without the store's indexes).
const baseline = await timed((i) => {
  const patientId = pick(i);
  const own = memory.consultations.filter((c) => c.patientId === patientId);
  const ids = new Set(own.map((c) => c.id));
  return buildTimeline(
    patientId,
    own,
    memory.visits.filter((v) => ids.has(v.consultationId)),
  );
});
// BENCH_CACHE_MB: the figures with a larger SQLite page cache than the default 2 MB (the baseline reads the
// whole file; the overview reads only the facts' index).
if (process.env.BENCH_CACHE_MB) db.pragma(`cache_size = -${Number(process.env.BENCH_CACHE_MB) * 1024}`);
// The practice overview over all records, through dispatch; its baseline reads every row into JavaScript.
const OVERVIEW_RUNS = Number(process.env.BENCH_OVERVIEW_RUNS ?? 40);
const all = { from: null, to: null };
let sqlOverview: unknown = null;
const overviewSamples: number[] = [];
const baselineSamples: number[] = [];
let jsOverview: unknown = null;
for (let i = 0; i < OVERVIEW_RUNS; i += 1) {
  // Interleaved, so a burst of load on the shared machine falls on both alike.
  let started = performance.now();
  const result = await core.dispatch('overview.get', all, doctor);
  overviewSamples.push(performance.now() - started);
  if (!result.ok) throw new Error(result.error.message);
  sqlOverview = result.value;
  started = performance.now();
  jsOverview = overviewInJs(db, all);
  baselineSamples.push(performance.now() - started);
}
const same = JSON.stringify(sqlOverview) === JSON.stringify(jsOverview);
if (!same) {
  console.error('overview: SQL and JavaScript disagree', JSON.stringify(sqlOverview), JSON.stringify(jsOverview));
  process.exitCode = 1;
}
// The backfill (SQL) against core's own recomputation (JavaScript) of the same records, on a sample.
const SAMPLE = Math.min(2000, CONSULTATIONS);
const allIds = db.prepare('SELECT id FROM consultations ORDER BY started_at').pluck().all() as string[];
const factsRow = db.prepare(
  `SELECT started_at, path_key, sure, fractured, medicine, visits, new_fracture_visits, new_fracture_levels
   FROM overview_facts WHERE consultation_id = ?`,
);
const complicationRows = db.prepare(
  'SELECT complication, visits FROM overview_fact_complications WHERE consultation_id = ? ORDER BY complication',
);
let factsDiffer = 0;
const refreshSamples: number[] = [];
for (let i = 0; i < SAMPLE; i += 1) {
  const id = allIds[Math.floor((i * allIds.length) / SAMPLE)] as string;
  const started = performance.now();
  const computed = readOverviewFactsSource(db, id);
  refreshSamples.push(performance.now() - started);
  // Both as the table's columns, complications in id order.
  const expected = computed && [
    computed.startedAt,
    computed.pathKey,
    computed.sure,
    Number(computed.fractured),
    Number(computed.medicine),
    computed.visits,
    computed.newFractureVisits,
    computed.newFractureLevels,
    Object.entries(computed.complications).sort(([x], [y]) => x.localeCompare(y)),
  ];
  const row = factsRow.raw().get(id) as unknown[] | undefined;
  const actual = row && [...row, complicationRows.raw().all(id)];
  if (JSON.stringify(expected ?? null) !== JSON.stringify(actual ?? null)) {
    if (factsDiffer === 0) console.error('facts differ', id, JSON.stringify(expected), JSON.stringify(actual));
    factsDiffer += 1;
  }
}
if (factsDiffer > 0) process.exitCode = 1;
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const t = summary(timeline);
const b = summary(baseline);
console.log(`bench:timeline — ${CONSULTATIONS} consultations, ${visits} visits, ${patients.length} patients`);
console.log(`patient timeline through dispatch    p50 ${fmt(t.p50)}  p95 ${fmt(t.p95)}  (goal p95 < 20 ms)`);
console.log(`baseline: JS over all rows in memory p50 ${fmt(b.p50)}  p95 ${fmt(b.p95)}`);
console.log(`points per timeline on average: ${(points / RUNS).toFixed(1)}`);
const o = summary(overviewSamples);
const ob = summary(baselineSamples);
const [load1] = os.loadavg();
console.log(`practice overview, all records (SQL) p50 ${fmt(o.p50)}  p95 ${fmt(o.p95)}  (goal p95 < 200 ms)`);
console.log(`baseline: JS over all rows read      p50 ${fmt(ob.p50)}  p95 ${fmt(ob.p95)}`);
console.log(
  `overview equal to the baseline: ${same ? 'yes' : 'NO'}; load average ${load1?.toFixed(2)} on ${os.cpus().length} cores`,
);
console.log(`overview: ${JSON.stringify(sqlOverview)}`);
const r = summary(refreshSamples);
console.log(
  `backfill equal to core's recomputation on ${SAMPLE} records: ${factsDiffer === 0 ? 'yes' : `NO (${factsDiffer} differ)`}; ` +
    `one record's facts computed p50 ${fmt(r.p50)} p95 ${fmt(r.p95)}`,
);
record({
  bench: 'timeline',
  figure: 'patient timeline p95',
  value: t.p95,
  unit: 'ms',
  baseline: { label: 'JS over all rows in memory', value: b.p95 },
  goal: '< 20 ms',
  met: t.p95 < 20,
});
record({
  bench: 'timeline',
  figure: 'practice overview p95 (all records)',
  value: o.p95,
  unit: 'ms',
  baseline: { label: 'JS over all rows read', value: ob.p95 },
  goal: '< 200 ms, equal to the baseline',
  met: o.p95 < 200 && same,
});
record({
  bench: 'timeline',
  figure: 'migration 0011 backfill (overview facts)',
  value: backfillMs,
  unit: 'ms',
  goal: 'equal to core on a sample',
  met: factsDiffer === 0,
});

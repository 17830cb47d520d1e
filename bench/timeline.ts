/**
 * `npm run bench:timeline`: the patient's timeline at a clinic's ten years —
 * 100 000 finalized consultations (two per patient, half with an augmentation
 * planned) and 3 follow-up visits each on average (`BENCH_CONSULTATIONS`
 * scales it down). Measures `followUps.timeline` through dispatch, as the
 * console calls it (p95, goal < 20 ms), next to a baseline in the same run: the
 * same timeline computed in JavaScript over all rows held in memory.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core.js';
import { buildTimeline, type IndexConsultation } from '../src-main/core/records/follow-ups.js';
import type { FollowUp } from '../src-shared/contract/index.js';
import { fmt, record, repoRoot, summary } from './lib.js';

const CONSULTATIONS = Number(process.env.BENCH_CONSULTATIONS ?? 100_000);
const RUNS = 500;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bench-timeline-'));
const core = createCore({ dataDir, appRoot: repoRoot, mode: 'browser', version: 'bench' });
const db = core.services.db;
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
    `INSERT INTO follow_ups (id, consultation_id, visit_date, pain_now, mobility, pain_medication, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'limited', 'simple', 'finalized', ?, ?)`,
  );
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
    const details = augmentation
      ? { augmentation: { procedure: 'vertebroplasty', levels: ['L1'], anaesthesia: 'local', plannedDate: planned } }
      : {};
    consultation.run(
      id,
      patientId,
      at,
      JSON.stringify({ painNow: pain, painSince: null, fracturedLevels: [], redFlags: [] }),
      at,
      at,
    );
    decision.run(id, augmentation ? 'augmentation' : 'conservative', JSON.stringify(details), at);
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
      visit.run(vid, id, visitDate, Math.max(0, pain - 2 - v), at, at);
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
      });
    }
  }
})();
db.pragma('wal_checkpoint(TRUNCATE)');
const visits = (db.prepare('SELECT count(*) AS n FROM follow_ups').get() as { n: number }).n;
console.log(`seeded ${visits} visits in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

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
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const t = summary(timeline);
const b = summary(baseline);
console.log(`bench:timeline — ${CONSULTATIONS} consultations, ${visits} visits, ${patients.length} patients`);
console.log(`patient timeline through dispatch    p50 ${fmt(t.p50)}  p95 ${fmt(t.p95)}  (goal p95 < 20 ms)`);
console.log(`baseline: JS over all rows in memory p50 ${fmt(b.p50)}  p95 ${fmt(b.p95)}`);
console.log(`points per timeline on average: ${(points / RUNS).toFixed(1)}`);
record({
  bench: 'timeline',
  figure: 'patient timeline p95',
  value: t.p95,
  unit: 'ms',
  baseline: { label: 'JS over all rows in memory', value: b.p95 },
  goal: '< 20 ms',
  met: t.p95 < 20,
});

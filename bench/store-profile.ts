/**
 * `npm exec -- tsx bench/store-profile.ts`: where one note autosave's time goes.
 * The steps of `saveNotes` (records/notes.ts) run one by one inside the same
 * BEGIN IMMEDIATE … COMMIT and are timed each, with synchronous=FULL and with
 * synchronous=NORMAL, next to the disk's floor measured in the same run (a
 * 4 KiB write + fdatasync in the same folder, as a WAL commit does).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core.js';
import { appendAudit } from '../src-main/core/audit.js';
import { requireDraft, touch } from '../src-main/core/records/consultation-rows.js';
import { readNotes } from '../src-main/core/records/notes.js';
import { fmt, repoRoot, summary } from './lib.js';

const SAVES = Number(process.env.PROFILE_SAVES ?? 400);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-store-profile-'));
const core = createCore({ dataDir, appRoot: repoRoot, mode: 'browser', version: 'bench' });
const keepAlive = setInterval(() => undefined, 1000);
await core.integrity;
await core.dailyBackup;
clearInterval(keepAlive);
const db = core.services.db;
const doctor = { role: 'doctor' as const, windowId: 'profile' };
await core.dispatch('settings.update', { physicianName: 'Dr Profile' }, doctor);
const patient = await core.dispatch('patients.create', { code: 'PROFILE-1', birthDate: '1944', sex: 'female' }, doctor);
if (!patient.ok) throw new Error(patient.error.message);
const draft = await core.dispatch('consultations.start', { patientId: (patient.value as { id: string }).id }, doctor);
if (!draft.ok) throw new Error(draft.error.message);
const id = (draft.value as { id: string }).id;

const STEPS = [
  'begin',
  'requireDraft',
  'readNotes',
  'upsert notes (+dirty trigger)',
  'touch consultation',
  'audit row',
  'commit',
] as const;
const upsert = db.prepare(
  `INSERT INTO notes (consultation_id, body, revision, saved_at) VALUES (?, ?, ?, ?)
   ON CONFLICT (consultation_id) DO UPDATE SET body = excluded.body, revision = excluded.revision, saved_at = excluded.saved_at`,
);
let text = '';
function profile(mode: 'FULL' | 'NORMAL'): Record<string, number[]> {
  db.pragma(`synchronous = ${mode}`);
  const times: Record<string, number[]> = Object.fromEntries([...STEPS, 'total'].map((s) => [s, []]));
  for (let i = 0; i < SAVES; i += 1) {
    text += `Patient asks about option ${i}; discussed calmly.\n`;
    const body = text.slice(-4000);
    let last = performance.now();
    const start = last;
    const lap = (step: string) => {
      const now = performance.now();
      times[step]?.push(now - last);
      last = now;
    };
    db.exec('BEGIN IMMEDIATE');
    lap('begin');
    requireDraft(db, id);
    lap('requireDraft');
    const stored = readNotes(db, id);
    lap('readNotes');
    const at = new Date().toISOString();
    upsert.run(id, body, (stored?.revision ?? 0) + 1, at);
    lap('upsert notes (+dirty trigger)');
    touch(db, id, at);
    lap('touch consultation');
    appendAudit(db, { at, actor: 'Dr Profile', action: 'consultation.update', consultationId: id, detail: 'profile' });
    lap('audit row');
    db.exec('COMMIT');
    lap('commit');
    times.total?.push(performance.now() - start);
  }
  return times;
}
const full = profile('FULL');
const normal = profile('NORMAL');
db.pragma('synchronous = FULL');

const probe = fs.openSync(path.join(dataDir, 'fsync-floor.bin'), 'w');
const page = Buffer.alloc(4096, 1);
const floor: number[] = [];
for (let i = 0; i < SAVES; i += 1) {
  const started = performance.now();
  fs.writeSync(probe, page, 0, page.length, (i % 64) * page.length);
  fs.fdatasyncSync(probe);
  floor.push(performance.now() - started);
}
fs.closeSync(probe);
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

console.log(`one note save, step by step (${SAVES} saves each; load ${os.loadavg()[0]?.toFixed(1)})`);
console.log(
  `${'step'.padEnd(32)} ${'FULL p50'.padStart(10)} ${'FULL p99'.padStart(10)} ${'NORMAL p50'.padStart(11)} ${'NORMAL p99'.padStart(11)}`,
);
for (const step of [...STEPS, 'total']) {
  const f = summary(full[step] ?? []);
  const n = summary(normal[step] ?? []);
  console.log(
    `${step.padEnd(32)} ${fmt(f.p50).padStart(10)} ${fmt(f.p99).padStart(10)} ${fmt(n.p50).padStart(11)} ${fmt(n.p99).padStart(11)}`,
  );
}
const fl = summary(floor);
console.log(
  `${'disk floor: 4 KiB write + fdatasync'.padEnd(32)} ${fmt(fl.p50).padStart(10)} ${fmt(fl.p99).padStart(10)}`,
);

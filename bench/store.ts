/**
 * `npm run bench:store`: the store with 10 000 consultations and 200 000 notes
 * (10 000 notes bodies + 190 000 quick entries). Measures note autosave
 * (p50/p99, through dispatch as a window calls it), history list and full-text
 * search (p95), and in the same run a baseline that keeps the same data in
 * one JSON file rewritten (write temp + fsync + rename) on each save.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/create-core.js';
import { fmt, repoRoot, summary } from './lib.js';

const CONSULTATIONS = Number(process.env.BENCH_CONSULTATIONS ?? 10_000);
const ENTRIES_PER = 19;
const SAVES = 500;
// A vocabulary of 2 000 made-up words, so a searched word is in a few percent
// of the records (as a real clinical term would be), not in all of them.
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'dor', 'pi', 'zan', 'ne', 'ro'];
const VOCABULARY = Array.from({ length: 2000 }, (_, i) =>
  [i % 12, Math.floor(i / 12) % 12, Math.floor(i / 144) % 12].map((k) => SYLLABLES[k]).join(''),
);
const WORDS = VOCABULARY.filter((_, i) => i % 97 === 5).slice(0, 20);
const sentence = (i: number): string =>
  `Patient asks about ${VOCABULARY[(i * 7919) % 2000]} and ${VOCABULARY[(i * 104729) % 2000]}; discussed options calmly.`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bench-store-'));
const core = createCore({ dataDir, appRoot: repoRoot, mode: 'browser', version: 'bench' });
const db = core.services.db;
const doctor = { role: 'doctor' as const, windowId: 'bench' };

console.log(`seeding ${CONSULTATIONS} consultations, ${CONSULTATIONS * (ENTRIES_PER + 1)} notes…`);
const seedStarted = Date.now();
const ids: string[] = [];
db.transaction(() => {
  const patient = db.prepare(
    "INSERT INTO patients (id, code, display_name, birth_date, sex, created_at, search_text) VALUES (?, ?, ?, '1945', 'female', ?, ?)",
  );
  const consultation = db.prepare(
    "INSERT INTO consultations (id, patient_id, physician, started_at, language, status, updated_at) VALUES (?, ?, 'Dr Bench', ?, 'en', ?, ?)",
  );
  const note = db.prepare('INSERT INTO notes (consultation_id, body, revision, saved_at) VALUES (?, ?, 1, ?)');
  const entry = db.prepare('INSERT INTO note_entries (consultation_id, at, text) VALUES (?, ?, ?)');
  const decision = db.prepare(
    "INSERT INTO decisions (consultation_id, path, details, updated_at) VALUES (?, ?, '{}', ?)",
  );
  const paths = ['conservative', 'augmentation', 'undecided', 'referred'];
  for (let i = 0; i < CONSULTATIONS; i += 1) {
    const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
    const patientId = crypto.randomUUID();
    if (i % 2 === 0) patient.run(patientId, `B-${i}`, `Bench Patient ${i}`, at, ` bench patient ${i} b-${i}`);
    const owner = i % 2 === 0 ? patientId : ids.length > 0 ? null : patientId;
    const id = crypto.randomUUID();
    ids.push(id);
    const pid = owner ?? (db.prepare('SELECT id FROM patients ORDER BY rowid DESC LIMIT 1').get() as { id: string }).id;
    consultation.run(id, pid, at, i % 10 === 0 ? 'draft' : 'finalized', at);
    note.run(id, Array.from({ length: 8 }, (_, k) => sentence(i + k)).join('\n'), at);
    for (let e = 0; e < ENTRIES_PER; e += 1) entry.run(id, at, sentence(i * 31 + e));
    decision.run(id, paths[i % 4], at);
  }
})();
console.log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

async function timed(n: number, run: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

// A draft being typed into: each autosave sends the whole text, one revision more.
await core.dispatch('settings.update', { physicianName: 'Dr Bench' }, doctor);
const patient = await core.dispatch(
  'patients.create',
  { code: 'BENCH-LIVE', birthDate: '1944', sex: 'female' },
  doctor,
);
if (!patient.ok) throw new Error(patient.error.message);
const draft = await core.dispatch('consultations.start', { patientId: (patient.value as { id: string }).id }, doctor);
if (!draft.ok) throw new Error(draft.error.message);
const draftId = (draft.value as { id: string }).id;
let text = '';
const autosave = await timed(SAVES, async (i) => {
  text += `${sentence(i)}\n`;
  const result = await core.dispatch(
    'notes.save',
    { consultationId: draftId, body: text.slice(-20_000), revision: i + 1 },
    doctor,
  );
  if (!result.ok) throw new Error(result.error.message);
});
const list = await timed(200, (i) =>
  core.dispatch('consultations.history', { limit: 25, offset: (i * 25) % 2000 }, doctor),
);
const search = await timed(200, (i) =>
  core.dispatch('consultations.history', { text: WORDS[i % WORDS.length] as string, limit: 25 }, doctor),
);
const searchPath = await timed(200, (i: number) =>
  core.dispatch(
    'consultations.history',
    { text: WORDS[i % WORDS.length] as string, path: i % 2 ? 'augmentation' : 'conservative', limit: 25 },
    doctor,
  ),
);

// Baseline: the same data as one JSON document, rewritten safely on each save.
const rows = db
  .prepare(
    `SELECT c.id, c.patient_id, c.started_at, c.status, n.body,
            (SELECT json_group_array(text) FROM note_entries e WHERE e.consultation_id = c.id) AS entries
     FROM consultations c LEFT JOIN notes n ON n.consultation_id = c.id`,
  )
  .all() as { id: string; body: string; entries: string }[];
const documentState = { consultations: rows.map((r) => ({ ...r, entries: JSON.parse(r.entries) as string[] })) };
const jsonFile = path.join(dataDir, 'baseline.json');
const live = documentState.consultations[0] as { body: string };
let baselineText = '';
const baselineSaves = await timed(Math.min(SAVES, 60), (i) => {
  baselineText += `${sentence(i)}\n`;
  live.body = baselineText;
  const temp = `${jsonFile}.tmp`;
  const fd = fs.openSync(temp, 'w');
  fs.writeSync(fd, JSON.stringify(documentState));
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(temp, jsonFile);
});
const baselineSearch = await timed(50, (i) => {
  const word = WORDS[i % WORDS.length] as string;
  return documentState.consultations
    .filter((c) => c.body.includes(word) || c.entries.some((e) => e.includes(word)))
    .slice(0, 25);
});
const jsonBytes = fs.statSync(jsonFile).size;
const dbBytes = fs.statSync(path.join(dataDir, 'consultdeck.sqlite')).size;

const a = summary(autosave);
const b = summary(baselineSaves);
console.log(
  `bench:store — ${CONSULTATIONS} consultations, ${CONSULTATIONS * (ENTRIES_PER + 1)} notes; SQLite ${(dbBytes / 1e6).toFixed(0)} MB, JSON ${(jsonBytes / 1e6).toFixed(0)} MB`,
);
console.log(`note autosave (SQLite, WAL, synchronous=FULL)   p50 ${fmt(a.p50)}  p99 ${fmt(a.p99)}  (goal p99 < 5 ms)`);
console.log(`note autosave baseline (one JSON file)         p50 ${fmt(b.p50)}  p99 ${fmt(b.p99)}`);
console.log(`history list, 25 newest                        p95 ${fmt(summary(list).p95)}`);
console.log(`history full-text search                       p95 ${fmt(summary(search).p95)}  (goal < 20 ms)`);
console.log(`history search + decision filter               p95 ${fmt(summary(searchPath).p95)}`);
console.log(`search baseline (JSON in memory, substring)    p95 ${fmt(summary(baselineSearch).p95)}`);
console.log(`autosave ratio baseline/SQLite: p50 ${(b.p50 / a.p50).toFixed(0)}×, p99 ${(b.p99 / a.p99).toFixed(0)}×`);
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });

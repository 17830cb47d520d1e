// The crash test's child: runs the real store (compiled core, real SQLite
// file) and saves as fast as a typing doctor could, mixing autosaves with
// quick entries, finalize, amendments and backups. After each call returns it
// writes one acknowledgement line to stdout; the parent kills it at random.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [dataDir, seedText] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '../..');
const { createCore } = await import(path.join(root, 'out/main/src-main/core/create-core.js'));
const { backupNow } = await import(path.join(root, 'out/main/src-main/core/db/backup.js'));
const { signWarningIds } = await import(path.join(root, 'out/main/src-shared/contract/index.js'));

/** The note body a given revision must have: the parent recomputes it. */
export function expectedBody(consultationId, revision) {
  const unit = crypto.createHash('sha256').update(`${consultationId}:${revision}`).digest('hex');
  return `rev ${revision}\n${unit.repeat((revision % 40) + 1)}`;
}

let state = Number(seedText) >>> 0 || 1;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};

// The store is what is under test: an empty bundled-decks folder keeps each
// restart quick (the deck library is tested elsewhere).
const noDecks = path.join(dataDir, 'no-bundled-decks');
fs.mkdirSync(noDecks, { recursive: true });
const core = createCore({ dataDir, appRoot: root, bundledDecksDir: noDecks, mode: 'browser', version: 'crash-test' });
const doctor = { role: 'doctor', windowId: 'crash' };
async function call(name, input) {
  const result = await core.dispatch(name, input, doctor);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const ack = (record) => fs.writeSync(1, `${JSON.stringify(record)}\n`);

await call('settings.update', { physicianName: 'Dr Crash Test' });
const history = await call('consultations.history', { status: 'draft', limit: 1 });
let draft = history.items[0]?.id;
async function newDraft() {
  const code = `CR-${crypto.randomBytes(4).toString('hex')}`;
  const patient = await call('patients.create', { code, birthDate: '1940', sex: 'female' });
  draft = (await call('consultations.start', { patientId: patient.id })).id;
}
if (!draft) await newDraft();
let revision = (await call('consultations.get', { id: draft })).notes.revision;
fs.writeSync(1, 'ready\n');

for (;;) {
  const dice = random();
  if (dice < 0.75) {
    revision += 1;
    const body = expectedBody(draft, revision);
    // Based on the revision this loop saved last (it is the only writer of the draft's notes).
    await call('notes.save', { consultationId: draft, body, baseRevision: revision - 1 });
    ack({ op: 'note', id: draft, revision, sha: crypto.createHash('sha256').update(body).digest('hex') });
  } else if (dice < 0.9) {
    const text = `patient asks ${crypto.randomBytes(6).toString('hex')}`;
    const entry = await call('notes.addEntry', { consultationId: draft, text });
    ack({ op: 'entry', id: draft, entryId: entry.id, text });
  } else if (dice < 0.95) {
    const finalized = draft;
    await call('consultations.finalize', { id: finalized, acknowledged: [...signWarningIds] });
    ack({ op: 'finalize', id: finalized });
    const reason = `correction ${crypto.randomBytes(4).toString('hex')}`;
    await call('consultations.amend', {
      id: finalized,
      reason,
      change: { section: 'notes', after: { body: `amended ${reason}` } },
    });
    ack({ op: 'amend', id: finalized, reason });
    await newDraft();
    revision = 0;
  } else {
    const file = backupNow(core.services.db, path.join(dataDir, 'backups'), 'crash-test', new Date());
    ack({ op: 'backup', file });
  }
}

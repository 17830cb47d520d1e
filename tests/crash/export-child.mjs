// The export kill test's child (issue 11, M6): runs the real core and exports signed records
// (record text and FHIR, large notes so that files take a while) as fast as it can; the parent
// SIGKILLs it at random and checks that every file in the export folder is named by an
// `export.started` row.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [dataDir, seedText] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '../..');
const { createCore } = await import(path.join(root, 'out/main/src-main/core/create-core.js'));
const { signWarningIds } = await import(path.join(root, 'out/main/src-shared/contract/index.js'));

let state = Number(seedText) >>> 0 || 1;
const random = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 2 ** 32;
};

const noDecks = path.join(dataDir, 'no-bundled-decks');
fs.mkdirSync(noDecks, { recursive: true });
const core = createCore({ dataDir, appRoot: root, bundledDecksDir: noDecks, mode: 'browser', version: 'crash-test' });
const doctor = { role: 'doctor', windowId: 'crash-export' };
async function call(name, input) {
  const result = await core.dispatch(name, input, doctor);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

await call('settings.update', { physicianName: 'Dr Export Test' });
let signed = (await call('consultations.history', { status: 'finalized', limit: 10 })).items.map((i) => i.id);
while (signed.length < 4) {
  const patient = await call('patients.create', {
    code: `EX-${crypto.randomBytes(4).toString('hex')}`,
    birthDate: '1940',
    sex: 'female',
  });
  const draft = await call('consultations.start', { patientId: patient.id });
  const body = crypto
    .randomBytes(45_000)
    .toString('base64')
    .replace(/(.{80})/g, '$1\n');
  await call('notes.save', { consultationId: draft.id, body, baseRevision: draft.revisions.notes });
  await call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
  signed = [...signed, draft.id];
}
fs.writeSync(1, 'ready\n');
for (;;) {
  const count = 1 + Math.floor(random() * signed.length);
  const kind = random() < 0.5 ? 'record-text' : 'fhir-json';
  await call('exports.create', { consultationIds: signed.slice(0, count), kind, pseudonymize: random() < 0.5 });
  fs.writeSync(1, 'exported\n');
}

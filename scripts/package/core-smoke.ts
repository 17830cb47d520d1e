/**
 * Runs core from an extracted package, in a child Node process started by
 * check.ts: `tsx core-smoke.ts <extracted app folder> <data folder>`. Only the
 * package's own files are used (its bundle, node_modules, db/ and slides/), so
 * a file core needs at run time and the package lacks fails here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as CoreModule from '../../src-main/core/create-core.js';
import type { CallName, CallOutput } from '../../src-shared/contract/index.js';

const [appRoot, dataDir] = process.argv.slice(2) as [string, string];
const { createCore } = (await import(pathToFileURL(path.join(appRoot, 'out/app/core.js')).href)) as typeof CoreModule;
const core = createCore({ dataDir, appRoot, mode: 'electron', version: 'package-check' });

async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
  const result = await core.dispatch(name, input, { role: 'doctor', windowId: 'package-check' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as CallOutput<N>;
}

const report: Record<string, unknown> = {};
try {
  // Open + migrate happened in createCore; the schema version says how far.
  report.userVersion = core.services.db.pragma('user_version', { simple: true });
  const { decks } = await call('decks.list', {});
  report.decks = decks.map((d) => d.id);
  const slides: Record<string, number> = {};
  for (const deck of decks) {
    for (const language of ['en', 'fr', 'de']) {
      const loaded = await call('decks.get', { id: deck.id, language });
      slides[`${deck.id}/${language}`] = loaded.slides.length;
    }
  }
  report.slides = slides;
  const patient = await call('patients.create', { code: 'PKG-1', birthDate: '1950-01-01', sex: 'female' });
  const draft = await call('consultations.start', { patientId: patient.id, language: 'en' });
  const note = 'Saved from the packaged core.';
  await call('notes.save', { consultationId: draft.id, body: note, baseRevision: draft.revisions.notes });
  const { files } = await call('exports.create', {
    consultationIds: [draft.id],
    kind: 'record-text',
    pseudonymize: true,
  });
  const file = files[0]?.path ?? '';
  report.export = { file: path.relative(dataDir, file), hasNote: fs.readFileSync(file, 'utf8').includes(note) };
} finally {
  core.close();
}
console.log(JSON.stringify(report));

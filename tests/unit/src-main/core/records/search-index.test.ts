import { describe, expect, it } from 'vitest';
import { makeTestCore } from '../../../helpers/test-core.js';
import { base } from '../../../helpers/revisions.js';

async function draftWithNote(body: string) {
  const t = makeTestCore();
  await t.call('settings.update', { physicianName: 'Dr Test' });
  const patient = await t.call('patients.create', { code: 'SEARCH-1', birthDate: '1944', sex: 'female' });
  const draft = await t.call('consultations.start', { patientId: patient.id });
  await t.call('notes.save', { consultationId: draft.id, body, baseRevision: await base(t, draft.id, 'notes') });
  return { t, draft };
}

describe('search index written before searching, not on every autosave', () => {
  it('finds the words of the latest autosave at once', async () => {
    const { t, draft } = await draftWithNote('First words about a brace.');
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'Now about kyphoplasty instead.',
      baseRevision: await base(t, draft.id, 'notes'),
    });
    const found = await t.call('consultations.history', { text: 'kyphoplasty' });
    expect(found.items.map((i) => i.id)).toEqual([draft.id]);
    expect((await t.call('consultations.history', { text: 'brace' })).total).toBe(0);
    t.close();
  });

  it('makes a note saved just before a crash searchable after the restart', async () => {
    const { t, draft } = await draftWithNote('Zebrafish pattern on the X-ray report.');
    // A crash: the process ends without closing core (no flush at close).
    t.core.services.db.close();
    const again = makeTestCore({ dataDir: t.dataDir });
    const found = await again.call('consultations.history', { text: 'zebrafish' });
    expect(found.items.map((i) => i.id)).toEqual([draft.id]);
    const db = again.core.services.db;
    expect(db.prepare('SELECT count(*) AS n FROM record_search_dirty').get()).toEqual({ n: 0 });
    again.close();
  });
});

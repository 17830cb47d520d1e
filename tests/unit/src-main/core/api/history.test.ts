import { randomUUID } from 'node:crypto';
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../../../../src-main/core/records/history.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { emptyDecision, expectRejected, newPatient, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

const DAY = 86_400_000;

async function seeded() {
  const t = await recordsCore();
  const anna = await newPatient(t);
  const bert = await newPatient(t, { displayName: 'Bert Mulder', sex: 'male' });
  const ids: string[] = [];
  const plan: Array<[string, 'conservative' | 'augmentation' | null, string, boolean]> = [
    [anna.id, 'conservative', 'Back pain since a fall. Prefers physiotherapy.', true],
    [bert.id, 'augmentation', 'Severe pain, cannot sleep. Asks about kyphoplasty.', true],
    [anna.id, null, 'Follow-up: the brace helps, Rückenschmerzen better.', false],
  ];
  for (const [patientId, path, notes, finalize] of plan) {
    const record = await t.call('consultations.start', { patientId });
    ids.push(record.id);
    await t.call('notes.save', {
      consultationId: record.id,
      body: notes,
      baseRevision: await base(t, record.id, 'notes'),
    });
    if (path)
      await t.call('consultations.updateDecision', {
        id: record.id,
        decision: { ...emptyDecision, path },
        baseRevision: await base(t, record.id, 'decision'),
      });
    if (finalize) await t.call('consultations.finalize', { id: record.id, acknowledged: [...signWarningIds] });
    t.advance(10 * DAY);
  }
  return { t, anna, bert, ids };
}

const idsOf = async (t: TestCore, input: Record<string, unknown>) =>
  (await t.call('consultations.history', input)).items.map((i) => i.id);

describe('consultations.history', () => {
  it('lists newest first with a summary of each record', async () => {
    const { t, ids, anna } = await seeded();
    const result = await t.call('consultations.history', {});
    expect(result.total).toBe(3);
    expect(result.items.map((i) => i.id)).toEqual([...ids].reverse());
    expect(result.items[2]).toMatchObject({
      patient: { id: anna.id, code: anna.code, displayName: 'Anna Müller' },
      startedAt: '2026-11-23T09:00:00.000Z',
      status: 'finalized',
      path: 'conservative',
      physician: 'Dr. Anna Weber',
      amendmentCount: 0,
      snippet: null,
    });
    expect(result.items[0]).toMatchObject({ status: 'draft', path: 'undecided' });
  });

  it('filters by patient, date range, decision path and status', async () => {
    const { t, ids, anna } = await seeded();
    expect(await idsOf(t, { patientId: anna.id })).toEqual([ids[2], ids[0]]);
    expect(await idsOf(t, { from: '2026-12-01T00:00:00.000Z' })).toEqual([ids[2], ids[1]]);
    expect(await idsOf(t, { from: '2026-12-01T00:00:00.000Z', to: '2026-12-10T00:00:00.000Z' })).toEqual([ids[1]]);
    expect(await idsOf(t, { path: 'augmentation' })).toEqual([ids[1]]);
    expect(await idsOf(t, { path: 'undecided' })).toEqual([ids[2]]);
    expect(await idsOf(t, { status: 'draft' })).toEqual([ids[2]]);
    expect(await idsOf(t, { patientId: anna.id, path: 'augmentation' })).toEqual([]);
  });

  it('searches the notes and quick entries by word prefix, accent-insensitive, with a snippet', async () => {
    const { t, ids } = await seeded();
    expect(await idsOf(t, { text: 'kypho' })).toEqual([ids[1]]);
    expect(await idsOf(t, { text: 'PAIN' })).toEqual([ids[1], ids[0]]);
    expect(await idsOf(t, { text: 'pain fall' })).toEqual([ids[0]]);
    expect(await idsOf(t, { text: 'ruckenschmerz' })).toEqual([ids[2]]);
    expect(await idsOf(t, { text: '"quoted' })).toEqual([]);
    expect(await idsOf(t, { text: 'AND OR NOT' })).toEqual([]);
    expect(await idsOf(t, { text: '*' })).toEqual([]);
    const [hit] = (await t.call('consultations.history', { text: 'kypho' })).items;
    expect(hit?.snippet).toContain('\u0002kyphoplasty\u0003');

    await t.call('notes.addEntry', { consultationId: ids[2] as string, text: 'Patient asks about vertebroplasty' });
    expect(await idsOf(t, { text: 'vertebro' })).toEqual([ids[2]]);
    await t.call('notes.save', {
      consultationId: ids[2] as string,
      body: 'Rewritten completely',
      baseRevision: await base(t, ids[2] as string, 'notes'),
    });
    expect(await idsOf(t, { text: 'brace' })).toEqual([]);
    expect(await idsOf(t, { text: 'rewritten' })).toEqual([ids[2]]);
    expect(await idsOf(t, { text: 'rewritten', status: 'finalized' })).toEqual([]);
  });

  it('orders search hits newest first by when the consultation started, not by when its notes were written', async () => {
    const { t, anna } = await seeded();
    const older = await t.call('consultations.start', { patientId: anna.id });
    t.advance(DAY);
    const newer = await t.call('consultations.start', { patientId: anna.id });
    // The newer consultation's note is written first, the older one's later (a note completed afterwards).
    await t.call('notes.save', {
      consultationId: newer.id,
      body: 'Lumbago after lifting a box.',
      baseRevision: await base(t, newer.id, 'notes'),
    });
    await t.call('notes.save', {
      consultationId: older.id,
      body: 'Lumbago, first visit.',
      baseRevision: await base(t, older.id, 'notes'),
    });
    expect(await idsOf(t, { text: 'lumbago' })).toEqual([newer.id, older.id]);
    expect(await idsOf(t, { text: 'lumbago', status: 'draft' })).toEqual([newer.id, older.id]);
    const page = await t.call('consultations.history', { text: 'lumbago', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items.map((i) => i.id)).toEqual([older.id]);
  });

  it('paginates with limit and offset, with the total', async () => {
    const { t, ids } = await seeded();
    const page = await t.call('consultations.history', { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
    expect(page.items.map((i) => i.id)).toEqual([ids[0]]);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ from: '2026-12-01' }, 'from'],
    [{ path: 'surgery' }, 'path'],
    [{ status: 'signed' }, 'status'],
    [{ patientId: 'abc' }, 'patientId'],
  ])('rejects %j naming %s', async (input, field) => {
    const t = await recordsCore();
    await expectRejected(t, 'consultations.history', input, 'VALIDATION', field);
  });

  it('stays fast with 10 000 consultations', async () => {
    const t = await recordsCore();
    const db = t.core.services.db;
    const patients = await Promise.all(
      Array.from({ length: 5 }, (_, i) => newPatient(t, { displayName: `Patient ${i}` })),
    );
    db.transaction(() => {
      const insert = db.prepare(
        `INSERT INTO consultations (id, patient_id, physician, started_at, language, status, findings, updated_at)
         VALUES (?, ?, 'Dr. X', ?, 'en', ?, '{"painNow":5}', ?)`,
      );
      const note = db.prepare("INSERT INTO notes (consultation_id, body, revision, saved_at) VALUES (?, ?, 1, 'x')");
      const decision = db.prepare(
        "INSERT INTO decisions (consultation_id, path, details, updated_at) VALUES (?, ?, '{}', 'x')",
      );
      for (let i = 0; i < 10_000; i += 1) {
        const id = randomUUID();
        const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString();
        insert.run(id, patients[i % 5]?.id, at, i % 3 ? 'finalized' : 'draft', at);
        note.run(id, `Consultation ${i}: back pain, ${i % 100 === 0 ? 'osteonecrosis suspected' : 'routine'} visit.`);
        decision.run(id, ['conservative', 'augmentation', 'referred'][i % 3]);
      }
    })();
    const cases: Array<Record<string, unknown>> = [
      {},
      { offset: 9_000 },
      { patientId: patients[2]?.id, path: 'augmentation' },
      { text: 'osteonecro' },
      { text: 'back pain', status: 'finalized', limit: 100 },
      { from: '2020-06-01T00:00:00.000Z', to: '2020-07-01T00:00:00.000Z' },
    ];
    // Speed is measured by `npm run bench:store`, not asserted here.
    for (const input of cases) {
      const result = await t.call('consultations.history', input);
      expect(result.items.length, JSON.stringify(input)).toBeGreaterThan(0);
    }
    const page = await t.call('consultations.history', { offset: 9_990, limit: 25 });
    expect(page.total).toBe(10_000);
    expect(page.items).toHaveLength(10);
    const found = await t.call('consultations.history', { text: 'osteonecro' });
    expect(found.total).toBe(100);
    expect(found.items[0]?.snippet).toContain('osteonecrosis');
    expect((await t.call('patients.search', { query: '' })).patients.length).toBeGreaterThan(0);
  });
});

describe('ftsQuery', () => {
  it('turns words into prefix phrases, neutralising FTS syntax', () => {
    expect(ftsQuery('back pain')).toBe('"back"* "pain"*');
    expect(ftsQuery('say "hi"')).toBe('"say"* """hi"""*');
    expect(ftsQuery('* - ()')).toBeNull();
  });
});

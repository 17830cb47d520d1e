/**
 * Draft autosaves commit without waiting for the disk (synchronous=NORMAL); every other write keeps waiting for
 * it (FULL), also after an autosave and after one that failed. On a real SQLite file through core's dispatch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { draftWrite } from '../../../../../src-main/core/db/durability.js';
import { base } from '../../../helpers/revisions.js';
import { makeTestCore, type TestCore } from '../../../helpers/test-core.js';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.close();
});

const FULL = 2;
const NORMAL = 1;

describe('draft writes and the disk', () => {
  it('an autosave commits under NORMAL; the connection is back to FULL after it, and after one that throws', async () => {
    const t = makeTestCore();
    cores.push(t);
    const db = t.core.services.db;
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    let during = -1;
    draftWrite(db, () => {
      during = Number(db.pragma('synchronous', { simple: true }));
    });
    expect(during).toBe(NORMAL);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(() =>
      draftWrite(db, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);

    // Through dispatch: a notes autosave lands, and the sign that follows commits under FULL again.
    await t.call('settings.update', { physicianName: 'Dr. Anna Weber' });
    const patient = await t.call('patients.create', { displayName: 'Anna Müller', birthDate: '1948', sex: 'female' });
    const draft = await t.call('consultations.start', { patientId: patient.id });
    await t.call('notes.save', { consultationId: draft.id, body: 'walks with a stick', baseRevision: 0 });
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    const saved = await t.call('consultations.get', { id: draft.id });
    expect(saved.notes.body).toBe('walks with a stick');
    // A refused autosave (older base) also leaves FULL behind.
    const refused = await t.raw('notes.save', { consultationId: draft.id, body: 'other', baseRevision: 0 });
    expect(refused.ok).toBe(false);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(await base(t, draft.id, 'notes')).toBe(1);
  });
});

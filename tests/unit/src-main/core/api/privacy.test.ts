import { describe, expect, it } from 'vitest';
import {
  callNames,
  calls,
  events,
  marksDeltaSchema,
  signWarningIds,
} from '../../../../../src-shared/contract/index.js';
import { newDraft, recordTablesHash, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

const recordAreas = ['patients.', 'consultations.', 'notes.', 'settings.'];
const recordCalls = callNames.filter((name) => recordAreas.some((area) => name.startsWith(area)));

describe('privacy of the record', () => {
  it('covers every records call', () => {
    expect(recordCalls).toEqual(
      expect.arrayContaining(['patients.search', 'consultations.history', 'notes.save', 'settings.update']),
    );
    expect(recordCalls.length).toBeGreaterThanOrEqual(20);
    for (const name of recordCalls) expect(calls[name].roles, name).toEqual(['doctor']);
  });

  it('answers FORBIDDEN to the patient screen for every records call, with valid or invalid input, writing nothing', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const before = recordTablesHash(t);
    const inputs = [
      {},
      { id: draft.id },
      { consultationId: draft.id, body: 'x', revision: 99, text: 'x' },
      { query: '' },
      { patientId: draft.patient.id },
    ];
    for (const name of recordCalls) {
      for (const input of inputs) {
        const result = await t.raw(name, input, 'patient');
        expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        // Not even the validity of the input is revealed.
        expect(JSON.stringify(result)).not.toContain(draft.id);
      }
    }
    expect(recordTablesHash(t)).toBe(before);
  });

  it('pushes nothing of the record to any window', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'private text',
      baseRevision: await base(t, draft.id, 'notes'),
    });
    await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
    // The patient screen receives presentation events only; the others go to the doctor's console.
    const toPatient = Object.entries(events).filter(([, spec]) => spec.roles.includes('patient'));
    expect(toPatient.map(([name]) => name)).toEqual(['presentation.changed', 'presentation.marks', 'sync.heartbeat']);
    // A marks delta carries where the laser or pen is, nothing of the record.
    expect(Object.keys(marksDeltaSchema.shape).sort()).toEqual(['epoch', 'ink', 'pointer', 'revision']);
    // The heartbeat carries revisions only.
    expect(Object.keys(t.core.services.changes.heartbeat()).sort()).toEqual([
      'epoch',
      'presentation',
      'record',
      'settings',
    ]);
    const pushed = JSON.stringify(t.pushes);
    expect(pushed).not.toContain('private text');
    expect(pushed).not.toContain(draft.patient.displayName ?? '???');
    expect(pushed).not.toContain(draft.id);
  });
});

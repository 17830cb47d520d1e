/**
 * Issue 11, M1: two windows editing one record through `dispatch`. Window A and
 * window B both read revision r; A saves first; B's save, based on r, must be
 * refused with CONFLICT carrying A's version, and A's text must still be there.
 * (On the old code every section but notes took B's save: last write wins.)
 */
import { describe, expect, it } from 'vitest';
import type { TestCore } from '../../../helpers/test-core.js';
import { emptyDecision, emptyFindings, newDraft, newPatient, recordsCore } from './record-fixtures.js';

async function conflictOf(t: TestCore, name: string, input: unknown) {
  const result = await t.raw(name, input);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error).toMatchObject({ code: 'CONFLICT', field: 'baseRevision' });
  return result.error.current;
}

describe('no lost update: a save based on an older revision is refused', () => {
  it('notes: "consents to L1 kyphoplasty" is not replaced by "declines surgery" typed on the older text', async () => {
    const t = await recordsCore();
    const { id, revisions } = await newDraft(t);
    const base = revisions.notes;
    await t.call('notes.save', { consultationId: id, body: 'consents to L1 kyphoplasty', baseRevision: base });
    const current = await conflictOf(t, 'notes.save', {
      consultationId: id,
      body: 'declines surgery',
      baseRevision: base,
    });
    expect(current).toEqual({ section: 'notes', revision: base + 1, value: { body: 'consents to L1 kyphoplasty' } });
    expect((await t.call('consultations.get', { id })).notes.body).toBe('consents to L1 kyphoplasty');
    // B chose after seeing both: based on the current revision, its save lands.
    await t.call('notes.save', { consultationId: id, body: 'declines surgery', baseRevision: base + 1 });
    expect((await t.call('consultations.get', { id })).notes.body).toBe('declines surgery');
  });

  it('findings', async () => {
    const t = await recordsCore();
    const { id, revisions } = await newDraft(t);
    const mine = { ...emptyFindings, painNow: 7 };
    const updated = await t.call('consultations.updateFindings', {
      id,
      findings: mine,
      baseRevision: revisions.findings,
    });
    expect(updated.revisions.findings).toBe(revisions.findings + 1);
    const theirs = { ...emptyFindings, painNow: 2 };
    const current = await conflictOf(t, 'consultations.updateFindings', {
      id,
      findings: theirs,
      baseRevision: revisions.findings,
    });
    expect(current).toMatchObject({ section: 'findings', revision: revisions.findings + 1, value: { painNow: 7 } });
    expect((await t.call('consultations.get', { id })).findings.painNow).toBe(7);
    // The same content again is a retry, whatever its base.
    await t.call('consultations.updateFindings', { id, findings: mine, baseRevision: revisions.findings });
  });

  it('decision', async () => {
    const t = await recordsCore();
    const { id, revisions } = await newDraft(t);
    await t.call('consultations.updateDecision', {
      id,
      decision: { ...emptyDecision, path: 'augmentation' },
      baseRevision: revisions.decision,
    });
    const current = await conflictOf(t, 'consultations.updateDecision', {
      id,
      decision: { ...emptyDecision, path: 'conservative' },
      baseRevision: revisions.decision,
    });
    expect(current).toMatchObject({ section: 'decision', value: { path: 'augmentation' } });
    expect((await t.call('consultations.get', { id })).decision.path).toBe('augmentation');
  });

  it('risks', async () => {
    const t = await recordsCore();
    const { id, revisions } = await newDraft(t);
    await t.call('consultations.confirmRisks', {
      id,
      risks: { confirmed: ['cement-leak', 'infection-bleeding'], otherText: '' },
      baseRevision: revisions.risks,
    });
    const current = (await conflictOf(t, 'consultations.confirmRisks', {
      id,
      risks: { confirmed: ['death'], otherText: '' },
      baseRevision: revisions.risks,
    })) as { section: string; value: { items: Array<{ risk: string; confirmed: boolean }> } };
    expect(current.section).toBe('risks');
    expect(current.value.items.filter((i) => i.confirmed).map((i) => i.risk)).toEqual([
      'cement-leak',
      'infection-bleeding',
    ]);
    const stored = await t.call('consultations.get', { id });
    expect(stored.risks.items.filter((i) => i.confirmed).map((i) => i.risk)).toEqual([
      'cement-leak',
      'infection-bleeding',
    ]);
  });

  it('patient details (update and correct)', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    const renamed = await t.call('patients.update', {
      id: patient.id,
      hospitalNumber: 'H-1',
      baseRevision: patient.revision,
    });
    expect(renamed.revision).toBe(patient.revision + 1);
    const current = await conflictOf(t, 'patients.update', {
      id: patient.id,
      hospitalNumber: 'H-2',
      baseRevision: patient.revision,
    });
    expect(current).toMatchObject({ section: 'patient', value: { hospitalNumber: 'H-1' } });
    await conflictOf(t, 'patients.correct', {
      id: patient.id,
      reason: 'typo',
      displayName: 'Anna Muller',
      baseRevision: patient.revision,
    });
    expect((await t.call('patients.get', { id: patient.id })).hospitalNumber).toBe('H-1');
  });
});

describe('every section save names the revision it was based on', () => {
  it('a save without baseRevision is refused (VALIDATION on baseRevision) and writes nothing', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    const { id } = await newDraft(t);
    const before = await t.call('consultations.get', { id });
    const saves: Array<[string, Record<string, unknown>]> = [
      ['notes.save', { consultationId: id, body: 'written blind' }],
      ['consultations.updateFindings', { id, findings: { ...emptyFindings, painNow: 9 } }],
      ['consultations.updateDecision', { id, decision: { ...emptyDecision, path: 'conservative' } }],
      ['consultations.confirmRisks', { id, risks: { confirmed: ['death'], otherText: '' } }],
      ['patients.update', { id: patient.id, hospitalNumber: 'H-9' }],
      ['patients.correct', { id: patient.id, reason: 'typo', displayName: 'Blind Write' }],
    ];
    for (const [name, input] of saves) {
      const result = await t.raw(name, input);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error, name).toMatchObject({ code: 'VALIDATION', field: 'baseRevision' });
    }
    expect(await t.call('consultations.get', { id })).toEqual(before);
    expect(await t.call('patients.get', { id: patient.id })).toEqual(patient);
  });
});

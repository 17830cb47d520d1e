/**
 * "Your progress" on the patient screen: core derives the points from the
 * record and pushes them in the presentation state — days after the first
 * consultation and pain scores, nothing that identifies the patient — and
 * takes them away when the doctor moves on.
 */
import { describe, expect, it } from 'vitest';
import { signWarningIds, type PresentationState } from '../../../../../src-shared/contract/index.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { emptyDecision, emptyFindings, expectRejected, newPatient, recordsCore } from './record-fixtures.js';

const DAY = 86_400_000;

/** Signed 2026-11-23 (pain 8, kyphoplasty planned 11-30), visits 12-07 (pain 3) and 2027-01-04 (pain 2). */
async function patientWithVisits(t: TestCore) {
  const patient = await newPatient(t, { displayName: 'Zelda Quartermain', hospitalNumber: 'HN-778899' });
  const draft = await t.call('consultations.start', { patientId: patient.id });
  await t.call('consultations.updateFindings', {
    id: draft.id,
    findings: { ...emptyFindings, painNow: 8, fracturedLevels: [{ level: 'L1', grade: 2 }] },
    baseRevision: 0,
  });
  await t.call('consultations.updateDecision', {
    id: draft.id,
    decision: {
      ...emptyDecision,
      path: 'augmentation',
      augmentation: {
        procedure: 'balloon-kyphoplasty',
        levels: ['L1'],
        anaesthesia: 'local',
        plannedDate: '2026-11-30',
      },
    },
    baseRevision: 0,
  });
  await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
  t.advance(60 * DAY);
  const values = {
    mobility: null,
    painMedication: null,
    complications: [],
    complicationsOther: '',
    newFractures: [],
    note: 'Zelda walks to the shop',
  };
  const visits = [];
  for (const [visitDate, painNow] of [
    ['2026-12-07', 3],
    ['2027-01-04', 2],
  ] as const) {
    visits.push(
      await t.call('followUps.create', { consultationId: draft.id, values: { ...values, visitDate, painNow } }),
    );
  }
  return { patient, consultationId: draft.id, visits };
}

const lastState = (t: TestCore): PresentationState => {
  const push = t.pushes.filter((p) => p.event === 'presentation.changed').at(-1);
  return push?.payload as PresentationState;
};

describe('presentation.showProgress', () => {
  it('pushes the pain points as days after the first consultation, the procedure marked, no identifier', async () => {
    const t = await recordsCore();
    const { patient, consultationId, visits } = await patientWithVisits(t);
    await t.call('consultations.open', { id: consultationId });
    const state = await t.call('presentation.showProgress', { patientId: patient.id });
    // 11-23 → 12-07 = 14 days; 11-23 → 2027-01-04 = 7 + 31 + 4 = 42 days; procedure 11-30 = 7 days.
    expect(state.progress).toEqual({
      points: [
        { day: 0, pain: 8, kind: 'consultation' },
        { day: 14, pain: 3, kind: 'visit' },
        { day: 42, pain: 2, kind: 'visit' },
      ],
      procedures: [7],
    });
    // What the patient screen receives: the push and its own read.
    const pushed = JSON.stringify(lastState(t));
    const read = JSON.stringify(await t.call('presentation.get', {}, 'patient'));
    for (const text of [pushed, read]) {
      expect(text).toContain('"progress"');
      for (const identifier of [
        'Zelda',
        'Quartermain',
        'HN-778899',
        patient.id,
        patient.code,
        consultationId,
        ...visits.map((v) => v.id),
        '2026-',
        '2027-',
      ]) {
        expect(text).not.toContain(identifier);
      }
    }
  });

  it('goes away when the doctor takes it away, moves the slides, or opens or closes a record', async () => {
    const t = await recordsCore();
    const { patient, consultationId } = await patientWithVisits(t);
    const show = () => t.call('presentation.showProgress', { patientId: patient.id });

    expect((await show()).progress).not.toBeNull();
    expect((await t.call('presentation.showProgress', { patientId: null })).progress).toBeNull();

    await show();
    expect((await t.call('presentation.next', {})).progress).toBeNull();

    await show();
    await t.call('consultations.open', { id: consultationId });
    expect(lastState(t).progress).toBeNull();

    await show();
    await t.call('consultations.close', { id: consultationId });
    expect(lastState(t).progress).toBeNull();

    await show();
    await t.call('consultations.start', { patientId: (await newPatient(t, { displayName: 'Next One' })).id });
    expect(lastState(t).progress).toBeNull();
    expect((await t.call('presentation.get', {}, 'patient')).progress).toBeNull();
  });

  it('refuses the patient screen, an unknown patient, and a patient with no pain score', async () => {
    const t = await recordsCore();
    const { patient } = await patientWithVisits(t);
    const forbidden = await t.raw('presentation.showProgress', { patientId: patient.id }, 'patient');
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expectRejected(
      t,
      'presentation.showProgress',
      { patientId: '00000000-0000-4000-8000-000000000000' },
      'NOT_FOUND',
      'patientId',
    );
    const empty = await newPatient(t, { displayName: 'No Scores' });
    await expectRejected(t, 'presentation.showProgress', { patientId: empty.id }, 'CONFLICT', 'patientId');
    expect((await t.call('presentation.get', {})).progress).toBeNull();
  });
});

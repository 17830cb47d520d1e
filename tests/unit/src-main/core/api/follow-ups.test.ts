import { describe, expect, it } from 'vitest';
import type { FollowUpValues } from '../../../../../src-shared/contract/index.js';
import { quietVisit } from '../../../helpers/follow-up-values.js';
import { verifyAuditChain } from '../../../../../src-main/core/audit.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { auditRows, emptyDecision, emptyFindings, expectRejected, newDraft, recordsCore } from './record-fixtures.js';
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import { base } from '../../../helpers/revisions.js';

const DAY = 86_400_000;

const visit = (overrides: Partial<FollowUpValues> = {}): FollowUpValues => quietVisit('2026-12-07', overrides);

/** A signed consultation on 2026-11-23 with pain 8 and kyphoplasty of L1 planned for 2026-11-30. */
async function signed(t: TestCore, patientId?: string) {
  const draft = await newDraft(t, patientId);
  await t.call('consultations.updateFindings', {
    id: draft.id,
    findings: { ...emptyFindings, painNow: 8, fracturedLevels: [{ level: 'L1', grade: 2 }] },
    baseRevision: await base(t, draft.id, 'findings'),
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
    baseRevision: await base(t, draft.id, 'decision'),
  });
  return t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
}

describe('followUps: a visit after a finalized consultation', () => {
  it('is saved as a draft, audited, announced, listed with its consultation, then signed and read-only', async () => {
    const t = await recordsCore();
    const record = await signed(t);
    t.advance(14 * DAY);
    const pushesBefore = t.pushes.filter((p) => p.event === 'consultations.changed').length;

    const values = visit({ complications: ['adjacent-fracture'], newFractures: ['T12'], note: 'walks with a stick' });
    const created = await t.call('followUps.create', { consultationId: record.id, values });
    expect(created).toMatchObject({ ...values, consultationId: record.id, status: 'draft', finalizedBy: null });
    expect(t.pushes.filter((p) => p.event === 'consultations.changed').length).toBe(pushesBefore + 1);

    const updated = await t.call('followUps.update', {
      id: created.id,
      values: { ...values, painNow: 2 },
      baseRevision: created.revision,
    });
    expect(updated.painNow).toBe(2);
    const signedVisit = await t.call('followUps.finalize', { id: created.id });
    expect(signedVisit).toMatchObject({ status: 'finalized', finalizedBy: 'Dr. Anna Weber', painNow: 2 });

    const { items } = await t.call('followUps.list', { consultationId: record.id });
    expect(items).toEqual([signedVisit]);

    // The audit names the visit, never what was recorded at it.
    const rows = auditRows(t).filter((r) => r.action.startsWith('followUp.'));
    expect(rows.map((r) => r.action)).toEqual(['followUp.create', 'followUp.update', 'followUp.finalize']);
    expect(rows.every((r) => r.consultation_id === record.id && r.detail === `followUp=${created.id}`)).toBe(true);
    expect(JSON.stringify(auditRows(t))).not.toContain('stick');
    expect(verifyAuditChain(t.core.services.db).ok).toBe(true);

    await expectRejected(t, 'followUps.update', { id: created.id, values, baseRevision: 1 }, 'LOCKED', 'id');
    await expectRejected(t, 'followUps.finalize', { id: created.id }, 'LOCKED', 'id');
  });

  it('refuses a draft consultation, a visit date before it or in the future, and the patient screen', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await expectRejected(t, 'followUps.create', { consultationId: draft.id, values: visit() }, 'CONFLICT');
    await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
    t.advance(3 * DAY); // today is 2026-11-26
    const create = (values: FollowUpValues) => ({ consultationId: draft.id, values });
    await expectRejected(
      t,
      'followUps.create',
      create(visit({ visitDate: '2026-11-22' })),
      'VALIDATION',
      'values.visitDate',
    );
    await expectRejected(
      t,
      'followUps.create',
      create(visit({ visitDate: '2026-11-27' })),
      'VALIDATION',
      'values.visitDate',
    );
    await expectRejected(t, 'followUps.create', create(visit({ painNow: 11, visitDate: '2026-11-26' })), 'VALIDATION');
    await expectRejected(
      t,
      'followUps.create',
      create(visit({ visitDate: '2026-11-26', newFractures: ['T12', 'T12'] })),
      'VALIDATION',
      'values.newFractures.1',
    );
    const patient = await t.raw('followUps.list', { consultationId: draft.id }, 'patient');
    expect(patient).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('needs the physician name to sign a visit', async () => {
    const t = await recordsCore();
    const record = await signed(t);
    t.advance(14 * DAY);
    const created = await t.call('followUps.create', { consultationId: record.id, values: visit() });
    await t.call('settings.update', { physicianName: '' });
    await expectRejected(t, 'followUps.finalize', { id: created.id }, 'CONFLICT', 'physicianName');
  });
});

describe('followUps.timeline', () => {
  it('puts the consultation, the procedure and three visits in order, with the pain points', async () => {
    const t = await recordsCore();
    const record = await signed(t);
    t.advance(400 * DAY);
    // Entered out of order, one without a pain score (no point for it).
    for (const [visitDate, painNow] of [
      ['2027-02-28', 2],
      ['2026-12-14', 4],
      ['2026-12-01', null],
      ['2027-11-30', 1],
    ] as const) {
      await t.call('followUps.create', { consultationId: record.id, values: visit({ visitDate, painNow }) });
    }
    // A draft consultation of the same patient is not an index consultation.
    await newDraft(t, record.patient.id);

    const timeline = await t.call('followUps.timeline', { patientId: record.patient.id });
    expect(timeline.consultations).toHaveLength(1);
    expect(timeline.consultations[0]).toMatchObject({
      id: record.id,
      date: '2026-11-23',
      path: 'augmentation',
      painNow: 8,
      procedureDate: '2026-11-30',
      procedureLevels: ['L1'],
    });
    expect(timeline.consultations[0]?.visits.map((v) => v.visitDate)).toEqual([
      '2026-12-01',
      '2026-12-14',
      '2027-02-28',
      '2027-11-30',
    ]);
    // By hand: days from 2026-11-30 — 23 Nov: −7; 14 Dec: 14; 28 Feb: 1 + 31 + 31 + 28 = 90; 30 Nov 2027: 365.
    expect(timeline.points.map((p) => [p.date, p.pain, p.kind, p.daysFromProcedure])).toEqual([
      ['2026-11-23', 8, 'consultation', -7],
      ['2026-12-14', 4, 'visit', 14],
      ['2027-02-28', 2, 'visit', 90],
      ['2027-11-30', 1, 'visit', 365],
    ]);
    expect(timeline.procedures).toEqual([{ date: '2026-11-30', consultationId: record.id }]);
  });

  it('follows an amended decision (the procedure moved) and has no procedure for a conservative path', async () => {
    const t = await recordsCore();
    const record = await signed(t);
    // The input is the decision without its derived SURE score.
    const decision = { ...record.decision, sureScore: undefined };
    delete decision.sureScore;
    await t.call('consultations.amend', {
      id: record.id,
      reason: 'rescheduled',
      change: {
        section: 'decision',
        after: { ...decision, augmentation: { ...decision.augmentation, plannedDate: '2026-12-02' } },
      },
    });
    // The next day: the timeline orders consultations by their day (same-day ones by id).
    t.advance(24 * 60 * 60_000);
    const other = await newDraft(t, record.patient.id);
    await t.call('consultations.updateDecision', {
      id: other.id,
      decision: { ...emptyDecision, path: 'conservative' },
      baseRevision: await base(t, other.id, 'decision'),
    });
    await t.call('consultations.finalize', { id: other.id, acknowledged: [...signWarningIds] });

    const timeline = await t.call('followUps.timeline', { patientId: record.patient.id });
    expect(timeline.procedures).toEqual([{ date: '2026-12-02', consultationId: record.id }]);
    expect(timeline.consultations.map((c) => [c.path, c.procedureDate])).toEqual([
      ['augmentation', '2026-12-02'],
      ['conservative', null],
    ]);
    expect(timeline.points[0]?.daysFromProcedure).toBe(-9);
  });

  it('answers NOT_FOUND for an unknown patient', async () => {
    const t = await recordsCore();
    await expectRejected(t, 'followUps.timeline', { patientId: crypto.randomUUID() }, 'NOT_FOUND', 'patientId');
  });

  it('a draft visit saved on an older revision is refused with the visit core holds; nothing is overwritten', async () => {
    const t = await recordsCore();
    const record = await signed(t);
    t.advance(14 * DAY);
    const created = await t.call('followUps.create', { consultationId: record.id, values: visit({ painNow: 5 }) });
    expect(created.revision).toBe(0);
    // Window A saves pain 3; window B, still on revision 0, saves pain 6.
    const first = await t.call('followUps.update', {
      id: created.id,
      values: visit({ painNow: 3 }),
      baseRevision: 0,
    });
    expect(first.revision).toBe(1);
    const refused = await t.raw('followUps.update', { id: created.id, values: visit({ painNow: 6 }), baseRevision: 0 });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'baseRevision',
        current: { section: 'visit', revision: 1, value: { painNow: 3 } },
      },
    });
    expect((await t.call('followUps.list', { consultationId: record.id })).items[0]?.painNow).toBe(3);
    // The same values again are a retried save, not a conflict; on revision 1 B's value lands.
    expect(
      (await t.call('followUps.update', { id: created.id, values: visit({ painNow: 3 }), baseRevision: 0 })).revision,
    ).toBe(1);
    const kept = await t.call('followUps.update', { id: created.id, values: visit({ painNow: 6 }), baseRevision: 1 });
    expect(kept).toMatchObject({ painNow: 6, revision: 2 });
  });

  it('a signed visit is corrected with a reason: the original stays, the timeline and overview use the correction', async () => {
    const t = await recordsCore();
    const record = await signed(t);
    t.advance(14 * DAY);
    const created = await t.call('followUps.create', { consultationId: record.id, values: visit({ painNow: 7 }) });
    await expectRejected(
      t,
      'followUps.amend',
      { id: created.id, reason: 'typo', values: visit({ painNow: 2 }) },
      'LOCKED',
      'id',
    );
    await t.call('followUps.finalize', { id: created.id });
    await expectRejected(
      t,
      'followUps.amend',
      { id: created.id, reason: '', values: visit({ painNow: 2 }) },
      'VALIDATION',
      'reason',
    );
    t.advance(DAY);
    const amended = await t.call('followUps.amend', {
      id: created.id,
      reason: 'Pain was 2, not 7: typed in the wrong field',
      values: visit({ painNow: 2, complications: ['cement-leak'] }),
    });
    expect(amended).toMatchObject({ status: 'finalized', painNow: 2, complications: ['cement-leak'] });
    expect(amended.amendments).toEqual([
      expect.objectContaining({
        author: 'Dr. Anna Weber',
        reason: 'Pain was 2, not 7: typed in the wrong field',
        before: expect.objectContaining({ painNow: 7, complications: [] }),
        after: expect.objectContaining({ painNow: 2, complications: ['cement-leak'] }),
      }),
    ]);
    // The signed row itself is unchanged.
    const row = t.core.services.db.prepare('SELECT pain_now FROM follow_ups WHERE id = ?').get(created.id);
    expect(row).toEqual({ pain_now: 7 });
    const timeline = await t.call('followUps.timeline', { patientId: record.patient.id });
    expect(timeline.points.filter((p) => p.kind === 'visit').map((p) => p.pain)).toEqual([2]);
    const overview = await t.call('overview.get', { from: null, to: null });
    expect(overview.complications.find((c) => c.id === 'cement-leak')).toMatchObject({ consultations: 1, visits: 1 });
    expect(auditRows(t).filter((r) => r.action === 'followUp.amend')).toHaveLength(1);
    expect(JSON.stringify(auditRows(t))).not.toContain('wrong field');
    // A correction that changes nothing is refused.
    await expectRejected(
      t,
      'followUps.amend',
      { id: created.id, reason: 'again', values: visit({ painNow: 2, complications: ['cement-leak'] }) },
      'VALIDATION',
      'values',
    );
  });
});

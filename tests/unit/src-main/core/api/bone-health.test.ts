/**
 * The bone-health plan through `dispatch` on a real SQLite file: it
 * round-trips, a fresh record has nothing recorded, bad values and implausible
 * T-scores are refused with nothing written, a save based on an older revision
 * is a CONFLICT carrying the plan saved since, every change is audited (coded
 * values, never the medicine's name) and announced, a signed record is locked
 * and its plan sealed by the signed digest.
 */
import { describe, expect, it } from 'vitest';
import { NO_BONE_HEALTH_PLAN, signWarningIds, type BoneHealthPlan } from '../../../../../src-shared/contract/index.js';
import { checkSignedDigests } from '../../../../../src-main/core/records/record.js';
import { makeTestCore } from '../../../helpers/test-core.js';
import { auditRows, expectRejected, newDraft, recordsCore } from './record-fixtures.js';

const plan: BoneHealthPlan = {
  dxa: 'done',
  tScoreSpine: -2.84,
  tScoreHip: -1.9,
  medicine: 'started',
  medicineName: '  Alendronate 70 mg weekly ',
  fallsAssessment: 'referred',
  calciumVitaminD: 'prescribed',
  flsReferral: 'referred',
};

describe('boneHealth.save', () => {
  it('starts with nothing recorded, at revision 0', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    expect(draft.boneHealth).toEqual(NO_BONE_HEALTH_PLAN);
    expect(draft.revisions.boneHealth).toBe(0);
  });

  it('stores the plan (T-scores to one decimal, the name trimmed), keeps it over a restart, audits without the name', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const saved = await t.call('boneHealth.save', { consultationId: draft.id, plan, baseRevision: 0 });
    const expected = { ...plan, tScoreSpine: -2.8, medicineName: 'Alendronate 70 mg weekly' };
    expect(saved.boneHealth).toEqual(expected);
    expect(saved.revisions.boneHealth).toBe(1);
    const audit = auditRows(t).at(-1);
    expect(audit).toMatchObject({ action: 'consultation.update', consultation_id: draft.id });
    expect(audit?.detail).toBe('section=boneHealth dxa=done medicine=started revision=1');
    t.close();
    const again = makeTestCore({ dataDir: t.dataDir });
    try {
      const read = await again.call('consultations.get', { id: draft.id });
      expect(read.boneHealth).toEqual(expected);
      expect(read.revisions.boneHealth).toBe(1);
    } finally {
      again.close();
    }
  });

  it('announces each change once; the same plan again is accepted on any base and writes nothing', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    const changed = () => t.pushes.filter((p) => p.event === 'consultations.changed').length;
    const before = changed();
    await t.call('boneHealth.save', { consultationId: id, plan, baseRevision: 0 });
    expect(changed()).toBe(before + 1);
    const audited = auditRows(t).length;
    // A retry of the save that landed, still naming the old base.
    const retried = await t.call('boneHealth.save', { consultationId: id, plan, baseRevision: 0 });
    expect(retried.revisions.boneHealth).toBe(1);
    expect(auditRows(t).length).toBe(audited);
  });

  it('refuses a change based on an older revision with CONFLICT and the plan saved since', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    await t.call('boneHealth.save', { consultationId: id, plan, baseRevision: 0 });
    const other = { ...plan, medicine: 'declined' as const, medicineName: '' };
    const before = await t.call('consultations.get', { id });
    const result = await t.raw('boneHealth.save', { consultationId: id, plan: other, baseRevision: 0 });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'baseRevision',
        current: {
          section: 'boneHealth',
          revision: 1,
          value: { medicine: 'started', medicineName: 'Alendronate 70 mg weekly' },
        },
      },
    });
    expect((await t.call('consultations.get', { id })).boneHealth).toEqual(before.boneHealth);
    // Based on the revision it saw, the change lands.
    const landed = await t.call('boneHealth.save', { consultationId: id, plan: other, baseRevision: 1 });
    expect(landed.boneHealth.medicine).toBe('declined');
    expect(landed.revisions.boneHealth).toBe(2);
  });

  it('refuses unknown values, a T-score out of range, and a T-score without a scan done; nothing written', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: id, plan: { ...plan, dxa: 'maybe' }, baseRevision: 0 },
      'VALIDATION',
      'plan.dxa',
    );
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: id, plan: { ...plan, tScoreSpine: -25 }, baseRevision: 0 },
      'VALIDATION',
      'plan.tScoreSpine',
    );
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: id, plan: { ...plan, tScoreHip: 9 }, baseRevision: 0 },
      'VALIDATION',
      'plan.tScoreHip',
    );
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: id, plan: { ...plan, dxa: 'ordered' }, baseRevision: 0 },
      'VALIDATION',
      'plan.tScoreSpine',
    );
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: id, plan: { ...plan, medicine: 'bisphosphonate' }, baseRevision: 0 },
      'VALIDATION',
      'plan.medicine',
    );
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: id, plan: { ...plan, extra: 1 }, baseRevision: 0 },
      'VALIDATION',
      'plan.extra',
    );
  });

  it('is refused to the patient screen, and NOT_FOUND for a consultation that does not exist', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    expect(await t.raw('boneHealth.save', { consultationId: id, plan, baseRevision: 0 }, 'patient')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: '0b0e2a5c-1f3d-4c7a-9a55-1c3d5e7f9a0b', plan, baseRevision: 0 },
      'NOT_FOUND',
      'consultationId',
    );
  });

  it('is locked once signed; the signed digest seals the plan, so an edit in the database shows', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    await t.call('boneHealth.save', { consultationId: id, plan, baseRevision: 0 });
    const signed = await t.call('consultations.finalize', { id, acknowledged: [...signWarningIds] });
    expect(signed.boneHealth.medicine).toBe('started');
    await expectRejected(
      t,
      'boneHealth.save',
      { consultationId: id, plan: NO_BONE_HEALTH_PLAN, baseRevision: 0 },
      'LOCKED',
      'consultationId',
    );
    const db = t.core.services.db;
    expect(checkSignedDigests(db)).toEqual([{ consultationId: id, ok: true }]);
    db.prepare("UPDATE bone_health_plans SET medicine = 'declined' WHERE consultation_id = ?").run(id);
    expect(checkSignedDigests(db)).toEqual([{ consultationId: id, ok: false }]);
  });

  it('keeps the digest of a record signed without a plan, and goes with a deleted draft', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    await t.call('consultations.finalize', { id, acknowledged: [...signWarningIds] });
    expect(checkSignedDigests(t.core.services.db)).toEqual([{ consultationId: id, ok: true }]);
    const draft = await newDraft(t);
    await t.call('boneHealth.save', { consultationId: draft.id, plan, baseRevision: 0 });
    await t.call('consultations.delete', { id: draft.id });
    expect(t.core.services.db.prepare('SELECT count(*) AS n FROM bone_health_plans').get()).toEqual({ n: 0 });
  });
});

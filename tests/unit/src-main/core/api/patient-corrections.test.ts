import { describe, expect, it } from 'vitest';
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import { fhirBundle } from '../../../../../src-main/core/export/fhir.js';
import { recordText } from '../../../../../src-main/core/export/record-text.js';
import { loadSummary } from '../../../../../src-main/core/export/summary.js';
import { auditRows, expectRejected, newDraft, newPatient, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

describe('patients.correct', () => {
  it('corrects the name with a reason, keeps the original, audits without the values', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t, { displayName: 'Anna Mülller', hospitalNumber: 'H-1' });
    t.advance(60_000);
    const { patient: fixed, correction } = await t.call('patients.correct', {
      id: patient.id,
      reason: 'Typo in the surname',
      displayName: 'Anna Müller',
      birthDate: '1948-03-12',
      baseRevision: await base(t, patient.id, 'patient'),
    });
    expect(fixed).toMatchObject({ displayName: 'Anna Müller', birthDate: '1948-03-12', hospitalNumber: 'H-1' });
    expect(correction).toMatchObject({
      author: 'Dr. Anna Weber',
      reason: 'Typo in the surname',
      before: { displayName: 'Anna Mülller', birthDate: '1948-03-02' },
      after: { displayName: 'Anna Müller', birthDate: '1948-03-12' },
      at: '2026-11-23T09:01:00.000Z',
    });
    expect(correction.before).not.toHaveProperty('hospitalNumber');
    expect((await t.call('patients.corrections', { id: patient.id })).corrections).toEqual([correction]);
    // Found by the corrected name.
    expect((await t.call('patients.search', { query: 'müller' })).patients.map((p) => p.id)).toEqual([patient.id]);
    const last = auditRows(t).at(-1);
    expect(last).toMatchObject({
      action: 'patient.correct',
      detail: `patient=${patient.id} correction=${correction.id} fields=displayName,birthDate`,
    });
    expect(JSON.stringify(auditRows(t))).not.toMatch(/Mülll|Müller|Typo/);
  });

  it('refuses without a reason, without a physician, with nothing changed, or a taken hospital number; writes nothing', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t, { hospitalNumber: 'H-1' });
    await newPatient(t, { displayName: 'Other Person', hospitalNumber: 'H-2' });
    await expectRejected(
      t,
      'patients.correct',
      { id: patient.id, reason: '', displayName: 'X Y', baseRevision: await base(t, patient.id, 'patient') },
      'VALIDATION',
      'reason',
    );
    await expectRejected(
      t,
      'patients.correct',
      {
        id: patient.id,
        reason: 'same',
        displayName: 'Anna Müller',
        baseRevision: await base(t, patient.id, 'patient'),
      },
      'VALIDATION',
    );
    await expectRejected(
      t,
      'patients.correct',
      { id: patient.id, reason: 'r', hospitalNumber: 'h-2', baseRevision: await base(t, patient.id, 'patient') },
      'CONFLICT',
      'hospitalNumber',
    );
    await expectRejected(
      t,
      'patients.correct',
      { id: patient.id, reason: 'r', birthDate: '2030-01-01', baseRevision: await base(t, patient.id, 'patient') },
      'VALIDATION',
      'birthDate',
    );
    await expectRejected(
      t,
      'patients.correct',
      { id: patient.id, reason: 'r', code: 'NEW', baseRevision: await base(t, patient.id, 'patient') },
      'VALIDATION',
      'code',
    );
    const anonymous = await recordsCore({ physician: null });
    const p = await newPatient(anonymous);
    await expectRejected(
      anonymous,
      'patients.correct',
      { id: p.id, reason: 'r', displayName: 'B C', baseRevision: await base(anonymous, p.id, 'patient') },
      'CONFLICT',
      'physicianName',
    );
  });

  it('shows in later exports of a signed record as an amendment with the original; pseudonymized, without any name', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t, { displayName: 'Anna Mülller', hospitalNumber: 'H-77' });
    const draft = await newDraft(t, patient.id);
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'Mme Mülller has pain.',
      baseRevision: await base(t, draft.id, 'notes'),
    });
    await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
    t.advance(3600_000);
    await t.call('patients.correct', {
      id: patient.id,
      reason: 'Typo in the surname',
      displayName: 'Anna Müller',
      baseRevision: await base(t, patient.id, 'patient'),
    });

    const text = recordText(loadSummary(t.core.services, draft.id, false));
    expect(text).toContain('Patient: Anna Müller');
    expect(text).toContain('Patient details corrected (Name), 23 November 2026');
    expect(text).toContain('   Reason: Typo in the surname');
    expect(text).toContain('   - Name: Anna Mülller');
    expect(text).toContain('   - Name: Anna Müller');
    // The signed sections are not rewritten: the notes still read as signed.
    expect(text).toContain('Mme Mülller has pain.');
    const bundle = fhirBundle(loadSummary(t.core.services, draft.id, false), t.now().toISOString());
    const composition = bundle.entry?.find((e) => e.resource?.resourceType === 'Composition')?.resource;
    expect(composition).toMatchObject({ status: 'amended' });

    const pseudo = recordText(loadSummary(t.core.services, draft.id, true));
    expect(pseudo).toContain('Patient details corrected (Name)');
    expect(pseudo).toContain(`Mme ${patient.code} has pain.`);
    expect(pseudo).not.toMatch(/Müll|Mülll|Typo|H-77/);
  });

  it('leaves corrections made before a consultation out of its exports', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    await t.call('patients.correct', {
      id: patient.id,
      reason: 'Wrong year',
      birthDate: '1949-03-02',
      baseRevision: await base(t, patient.id, 'patient'),
    });
    t.advance(60_000);
    const draft = await newDraft(t, patient.id);
    expect(recordText(loadSummary(t.core.services, draft.id, false))).not.toContain('Patient details corrected');
  });
});

import { describe, expect, it } from 'vitest';
import {
  auditRows,
  emptyDecision,
  emptyFindings,
  expectRejected,
  newDraft,
  newPatient,
  recordsCore,
} from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('consultations.start', () => {
  it('starts an open draft signed later by the physician, with the current playlist and language', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    const state = await t.call('presentation.get', {});
    const record = await t.call('consultations.start', { patientId: patient.id });
    expect(record).toMatchObject({
      patient: { id: patient.id, consultationCount: 1 },
      physician: 'Dr. Anna Weber',
      startedAt: '2026-11-23T09:00:00.000Z',
      language: state.language,
      playlist: state.playlist,
      status: 'draft',
      isOpen: true,
      findings: emptyFindings,
      decision: { ...emptyDecision, sureScore: null },
      notes: { body: '', revision: 0, savedAt: null },
      entries: [],
      amendments: [],
    });
    expect(t.core.services.presentation.views.consultationId).toBe(record.id);
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'consultation.start', consultation_id: record.id });
  });

  it('applies the chosen playlist and language to the patient screen', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    const record = await t.call('consultations.start', {
      patientId: patient.id,
      language: 'fr',
      playlist: ['augmentation-risks', 'kyphoplasty'],
    });
    expect(record).toMatchObject({ language: 'fr', playlist: ['augmentation-risks', 'kyphoplasty'] });
    const state = await t.call('presentation.get', {});
    expect(state.language).toBe('fr');
    expect(state.playlist).toEqual(['augmentation-risks', 'kyphoplasty']);
  });

  it('keeps several consultations per patient', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    await t.call('consultations.start', { patientId: patient.id });
    t.advance(86_400_000);
    await t.call('consultations.start', { patientId: patient.id });
    expect(await t.call('patients.get', { id: patient.id })).toMatchObject({
      consultationCount: 2,
      lastConsultationAt: '2026-11-24T09:00:00.000Z',
    });
  });

  it('rejects an unknown patient or deck and bad input, writing nothing', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    await expectRejected(t, 'consultations.start', { patientId: UNKNOWN }, 'NOT_FOUND', 'patientId');
    await expectRejected(
      t,
      'consultations.start',
      { patientId: patient.id, playlist: ['osteoporosis', 'no-such-deck'] },
      'NOT_FOUND',
      'playlist.1',
    );
    await expectRejected(t, 'consultations.start', { patientId: patient.id, language: 'it' }, 'VALIDATION', 'language');
    await expectRejected(t, 'consultations.start', { patientId: 'x' }, 'VALIDATION', 'patientId');
    await expectRejected(
      t,
      'consultations.start',
      { patientId: patient.id, playlist: ['Bad Id'] },
      'VALIDATION',
      'playlist.0',
    );
  });
});

describe('open, close, current, get', () => {
  it('attributes slide views to the open draft only, and says which is open', async () => {
    const t = await recordsCore();
    const a = await newDraft(t);
    const b = await newDraft(t, a.patient.id);
    expect((await t.call('consultations.current', {})).record?.id).toBe(b.id);
    const opened = await t.call('consultations.open', { id: a.id });
    expect(opened.isOpen).toBe(true);
    expect(t.core.services.presentation.views.consultationId).toBe(a.id);
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'consultation.open', consultation_id: a.id });
    expect((await t.call('consultations.get', { id: b.id })).isOpen).toBe(false);

    expect(await t.call('consultations.close', { id: b.id })).toEqual({ openConsultationId: a.id });
    expect(await t.call('consultations.close', { id: a.id })).toEqual({ openConsultationId: null });
    expect((await t.call('consultations.current', {})).record).toBeNull();
  });

  it('applies a reopened draft’s language and playlist', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t);
    const draft = await t.call('consultations.start', {
      patientId: patient.id,
      language: 'de',
      playlist: ['kyphoplasty'],
    });
    await t.call('consultations.close', { id: draft.id });
    await t.call('presentation.setLanguage', { language: 'en' });
    await t.call('presentation.setPlaylist', { playlist: ['osteoporosis'] });
    await t.call('consultations.open', { id: draft.id });
    const state = await t.call('presentation.get', {});
    expect(state).toMatchObject({ language: 'de', playlist: ['kyphoplasty'] });
  });

  it('answers NOT_FOUND for an unknown consultation', async () => {
    const t = await recordsCore();
    for (const name of ['consultations.get', 'consultations.open', 'consultations.delete']) {
      await expectRejected(t, name, { id: UNKNOWN }, 'NOT_FOUND', 'id');
    }
    await expectRejected(t, 'consultations.finalize', { id: UNKNOWN, acknowledged: [] }, 'NOT_FOUND', 'id');
  });
});

describe('consultations.updateFindings', () => {
  it('stores findings in canonical order and audits the section, not the content', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    t.advance(60_000);
    const record = await t.call('consultations.updateFindings', {
      id: draft.id,
      findings: {
        painNow: 7,
        painSince: '2026-11-02',
        fracturedLevels: [
          { level: 'L1', grade: 2 },
          { level: 'T12', grade: 3 },
        ],
        redFlags: ['infection', 'neurological'],
      },
      baseRevision: await base(t, draft.id, 'findings'),
    });
    expect(record.findings).toEqual({
      painNow: 7,
      painSince: '2026-11-02',
      fracturedLevels: [
        { level: 'T12', grade: 3 },
        { level: 'L1', grade: 2 },
      ],
      redFlags: ['neurological', 'infection'],
    });
    expect(record.updatedAt).toBe('2026-11-23T09:01:00.000Z');
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'consultation.update', detail: 'section=findings revision=1' });
    const count = auditRows(t).length;
    await t.call('consultations.updateFindings', {
      id: draft.id,
      findings: record.findings,
      baseRevision: await base(t, draft.id, 'findings'),
    });
    expect(auditRows(t)).toHaveLength(count);
  });

  it.each([
    [{ painNow: 11 }, 'findings.painNow'],
    [{ painNow: -1 }, 'findings.painNow'],
    [{ painNow: 4.5 }, 'findings.painNow'],
    [{ painSince: '2026-11-24' }, 'findings.painSince'],
    [{ painSince: 'yesterday' }, 'findings.painSince'],
    [{ fracturedLevels: [{ level: 'L6', grade: 1 }] }, 'findings.fracturedLevels.0.level'],
    [{ fracturedLevels: [{ level: 'L1', grade: 4 }] }, 'findings.fracturedLevels.0.grade'],
    [
      {
        fracturedLevels: [
          { level: 'L1', grade: 1 },
          { level: 'L1', grade: 2 },
        ],
      },
      'findings.fracturedLevels.1',
    ],
    [{ redFlags: ['fever'] }, 'findings.redFlags.0'],
    [{ redFlags: ['tumour', 'tumour'] }, 'findings.redFlags.1'],
  ])('rejects %j naming %s, writing nothing', async (patch, field) => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await expectRejected(
      t,
      'consultations.updateFindings',
      { id: draft.id, findings: { ...emptyFindings, ...patch }, baseRevision: await base(t, draft.id, 'findings') },
      'VALIDATION',
      field,
    );
  });

  it('rejects a partial findings object', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await expectRejected(
      t,
      'consultations.updateFindings',
      { id: draft.id, findings: { painNow: 3 }, baseRevision: await base(t, draft.id, 'findings') },
      'VALIDATION',
      'findings.painSince',
    );
  });
});

describe('consultations.updateDecision', () => {
  it('stores the decision and computes the SURE score once all four are answered', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const decision = {
      ...emptyDecision,
      path: 'augmentation' as const,
      conservativeMeasures: ['osteoporosis-medication' as const, 'calcium-vitamin-d' as const],
      augmentation: {
        procedure: 'balloon-kyphoplasty' as const,
        levels: ['L1' as const, 'T12' as const],
        anaesthesia: 'general' as const,
        plannedDate: '2026-12-01',
      },
      questions: 'Will I be able to garden again?',
      followUpDate: '2026-12-15',
      sure: { sureOfChoice: true, knowsBenefitsAndRisks: true, clearAboutValues: false, enoughSupport: null },
    };
    const partial = await t.call('consultations.updateDecision', {
      id: draft.id,
      decision,
      baseRevision: await base(t, draft.id, 'decision'),
    });
    expect(partial.decision).toMatchObject({
      path: 'augmentation',
      conservativeMeasures: ['calcium-vitamin-d', 'osteoporosis-medication'],
      augmentation: { levels: ['T12', 'L1'] },
      sureScore: null,
    });
    const full = await t.call('consultations.updateDecision', {
      id: draft.id,
      decision: { ...decision, sure: { ...decision.sure, enoughSupport: true } },
      baseRevision: await base(t, draft.id, 'decision'),
    });
    expect(full.decision.sureScore).toBe(3);
    expect(auditRows(t).at(-1)).toMatchObject({ detail: 'section=decision path=augmentation revision=2' });
    expect(JSON.stringify(auditRows(t))).not.toContain('garden');
  });

  it.each([
    [{ path: 'surgery' }, 'decision.path'],
    [{ conservativeMeasures: ['brace', 'brace'] }, 'decision.conservativeMeasures.1'],
    [
      { augmentation: { procedure: 'fusion', levels: [], anaesthesia: null, plannedDate: null } },
      'decision.augmentation.procedure',
    ],
    [
      { augmentation: { procedure: null, levels: [], anaesthesia: 'sedation', plannedDate: null } },
      'decision.augmentation.anaesthesia',
    ],
    [
      { augmentation: { procedure: null, levels: [], anaesthesia: null, plannedDate: '2026-11-22' } },
      'decision.augmentation.plannedDate',
    ],
    [{ followUpDate: '2026-01-01' }, 'decision.followUpDate'],
    [{ questions: 'x'.repeat(2001) }, 'decision.questions'],
    [
      { sure: { sureOfChoice: 'yes', knowsBenefitsAndRisks: null, clearAboutValues: null, enoughSupport: null } },
      'decision.sure.sureOfChoice',
    ],
    [{ extra: 1 }, 'decision.extra'],
  ])('rejects %j naming %s, writing nothing', async (patch, field) => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await expectRejected(
      t,
      'consultations.updateDecision',
      { id: draft.id, decision: { ...emptyDecision, ...patch }, baseRevision: await base(t, draft.id, 'decision') },
      'VALIDATION',
      field,
    );
  });
});

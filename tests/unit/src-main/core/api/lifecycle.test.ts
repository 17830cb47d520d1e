import { describe, expect, it } from 'vitest';
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import { verifyAuditChain } from '../../../../../src-main/core/audit.js';
import { auditRows, emptyDecision, emptyFindings, expectRejected, newDraft, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

async function finalized() {
  const t = await recordsCore();
  const draft = await newDraft(t);
  await t.call('consultations.updateFindings', {
    id: draft.id,
    findings: { ...emptyFindings, painNow: 6, fracturedLevels: [{ level: 'L1', grade: 2 }] },
    baseRevision: await base(t, draft.id, 'findings'),
  });
  await t.call('consultations.updateDecision', {
    id: draft.id,
    decision: { ...emptyDecision, path: 'conservative', conservativeMeasures: ['brace'] },
    baseRevision: await base(t, draft.id, 'decision'),
  });
  await t.call('notes.save', {
    consultationId: draft.id,
    body: 'Original notes',
    baseRevision: await base(t, draft.id, 'notes'),
  });
  const entry = await t.call('notes.addEntry', { consultationId: draft.id, text: 'asks about driving' });
  t.advance(20 * 60_000);
  const record = await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
  return { t, record, entry };
}

describe('consultations.finalize', () => {
  it('signs with the physician and time, closes the consultation, and audits a digest of the content', async () => {
    const { t, record } = await finalized();
    expect(record).toMatchObject({
      status: 'finalized',
      finalizedAt: '2026-11-23T09:20:00.000Z',
      finalizedBy: 'Dr. Anna Weber',
      isOpen: false,
    });
    expect(t.core.services.presentation.views.consultationId).toBeNull();
    const row = auditRows(t).at(-1);
    expect(row).toMatchObject({ action: 'consultation.finalize', consultation_id: record.id });
    expect(row?.detail).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('signs only when every open warning was acknowledged, and keeps the acknowledgements in the audit log', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('consultations.updateFindings', {
      id: draft.id,
      findings: { ...emptyFindings, painNow: 8, fracturedLevels: [{ level: 'L1', grade: 2 }], redFlags: ['tumour'] },
      baseRevision: await base(t, draft.id, 'findings'),
    });
    await t.call('consultations.updateDecision', {
      id: draft.id,
      decision: { ...emptyDecision, path: 'augmentation' },
      baseRevision: await base(t, draft.id, 'decision'),
    });
    // A window that skips the sign dialog (nothing acknowledged): refused, naming what is open; nothing signed.
    const refused = await t.raw('consultations.finalize', { id: draft.id, acknowledged: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'acknowledged' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/Red flags are recorded/);
    expect(refused.ok ? '' : refused.error.message).toMatch(/no risk is confirmed/);
    // The red flag alone is not enough: the augmentation warnings are open too.
    const partly = await t.raw('consultations.finalize', { id: draft.id, acknowledged: ['red-flags'] });
    expect(partly).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('consultations.get', { id: draft.id })).status).toBe('draft');
    const all = [
      'red-flags',
      'augmentation-no-risks',
      'augmentation-no-procedure',
      'augmentation-no-levels',
      'follow-up-missing',
    ] as const;
    const signed = await t.call('consultations.finalize', { id: draft.id, acknowledged: [...all] });
    expect(signed.status).toBe('finalized');
    const rows = auditRows(t);
    const acknowledged = rows.find((r) => r.action === 'consultation.sign-warnings');
    expect(acknowledged?.detail).toBe(`acknowledged=${all.join(',')}`);
    expect(rows.at(-1)?.action).toBe('consultation.finalize');
  });

  it('needs the physician name in the settings', async () => {
    const t = await recordsCore({ physician: null });
    const draft = await newDraft(t);
    expect(draft.physician).toBe('');
    await expectRejected(
      t,
      'consultations.finalize',
      { id: draft.id, acknowledged: [...signWarningIds] },
      'CONFLICT',
      'physicianName',
    );
    await t.call('settings.update', { physicianName: 'Dr. Late' });
    const record = await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
    expect(record).toMatchObject({ physician: 'Dr. Late', finalizedBy: 'Dr. Late' });
  });

  it('locks the record: every edit call answers LOCKED and writes nothing', async () => {
    const { t, record, entry } = await finalized();
    const id = record.id;
    const { revisions } = record;
    const edits: Array<[string, unknown, string]> = [
      ['consultations.updateFindings', { id, findings: emptyFindings, baseRevision: revisions.findings }, 'id'],
      ['consultations.updateDecision', { id, decision: emptyDecision, baseRevision: revisions.decision }, 'id'],
      [
        'consultations.confirmRisks',
        { id, risks: { confirmed: [], otherText: '' }, baseRevision: revisions.risks },
        'id',
      ],
      ['consultations.finalize', { id, acknowledged: [...signWarningIds] }, 'id'],
      ['notes.save', { consultationId: id, body: 'changed', baseRevision: revisions.notes }, 'consultationId'],
      ['notes.addEntry', { consultationId: id, text: 'late entry' }, 'consultationId'],
      ['notes.removeEntry', { consultationId: id, entryId: entry.id }, 'consultationId'],
    ];
    for (const [name, input, field] of edits) await expectRejected(t, name, input, 'LOCKED', field);
  });

  it('cannot be deleted once finalized', async () => {
    const { t, record } = await finalized();
    await expectRejected(t, 'consultations.delete', { id: record.id }, 'CONFLICT', 'id');
  });

  it('opening a finalized record shows it without taking over slide views', async () => {
    const { t, record } = await finalized();
    const running = await newDraft(t, record.patient.id);
    const opened = await t.call('consultations.open', { id: record.id });
    expect(opened).toMatchObject({ status: 'finalized', isOpen: false });
    expect(t.core.services.presentation.views.consultationId).toBe(running.id);
    expect(auditRows(t).at(-1)).toMatchObject({
      action: 'consultation.open',
      consultation_id: record.id,
      detail: 'status=finalized',
    });
  });
});

describe('consultations.amend', () => {
  it('keeps the original beside each amendment and shows the current state', async () => {
    const { t, record } = await finalized();
    t.advance(86_400_000);
    const amended = await t.call('consultations.amend', {
      id: record.id,
      reason: 'Level misread: the fracture is at T12',
      change: { section: 'findings', after: { ...record.findings, fracturedLevels: [{ level: 'T12', grade: 2 }] } },
    });
    expect(amended.findings).toEqual(record.findings);
    expect(amended.current.findings.fracturedLevels).toEqual([{ level: 'T12', grade: 2 }]);
    expect(amended.amendments).toEqual([
      {
        id: expect.any(Number),
        at: '2026-11-24T09:20:00.000Z',
        author: 'Dr. Anna Weber',
        reason: 'Level misread: the fracture is at T12',
        section: 'findings',
        before: record.findings,
        after: amended.current.findings,
      },
    ]);

    const notes = await t.call('consultations.amend', {
      id: record.id,
      reason: 'Addendum after phone call',
      change: { section: 'notes', after: { body: 'Original notes\nPhoned: pain better.' } },
    });
    expect(notes.notes.body).toBe('Original notes');
    expect(notes.current.notes.body).toBe('Original notes\nPhoned: pain better.');
    const risks = await t.call('consultations.amend', {
      id: record.id,
      reason: 'Also discussed',
      change: { section: 'risks', after: { confirmed: ['death', 'cement-leak'], otherText: '' } },
    });
    expect(risks.current.risks.items.filter((i) => i.confirmed).map((i) => i.risk)).toEqual(['cement-leak', 'death']);
    expect(risks.risks.items.every((i) => !i.confirmed)).toBe(true);
    const decision = await t.call('consultations.amend', {
      id: record.id,
      reason: 'Referred after all',
      change: { section: 'decision', after: { ...emptyDecision, path: 'referred', referral: 'Rheumatology' } },
    });
    expect(decision.decision.path).toBe('conservative');
    expect(decision.current.decision).toMatchObject({ path: 'referred', referral: 'Rheumatology' });
    expect(decision.amendments.map((a) => a.section)).toEqual(['findings', 'notes', 'risks', 'decision']);
    expect(decision.amendments[3]?.before).toMatchObject({ path: 'conservative', conservativeMeasures: ['brace'] });

    const amendAudits = auditRows(t).filter((r) => r.action === 'consultation.amend');
    expect(amendAudits.map((r) => r.detail.split(' ')[0])).toEqual([
      'section=findings',
      'section=notes',
      'section=risks',
      'section=decision',
    ]);
    expect(JSON.stringify(auditRows(t))).not.toMatch(/Phoned|Rheumatology|misread/);
    expect(verifyAuditChain(t.core.services.db)).toEqual({ ok: true });
  });

  it('the amended notes are found by the history search', async () => {
    const { t, record } = await finalized();
    await t.call('consultations.amend', {
      id: record.id,
      reason: 'Addendum',
      change: { section: 'notes', after: { body: 'Phoned: osteopathy helps' } },
    });
    expect((await t.call('consultations.history', { text: 'osteopath' })).items.map((i) => i.id)).toEqual([record.id]);
  });

  it('rejects an amendment of a draft, one without change or reason, and bad content, writing nothing', async () => {
    const { t, record } = await finalized();
    const draft = await newDraft(t, record.patient.id);
    const change = { section: 'notes', after: { body: 'x' } };
    await expectRejected(t, 'consultations.amend', { id: draft.id, reason: 'r', change }, 'CONFLICT', 'id');
    await expectRejected(
      t,
      'consultations.amend',
      { id: record.id, reason: 'r', change: { section: 'notes', after: { body: 'Original notes' } } },
      'VALIDATION',
      'change.after',
    );
    await expectRejected(t, 'consultations.amend', { id: record.id, reason: ' ', change }, 'VALIDATION', 'reason');
    await expectRejected(t, 'consultations.amend', { id: record.id, change }, 'VALIDATION', 'reason');
    await expectRejected(
      t,
      'consultations.amend',
      { id: record.id, reason: 'r', change: { section: 'patient', after: {} } },
      'VALIDATION',
      'change.section',
    );
    await expectRejected(
      t,
      'consultations.amend',
      { id: record.id, reason: 'r', change: { section: 'findings', after: { ...emptyFindings, painNow: 12 } } },
      'VALIDATION',
      'change.after.painNow',
    );
    await expectRejected(
      t,
      'consultations.amend',
      {
        id: record.id,
        reason: 'r',
        change: { section: 'decision', after: { ...emptyDecision, followUpDate: '2026-11-01' } },
      },
      'VALIDATION',
      'change.after.followUpDate',
    );
    await expectRejected(
      t,
      'consultations.amend',
      { id: record.id, reason: 'r', change: { section: 'risks', after: { confirmed: ['other'], otherText: '' } } },
      'VALIDATION',
      'change.after.otherText',
    );
  });
});

describe('consultations.delete', () => {
  it('deletes a draft with its notes, entries, decision, risks and slide views, audited', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'to be deleted',
      baseRevision: await base(t, draft.id, 'notes'),
    });
    await t.call('notes.addEntry', { consultationId: draft.id, text: 'entry' });
    await t.call('consultations.updateDecision', {
      id: draft.id,
      decision: emptyDecision,
      baseRevision: await base(t, draft.id, 'decision'),
    });
    await t.call('consultations.confirmRisks', {
      id: draft.id,
      risks: { confirmed: ['death'], otherText: '' },
      baseRevision: await base(t, draft.id, 'risks'),
    });
    await t.call('presentation.start', {});
    t.advance(5_000);
    expect(await t.call('consultations.delete', { id: draft.id })).toEqual({ deleted: draft.id });
    const db = t.core.services.db;
    for (const table of [
      'notes',
      'note_entries',
      'decisions',
      'risks_discussed',
      'slide_views',
      'record_search_keys',
    ]) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE consultation_id = ?`).get(draft.id), table).toEqual({
        n: 0,
      });
    }
    expect(db.prepare('SELECT count(*) AS n FROM record_fts').get()).toEqual({ n: 0 });
    expect(t.core.services.presentation.views.consultationId).toBeNull();
    expect(auditRows(t).at(-1)).toMatchObject({
      action: 'consultation.delete',
      consultation_id: draft.id,
      detail: `patient=${draft.patient.id}`,
    });
    await expectRejected(t, 'consultations.get', { id: draft.id }, 'NOT_FOUND', 'id');
  });
});

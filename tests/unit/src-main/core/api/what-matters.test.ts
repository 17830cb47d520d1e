/**
 * What matters to the patient, through `dispatch` on a real SQLite file: the
 * answers round-trip, a fresh record has every statement "not asked", a bad
 * answer is refused with nothing written, a signed record is locked, and every
 * change is audited and announced to the windows.
 */
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import { describe, expect, it } from 'vitest';
import { NOTHING_ASKED, whatMattersIds, type WhatMatters } from '../../../../../src-shared/contract/index.js';
import { base } from '../../../helpers/revisions.js';
import { makeTestCore } from '../../../helpers/test-core.js';
import { auditRows, expectRejected, newDraft, recordsCore } from './record-fixtures.js';

const answered: WhatMatters = {
  'avoid-procedure': 'a-lot',
  'fast-relief': 'a-little',
  'avoid-cement-risk': 'not',
  'avoid-strong-painkillers': 'not-asked',
  'home-soon': 'a-lot',
};

describe('consultations.updateWhatMatters', () => {
  it('starts with every statement not asked, in the order of the decision aid', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    expect(draft.whatMatters).toEqual(NOTHING_ASKED);
    expect(Object.keys(draft.whatMatters)).toEqual([...whatMattersIds]);
  });

  it('stores the answers, reads them back after a restart of core, and audits without text', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const saved = await t.call('consultations.updateWhatMatters', {
      id: draft.id,
      whatMatters: answered,
      baseRevision: await base(t, draft.id, 'whatMatters'),
    });
    expect(saved.whatMatters).toEqual(answered);
    expect((await t.call('consultations.get', { id: draft.id })).whatMatters).toEqual(answered);
    expect(auditRows(t).at(-1)).toMatchObject({
      action: 'consultation.update',
      consultation_id: draft.id,
      detail: 'section=whatMatters asked=4',
    });
    // Only answered statements have a row; "not asked" is the absence of one.
    const rows = t.core.services.db.prepare('SELECT statement FROM what_matters ORDER BY statement').all();
    expect(rows).toHaveLength(4);
    t.close();
    const again = makeTestCore({ dataDir: t.dataDir });
    try {
      expect((await again.call('consultations.get', { id: draft.id })).whatMatters).toEqual(answered);
    } finally {
      again.close();
    }
  });

  it('announces the change to doctor windows once, and nothing for a repeat of the same answers', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const changed = () => t.pushes.filter((p) => p.event === 'consultations.changed').length;
    const before = changed();
    await t.call('consultations.updateWhatMatters', {
      id: draft.id,
      whatMatters: answered,
      baseRevision: await base(t, draft.id, 'whatMatters'),
    });
    expect(changed()).toBe(before + 1);
    const audited = auditRows(t).length;
    await t.call('consultations.updateWhatMatters', {
      id: draft.id,
      whatMatters: answered,
      baseRevision: await base(t, draft.id, 'whatMatters'),
    });
    expect(auditRows(t).length).toBe(audited);
  });

  it('refuses an unknown answer, a missing statement or an unknown one, and writes nothing', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    await expectRejected(
      t,
      'consultations.updateWhatMatters',
      { id, whatMatters: { ...answered, 'fast-relief': 'very' }, baseRevision: 0 },
      'VALIDATION',
      'whatMatters.fast-relief',
    );
    const missing: Partial<WhatMatters> = { ...answered };
    delete missing['home-soon'];
    await expectRejected(
      t,
      'consultations.updateWhatMatters',
      { id, whatMatters: missing, baseRevision: 0 },
      'VALIDATION',
      'whatMatters.home-soon',
    );
    await expectRejected(
      t,
      'consultations.updateWhatMatters',
      { id, whatMatters: { ...answered, 'cheap-parking': 'a-lot' }, baseRevision: 0 },
      'VALIDATION',
      'whatMatters.cheap-parking',
    );
  });

  it('is refused to the patient screen before its input is even read', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    const result = await t.raw(
      'consultations.updateWhatMatters',
      { id, whatMatters: answered, baseRevision: 0 },
      'patient',
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('is locked once the record is signed; the signed answers stay', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    await t.call('consultations.updateWhatMatters', {
      id,
      whatMatters: answered,
      baseRevision: await base(t, id, 'whatMatters'),
    });
    const signed = await t.call('consultations.finalize', { id, acknowledged: [...signWarningIds] });
    expect(signed.whatMatters).toEqual(answered);
    await expectRejected(
      t,
      'consultations.updateWhatMatters',
      { id, whatMatters: NOTHING_ASKED, baseRevision: await base(t, id, 'whatMatters') },
      'LOCKED',
      'id',
    );
  });

  it('goes with its draft when the draft is deleted', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    await t.call('consultations.updateWhatMatters', {
      id,
      whatMatters: answered,
      baseRevision: await base(t, id, 'whatMatters'),
    });
    await t.call('consultations.delete', { id });
    expect(t.core.services.db.prepare('SELECT count(*) AS n FROM what_matters').get()).toEqual({ n: 0 });
  });
  it('refuses a change based on an older revision, with the answers core holds, and overwrites nothing', async () => {
    const t = await recordsCore();
    const { id } = await newDraft(t);
    // Two windows read revision 0; the first saves its answers.
    const first = await t.call('consultations.updateWhatMatters', { id, whatMatters: answered, baseRevision: 0 });
    expect(first.revisions.whatMatters).toBe(1);
    const mine: WhatMatters = { ...NOTHING_ASKED, 'home-soon': 'not' };
    const refused = await t.raw('consultations.updateWhatMatters', { id, whatMatters: mine, baseRevision: 0 });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'baseRevision',
        current: { section: 'whatMatters', revision: 1, value: answered },
      },
    });
    expect((await t.call('consultations.get', { id })).whatMatters).toEqual(answered);
    // Having seen theirs, the second window saves on revision 1; the same answers again are no conflict.
    const kept = await t.call('consultations.updateWhatMatters', { id, whatMatters: mine, baseRevision: 1 });
    expect(kept.whatMatters).toEqual(mine);
    expect(kept.revisions.whatMatters).toBe(2);
    const again = await t.call('consultations.updateWhatMatters', { id, whatMatters: mine, baseRevision: 0 });
    expect(again.revisions.whatMatters).toBe(2);
  });
});

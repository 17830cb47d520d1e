import { describe, expect, it } from 'vitest';
import { slideIndex } from '../../../helpers/slide-index.js';
import { auditRows, expectRejected, newDraft, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

describe('notes.save', () => {
  it('saves, counting the revision in core, and answers when it was saved', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    t.advance(5_000);
    expect(
      await t.call('notes.save', { consultationId: draft.id, body: 'Pain since lifting', baseRevision: 0 }),
    ).toEqual({ revision: 1, savedAt: '2026-11-23T09:00:05.000Z' });
    t.advance(1_000);
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'Pain since lifting a box.\nWorse at night.',
      baseRevision: 1,
    });
    const record = await t.call('consultations.get', { id: draft.id });
    expect(record.notes).toEqual({
      body: 'Pain since lifting a box.\nWorse at night.',
      revision: 2,
      savedAt: '2026-11-23T09:00:06.000Z',
    });
    expect(record.revisions.notes).toBe(2);
  });

  it('never lets a save based on an older revision overwrite newer text (CONFLICT), but accepts a retry', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('notes.save', { consultationId: draft.id, body: 'newer text', baseRevision: 0 });
    await expectRejected(
      t,
      'notes.save',
      { consultationId: draft.id, body: 'older text', baseRevision: 0 },
      'CONFLICT',
      'baseRevision',
    );
    const audits = auditRows(t).length;
    // The retry of the save that landed (its answer was lost): same text, same base.
    expect(
      (await t.call('notes.save', { consultationId: draft.id, body: 'newer text', baseRevision: 0 })).revision,
    ).toBe(1);
    expect(auditRows(t)).toHaveLength(audits);
    expect((await t.call('consultations.get', { id: draft.id })).notes.body).toBe('newer text');
  });

  it('audits that the notes changed, never what they say', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'Secret: fears losing her flat',
      baseRevision: await base(t, draft.id, 'notes'),
    });
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'consultation.update', detail: 'section=notes revision=1' });
    expect(JSON.stringify(auditRows(t))).not.toMatch(/Secret|flat/);
  });

  it.each([
    [{ body: 'x', baseRevision: -1 }, 'baseRevision'],
    [{ body: 'x', baseRevision: 1.5 }, 'baseRevision'],
    [{ body: 'x', revision: 1 }, 'revision'],
    [{ body: 'x', baseRevision: undefined }, 'baseRevision'],
    [{ body: 'x'.repeat(100_001) }, 'body'],
    [{ body: 'bell\u0007' }, 'body'],
    [{ body: 42 }, 'body'],
  ])('rejects %j naming %s, writing nothing', async (input, field) => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await expectRejected(
      t,
      'notes.save',
      { consultationId: draft.id, baseRevision: await base(t, draft.id, 'notes'), ...input },
      'VALIDATION',
      field,
    );
  });

  it('accepts the longest documented body', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const body = 'ä'.repeat(100_000);
    await t.call('notes.save', { consultationId: draft.id, body, baseRevision: await base(t, draft.id, 'notes') });
    expect((await t.call('consultations.get', { id: draft.id })).notes.body).toBe(body);
  });

  it('answers NOT_FOUND for an unknown consultation', async () => {
    const t = await recordsCore();
    await expectRejected(
      t,
      'notes.save',
      { consultationId: '00000000-0000-4000-8000-000000000000', body: 'x', baseRevision: 0 },
      'NOT_FOUND',
      'consultationId',
    );
  });
});

describe('quick entries', () => {
  it('records the slide on the patient screen at that moment, or none', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const idle = await t.call('notes.addEntry', {
      consultationId: draft.id,
      text: 'Patient arrives with her daughter',
    });
    expect(idle).toMatchObject({ deckId: null, slideId: null, language: null, at: '2026-11-23T09:00:00.000Z' });

    await t.call('presentation.start', {});
    const cementLeak = await slideIndex(t, 'augmentation-risks', 'risk-cement-leak');
    await t.call('presentation.goto', { deckId: 'augmentation-risks', slideIndex: cementLeak });
    t.advance(30_000);
    const entry = await t.call('notes.addEntry', { consultationId: draft.id, text: 'Patient asks about cement leaks' });
    expect(entry).toMatchObject({
      text: 'Patient asks about cement leaks',
      deckId: 'augmentation-risks',
      slideId: 'risk-cement-leak',
      language: 'en',
      at: '2026-11-23T09:00:30.000Z',
    });

    await t.call('presentation.setBlank', { blank: 'black' });
    const blanked = await t.call('notes.addEntry', { consultationId: draft.id, text: 'Discussed privately' });
    expect(blanked.slideId).toBeNull();

    const record = await t.call('consultations.get', { id: draft.id });
    expect(record.entries.map((e) => e.text)).toEqual([
      'Patient arrives with her daughter',
      'Patient asks about cement leaks',
      'Discussed privately',
    ]);
    expect(JSON.stringify(auditRows(t))).not.toMatch(/cement|daughter|privately/);
  });

  it('removes an entry from a draft, audited', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const entry = await t.call('notes.addEntry', { consultationId: draft.id, text: 'typo entry' });
    expect(await t.call('notes.removeEntry', { consultationId: draft.id, entryId: entry.id })).toEqual({
      removed: entry.id,
    });
    expect((await t.call('consultations.get', { id: draft.id })).entries).toEqual([]);
    expect(auditRows(t).at(-1)).toMatchObject({ detail: `section=entries removed=${entry.id}` });
    await expectRejected(
      t,
      'notes.removeEntry',
      { consultationId: draft.id, entryId: entry.id },
      'NOT_FOUND',
      'entryId',
    );
  });

  it('cannot remove another consultation’s entry', async () => {
    const t = await recordsCore();
    const a = await newDraft(t);
    const b = await newDraft(t, a.patient.id);
    const entry = await t.call('notes.addEntry', { consultationId: a.id, text: 'belongs to a' });
    await expectRejected(t, 'notes.removeEntry', { consultationId: b.id, entryId: entry.id }, 'NOT_FOUND', 'entryId');
  });

  it.each([
    [{ text: '' }, 'text'],
    [{ text: '   ' }, 'text'],
    [{ text: 'x'.repeat(2001) }, 'text'],
    [{ text: 'two\nlines' }, 'text'],
    [{}, 'text'],
  ])('rejects %j naming %s, writing nothing', async (input, field) => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await expectRejected(t, 'notes.addEntry', { consultationId: draft.id, ...input }, 'VALIDATION', field);
  });
});

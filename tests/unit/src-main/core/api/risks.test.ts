import { describe, expect, it } from 'vitest';
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import { slideIndex } from '../../../helpers/slide-index.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { expectRejected, newDraft, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

/** Shows slide `slideId` of the risks deck for `ms` milliseconds. */
async function show(t: TestCore, slideId: string, ms: number): Promise<void> {
  await t.call('presentation.goto', {
    deckId: 'augmentation-risks',
    slideIndex: await slideIndex(t, 'augmentation-risks', slideId),
  });
  t.advance(ms);
}

const byRisk = <T extends { risk: string }>(items: T[]): Record<string, T> =>
  Object.fromEntries(items.map((i) => [i.risk, i]));

describe('risks discussed', () => {
  it('suggests the risks whose slides were shown during this consultation, with the time shown', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('presentation.start', {});
    await show(t, 'risk-cement-leak', 40_000);
    await show(t, 'risk-spinal-canal', 1_000); // flicked past
    await show(t, 'risk-cement-leak', 20_000); // back to cement leak
    await show(t, 'risk-death', 15_000);
    const record = await t.call('consultations.get', { id: draft.id });
    const items = byRisk(record.risks.items);
    expect(items['cement-leak']).toEqual({ risk: 'cement-leak', shownMs: 60_000, suggested: true, confirmed: false });
    expect(items['spinal-canal']).toEqual({ risk: 'spinal-canal', shownMs: 1_000, suggested: false, confirmed: false });
    // Still on screen: the running view counts up to now.
    expect(items['death']).toMatchObject({ shownMs: 15_000, suggested: true });
    expect(items['lung-embolism']).toMatchObject({ shownMs: null, suggested: false });
    expect(record.risks.reviewedAt).toBeNull();
    expect(record.slidesShown.find((s) => s.slideId === 'risk-cement-leak')).toMatchObject({
      views: 2,
      totalMs: 60_000,
    });
  });

  it('does not count slides shown before the consultation, to another consultation, or on a black screen', async () => {
    const t = await recordsCore();
    await t.call('presentation.start', {});
    await show(t, 'risk-cement-leak', 10_000);
    const other = await newDraft(t);
    await show(t, 'risk-lung-embolism', 10_000); // for the other consultation
    const draft = await newDraft(t, other.patient.id);
    await t.call('presentation.setBlank', { blank: 'black' });
    await show(t, 'risk-infection-bleeding', 10_000); // on a black screen: not seen
    const items = byRisk((await t.call('consultations.get', { id: draft.id })).risks.items);
    expect(Object.values(items).every((i) => i.shownMs === null)).toBe(true);
    const otherItems = byRisk((await t.call('consultations.get', { id: other.id })).risks.items);
    expect(otherItems['lung-embolism']).toMatchObject({ shownMs: 10_000 });
    expect(otherItems['cement-leak']).toMatchObject({ shownMs: null });
  });

  it('keeps what the doctor confirmed next to what was shown, frozen when finalized', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('presentation.start', {});
    await show(t, 'risk-cement-leak', 30_000);
    await show(t, 'risks-overview', 0);
    const confirmed = await t.call('consultations.confirmRisks', {
      id: draft.id,
      risks: { confirmed: ['death', 'cement-leak', 'other'], otherText: 'Allergy to contrast' },
      baseRevision: await base(t, draft.id, 'risks'),
    });
    expect(confirmed.risks.reviewedAt).toBe(t.now().toISOString());
    expect(confirmed.risks.otherText).toBe('Allergy to contrast');
    const items = byRisk(confirmed.risks.items);
    expect(items['cement-leak']).toMatchObject({ shownMs: 30_000, confirmed: true });
    expect(items['death']).toMatchObject({ shownMs: null, confirmed: true });
    expect(items['spinal-canal']).toMatchObject({ confirmed: false });

    await show(t, 'risk-spinal-canal', 8_000); // shown after confirming: still counted until signing
    const signed = await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
    expect(byRisk(signed.risks.items)['spinal-canal']).toMatchObject({
      shownMs: 8_000,
      suggested: true,
      confirmed: false,
    });

    await show(t, 'risk-lung-embolism', 20_000); // after signing: not part of this record
    const later = await t.call('consultations.get', { id: draft.id });
    expect(later.risks).toEqual(signed.risks);
    expect(later.slidesShown).toEqual(signed.slidesShown);
  });

  it('inserted slide_views rows count as well (the log is the source)', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    t.core.services.db
      .prepare(
        `INSERT INTO slide_views (consultation_id, deck_id, slide_id, language, shown_at, duration_ms)
         VALUES (?, 'augmentation-risks', 'risk-anaesthesia', 'en', '2026-11-23T09:00:00.000Z', 4000),
                (?, 'some-other-deck', 'risk-death', 'en', '2026-11-23T09:00:00.000Z', 9000)`,
      )
      .run(draft.id, draft.id);
    const items = byRisk((await t.call('consultations.get', { id: draft.id })).risks.items);
    expect(items['anaesthesia']).toMatchObject({ shownMs: 4000, suggested: true });
    expect(items['death']).toMatchObject({ shownMs: null });
  });

  it.each([
    [{ confirmed: ['bleeding'], otherText: '' }, 'risks.confirmed.0'],
    [{ confirmed: ['death', 'death'], otherText: '' }, 'risks.confirmed.1'],
    [{ confirmed: ['other'], otherText: '' }, 'risks.otherText'],
    [{ confirmed: [] }, 'risks.otherText'],
  ])('rejects %j naming %s, writing nothing', async (risks, field) => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await expectRejected(
      t,
      'consultations.confirmRisks',
      { id: draft.id, risks, baseRevision: await base(t, draft.id, 'risks') },
      'VALIDATION',
      field,
    );
  });
});

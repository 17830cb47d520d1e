/**
 * The consultation owns the presentation: a new consultation starts on a calm
 * welcome with a fresh timer and log, its saved levels reach the patient's
 * spine at once, and closing or signing returns the patient screen to idle.
 * Every record or settings change is announced to the doctor windows.
 */
import { describe, expect, it } from 'vitest';
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import type { PresentationState } from '../../../../../src-shared/contract/index.js';
import { emptyDecision, emptyFindings, newDraft, newPatient, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

const lastState = (t: Awaited<ReturnType<typeof recordsCore>>): PresentationState => t.core.services.presentation.state;

describe('the consultation owns the presentation', () => {
  it("starts the next patient on a welcome, not on the previous patient's last slide, with a fresh log", async () => {
    const t = await recordsCore();
    const first = await newDraft(t);
    await t.call('presentation.start', {});
    const risks = lastState(t).playlist.indexOf('augmentation-risks');
    expect(risks).toBeGreaterThanOrEqual(0);
    await t.call('presentation.goto', { deckId: 'augmentation-risks', slideIndex: 2 });
    await t.call('presentation.addStroke', { stroke: { colour: 'red', points: [[0.5, 0.5]] } });
    t.advance(10_000);

    const second = await newDraft(t);
    const state = lastState(t);
    expect(state).toMatchObject({ consultationOpen: true, startedAt: null, strokes: [], pointer: null, blank: 'none' });
    expect(state.position.slideIndex).toBe(0);
    t.advance(10_000);
    // The risk slide's ten seconds stay with the first consultation; the second has seen nothing yet.
    const firstRecord = await t.call('consultations.get', { id: first.id });
    const secondRecord = await t.call('consultations.get', { id: second.id });
    expect(firstRecord.slidesShown.length).toBeGreaterThan(0);
    expect(secondRecord.slidesShown).toEqual([]);
    expect(secondRecord.risks.items.every((r) => !r.suggested)).toBe(true);
  });

  it('returns the patient screen to idle when the consultation is closed or signed', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('presentation.start', {});
    await t.call('consultations.close', { id: draft.id });
    expect(lastState(t)).toMatchObject({ consultationOpen: false, startedAt: null, spine: null });

    const other = await newDraft(t);
    await t.call('presentation.start', {});
    await t.call('consultations.finalize', { id: other.id, acknowledged: [...signWarningIds] });
    expect(lastState(t)).toMatchObject({ consultationOpen: false, startedAt: null, spine: null });
  });

  it('reopening the consultation already open keeps the presentation where it is', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    await t.call('presentation.start', {});
    await t.call('presentation.next', {});
    const before = lastState(t);
    await t.call('consultations.open', { id: draft.id });
    expect(lastState(t).position).toEqual(before.position);
    expect(lastState(t).startedAt).toBe(before.startedAt);
  });

  it("puts the saved fractured levels on the patient's spine at once, marks the planned ones, and clears them", async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    expect(lastState(t).spine).toEqual([]);
    const fracturedLevels = [
      { level: 'L1', grade: 2 },
      { level: 'T12', grade: 3 },
    ] as const;
    await t.call('consultations.updateFindings', {
      id: draft.id,
      findings: { ...emptyFindings, fracturedLevels: [...fracturedLevels] },
      baseRevision: await base(t, draft.id, 'findings'),
    });
    // Top to bottom, as the record keeps them.
    expect(lastState(t).spine).toEqual([
      { level: 'T12', grade: 3, planned: false },
      { level: 'L1', grade: 2, planned: false },
    ]);
    await t.call('consultations.updateDecision', {
      id: draft.id,
      decision: {
        ...emptyDecision,
        path: 'augmentation',
        augmentation: { ...emptyDecision.augmentation, procedure: 'balloon-kyphoplasty', levels: ['L1'] },
      },
      baseRevision: await base(t, draft.id, 'decision'),
    });
    expect(lastState(t).spine).toEqual([
      { level: 'T12', grade: 3, planned: false },
      { level: 'L1', grade: 2, planned: true },
    ]);
    await t.call('consultations.close', { id: draft.id });
    expect(lastState(t).spine).toBeNull();
  });

  it('puts no patient identity into anything the patient screen receives', async () => {
    const t = await recordsCore();
    const patient = await newPatient(t, { displayName: 'Zelda Quist', hospitalNumber: 'HN-777' });
    await newDraft(t, patient.id);
    const toPatient = JSON.stringify(
      t.pushes.filter((p) => p.event === 'presentation.changed' || p.event === 'sync.heartbeat'),
    );
    expect(toPatient).not.toContain('Zelda');
    expect(toPatient).not.toContain('HN-777');
    expect(toPatient).not.toContain(patient.id);
  });
});

describe('record and settings changes are announced', () => {
  it('pushes consultations.changed after each record write, with a growing revision and nothing of the record', async () => {
    const t = await recordsCore();
    const draft = await newDraft(t);
    const before = t.pushes.filter((p) => p.event === 'consultations.changed').length;
    await t.call('notes.save', {
      consultationId: draft.id,
      body: 'private words',
      baseRevision: await base(t, draft.id, 'notes'),
    });
    await t.call('consultations.get', { id: draft.id });
    const changes = t.pushes.filter((p) => p.event === 'consultations.changed');
    expect(changes.length).toBe(before + 1);
    const revisions = changes.map((p) => (p.payload as { revision: number }).revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(JSON.stringify(changes)).not.toContain('private words');
    expect(t.core.services.changes.heartbeat().record).toBe(revisions.at(-1));
  });

  it('announces a failed write as nothing', async () => {
    const t = await recordsCore();
    const before = t.pushes.length;
    const result = await t.raw('notes.save', {
      consultationId: crypto.randomUUID(),
      body: 'x',
      baseRevision: 0,
    });
    expect(result.ok).toBe(false);
    expect(t.pushes.slice(before).filter((p) => p.event === 'consultations.changed')).toEqual([]);
  });

  it('pushes settings.changed with the new settings', async () => {
    const t = await recordsCore();
    await t.call('settings.update', { idleLockMinutes: 12 });
    const last = t.pushes.filter((p) => p.event === 'settings.changed').at(-1);
    expect(last?.payload).toMatchObject({ settings: { idleLockMinutes: 12 } });
  });
});

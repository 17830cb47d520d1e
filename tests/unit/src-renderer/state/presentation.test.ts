/**
 * The presentation model in a window: it applies a state only when it is newer (a later revision, or a core
 * that restarted), takes a snapshot whenever its channel opens, and catches up when a heartbeat shows core ahead.
 */
import { describe, expect, it } from 'vitest';
import type { Deck, PresentationState } from '../../../../src-shared/contract/index.js';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import { fakeTransport, settle } from '../../helpers/fake-transport.js';
import { PresentationModel } from '../../../../src-renderer/state/presentation.svelte.js';

function state(revision: number, epoch = 'run-1', slideIndex = 0): PresentationState {
  return {
    epoch,
    revision,
    consultationOpen: false,
    playlist: [],
    language: 'en',
    position: { deckId: null, slideIndex, fragment: 0 },
    blank: 'none',
    spine: null,
    strokes: [],
    pointer: null,
    startedAt: null,
    next: null,
    progress: null,
  };
}

/** Core answers `presentation.get` with `current`; it can push and (re)connect. */
function fakeCore() {
  const core = {
    current: state(1),
    get gets() {
      return fake.calls.filter((name) => name === 'presentation.get').length;
    },
  };
  const fake = fakeTransport((name) => {
    if (name !== 'presentation.get') throw new Error(name);
    return core.current;
  });
  return Object.assign(core, { transport: fake.transport, push: fake.push, connect: fake.connect });
}

describe('PresentationModel', () => {
  it('never applies an older revision over a newer one', async () => {
    const fake = fakeCore();
    const model = new PresentationModel(new ApiClient(fake.transport));
    await model.connect();
    await model.apply(state(5, 'run-1', 4));
    await model.apply(state(3, 'run-1', 2));
    expect(model.state?.revision).toBe(5);
    expect(model.state?.position.slideIndex).toBe(4);
  });

  it('takes the state of a restarted core (another epoch) even with a lower revision', async () => {
    const fake = fakeCore();
    const model = new PresentationModel(new ApiClient(fake.transport));
    await model.connect();
    await model.apply(state(40, 'run-1'));
    await model.apply(state(2, 'run-2', 1));
    expect(model.state).toMatchObject({ epoch: 'run-2', revision: 2 });
  });

  it('fetches a snapshot each time the channel opens, the first time included', async () => {
    const fake = fakeCore();
    const model = new PresentationModel(new ApiClient(fake.transport));
    await model.connect();
    const before = fake.gets;
    fake.current = state(9, 'run-1', 3);
    fake.connect();
    await settle();
    expect(fake.gets).toBe(before + 1);
    expect(model.state?.revision).toBe(9);
  });

  it('catches up when a heartbeat shows core ahead, and not when it is level', async () => {
    const fake = fakeCore();
    const model = new PresentationModel(new ApiClient(fake.transport));
    await model.connect();
    const level = fake.gets;
    fake.push('sync.heartbeat', { epoch: 'run-1', presentation: 1, record: 0, settings: 0 });
    await settle();
    expect(fake.gets).toBe(level);
    // A push was lost: core is at 7, the window at 1.
    fake.current = state(7, 'run-1', 6);
    fake.push('sync.heartbeat', { epoch: 'run-1', presentation: 7, record: 0, settings: 0 });
    await settle();
    expect(model.state?.position.slideIndex).toBe(6);
  });

  it('draws laser moves and pen points from deltas on the state they belong to, and drops a gap', async () => {
    const fake = fakeCore();
    const model = new PresentationModel(new ApiClient(fake.transport));
    await model.connect();
    fake.push('presentation.marks', { epoch: 'run-1', revision: 1, pointer: [0.3, 0.4] });
    expect(model.pointer).toEqual([0.3, 0.4]);
    // A delta of another revision belongs to a state this window does not show.
    fake.push('presentation.marks', { epoch: 'run-1', revision: 2, pointer: [0.9, 0.9] });
    expect(model.pointer).toEqual([0.3, 0.4]);
    const ink = (from: number, points: [number, number][]) => ({
      epoch: 'run-1',
      revision: 1,
      ink: { colour: 'red', from, points },
    });
    fake.push('presentation.marks', ink(0, [[0.1, 0.1]]));
    fake.push(
      'presentation.marks',
      ink(1, [
        [0.2, 0.2],
        [0.3, 0.3],
      ]),
    );
    expect(model.live?.points).toHaveLength(3);
    // A lost delta (points 3–4): what follows cannot be placed, so it is not drawn wrongly.
    fake.push('presentation.marks', ink(5, [[0.6, 0.6]]));
    expect(model.live?.points).toHaveLength(3);
    // The full state at pen up replaces the live stroke.
    await model.apply({ ...state(2), strokes: [{ colour: 'red', points: [[0.1, 0.1]] }] });
    expect(model.live).toBeNull();
  });

  it('shows a state that is not presenting before its decks have come (a quick cold start), and the decks follow', async () => {
    const held: (() => void)[] = [];
    const deck = (id: string): Deck => ({ id, language: 'en', title: id, kind: 'markdown', assetBase: '', slides: [] });
    const idle = { ...state(1), playlist: ['osteoporosis', 'kyphoplasty'] };
    const fake = fakeTransport((name, input) => {
      if (name === 'presentation.get') return idle;
      const { id } = input as { id: string };
      return new Promise<Deck>((resolve) => held.push(() => resolve(deck(id))));
    });
    const model = new PresentationModel(new ApiClient(fake.transport));
    await model.connect();
    // The idle page shows at once, while core is still rendering the decks.
    expect(model.state?.revision).toBe(1);
    expect(model.decks).toEqual([]);
    await settle();
    for (const release of held.splice(0)) release();
    await settle();
    expect(model.decks.map((d) => d.id)).toEqual(['osteoporosis', 'kyphoplasty']);
  });

  it('applies a presenting state only with its decks, so a slide never shows without its deck', async () => {
    const held: (() => void)[] = [];
    const deck = (id: string): Deck => ({ id, language: 'en', title: id, kind: 'markdown', assetBase: '', slides: [] });
    const fake = fakeTransport((name, input) => {
      if (name === 'presentation.get') return state(1);
      const { id } = input as { id: string };
      return new Promise<Deck>((resolve) => held.push(() => resolve(deck(id))));
    });
    const model = new PresentationModel(new ApiClient(fake.transport));
    await model.connect();
    const presenting: PresentationState = {
      ...state(2),
      playlist: ['kyphoplasty'],
      startedAt: '2026-11-28T10:00:00.000Z',
      position: { deckId: 'kyphoplasty', slideIndex: 0, fragment: 0 },
    };
    const applied = model.apply(presenting);
    await settle();
    expect(model.state?.revision).toBe(1);
    for (const release of held.splice(0)) release();
    await applied;
    expect(model.state?.revision).toBe(2);
    expect(model.deck?.id).toBe('kyphoplasty');
  });
});

/**
 * The host renders the playlist's decks while the windows' browser starts (host/warm-up.ts): never before
 * the host has printed its addresses (the call returns at once), one deck per turn of the event loop (a
 * window's request is not held behind the whole playlist), every playlist deck, and what a window
 * then gets is the same deck it would have got without the warm-up.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warmPlaylistDecks } from '../../../../src-main/host/warm-up.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let test: TestCore | null = null;
afterEach(() => test?.close());

describe('warmPlaylistDecks', () => {
  it('renders every playlist deck, starting only after it returned and going one deck per turn', async () => {
    test = makeTestCore();
    const { library, presentation } = test.core.services;
    const { playlist, language } = presentation.state;
    expect(playlist.length).toBeGreaterThan(2);
    const rendered = vi.spyOn(library, 'get');
    const asked = (): Set<string> => new Set(rendered.mock.calls.map(([id]) => id));

    warmPlaylistDecks(test.core.services);
    expect(rendered).not.toHaveBeenCalled();
    await turn();
    // The first turn reads the state (which renders the deck shown) and one playlist deck, not all of them.
    expect(asked().size).toBeLessThan(playlist.length);
    for (let i = 0; i < playlist.length + 2; i += 1) await turn();
    expect([...asked()].sort()).toEqual([...playlist].sort());
    for (const [, inLanguage, options] of rendered.mock.calls) {
      expect(inLanguage).toBe(language);
      expect(options).toEqual({ withNotes: false });
    }
  });

  it('leaves the decks a window gets exactly as without the warm-up', async () => {
    const cold = makeTestCore();
    const id = cold.core.services.presentation.state.playlist[0] as string;
    const expected = await cold.call('decks.get', { id, language: 'en' }, 'patient');
    cold.close();

    test = makeTestCore();
    warmPlaylistDecks(test.core.services);
    for (let i = 0; i < 20; i += 1) await turn();
    expect(await test.call('decks.get', { id, language: 'en' }, 'patient')).toEqual(expected);
  });
});

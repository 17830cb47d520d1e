/**
 * Start-up work done while the windows' browser starts. Between the host printing its two addresses and
 * the windows' first calls there is a quiet stretch of several hundred milliseconds (Chromium launching,
 * its pages opening); the playlist's decks are rendered then, so the windows' first `decks.get` find them
 * in the library's cache instead of both windows waiting on Markdown rendering. One deck per turn of the
 * event loop, so a request arriving meanwhile waits for one deck at most.
 */
import type { Language } from '../../src-shared/contract/index.js';
import type { Services } from '../core/context.js';

export function warmPlaylistDecks(services: Pick<Services, 'library' | 'presentation'>): void {
  let queue: string[] | null = null;
  let language: Language = 'en';
  const next = (): void => {
    if (queue === null) {
      // Read on the first turn, not before returning: reading the state already renders the current deck.
      const state = services.presentation.state;
      queue = [...state.playlist];
      language = state.language;
    }
    const id = queue.shift();
    if (id === undefined) return;
    try {
      services.library.get(id, language, { withNotes: false });
    } catch {
      // A deck that fails here fails again, with its message, when a window asks for it.
    }
    setImmediate(next);
  };
  setImmediate(next);
}

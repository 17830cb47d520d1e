/**
 * Where a slide sits in a bundled deck, by its id. Tests name the slide they show rather than its position, so
 * adding a slide to a deck (a title slide, a new risk) does not silently move them onto another one.
 */
import type { TestCore } from './test-core.js';

export async function slideIndex(t: TestCore, deckId: string, slideId: string): Promise<number> {
  const deck = await t.call('decks.get', { id: deckId, language: 'en' });
  const index = deck.slides.findIndex((slide) => slide.id === slideId);
  if (index < 0) throw new Error(`deck ${deckId} has no slide ${slideId}`);
  return index;
}

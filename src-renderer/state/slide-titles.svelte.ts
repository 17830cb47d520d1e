/**
 * Slide titles for the record: quick entries and "slides shown" name the
 * slide the physician saw ("Risks: Cement leak"), never its ids. Decks are
 * fetched once per deck and language, on first need; the title of a slide is
 * its first heading, or "slide N" when it has none (PDF decks).
 */
import type { Deck, Language } from '../../src-shared/contract/index.js';
import { t } from './i18n.svelte.js';
import type { ApiClient } from '../api/client.js';

interface DeckTitles {
  title: string;
  slides: Record<string, string>;
}

export function slideHeading(html: string, index: number): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const heading = doc.querySelector('h1, h2, h3')?.textContent?.replace(/\s+/g, ' ').trim();
  return heading || `slide ${index + 1}`;
}

function titlesOf(deck: Deck): DeckTitles {
  const slides: Record<string, string> = {};
  deck.slides.forEach((slide, index) => (slides[slide.id] = slideHeading(slide.html, index)));
  return { title: deck.title, slides };
}

export class SlideTitles {
  readonly #client: ApiClient;
  #decks = $state<Record<string, DeckTitles | 'missing'>>({});
  /** Not state: asked for during rendering, where state must not change. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- deliberately not reactive (see above)
  readonly #requested = new Set<string>();

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** "Deck title: slide heading"; a neutral word while the deck loads or when it is gone. */
  label(deckId: string, slideId: string, language: Language): string {
    const key = `${deckId}\u0000${language}`;
    const deck = this.#decks[key];
    if (deck === undefined && !this.#requested.has(key)) {
      this.#requested.add(key);
      queueMicrotask(() => this.#load(key, deckId, language));
    }
    if (deck === undefined) return t('slides.aSlide');
    if (deck === 'missing') return t('slides.notInLibrary');
    return `${deck.title}: ${deck.slides[slideId] ?? t('slides.notInDeck')}`;
  }

  #load(key: string, id: string, language: Language): void {
    this.#client
      .call('decks.get', { id, language })
      .then((deck) => (this.#decks[key] = titlesOf(deck)))
      .catch(() => (this.#decks[key] = 'missing'));
  }
}

const instances = new WeakMap<ApiClient, SlideTitles>();

/** One cache per window's client. */
export function slideTitlesFor(client: ApiClient): SlideTitles {
  let titles = instances.get(client);
  if (!titles) {
    titles = new SlideTitles(client);
    instances.set(client, titles);
  }
  return titles;
}

/**
 * The presentation as a window sees it: core's state (pushed on every change)
 * plus the current deck in the current language. Windows never change it on
 * their own; they ask core and wait for the push.
 */
import type { Deck, PresentationState, Slide } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';

export class PresentationModel {
  state = $state<PresentationState | null>(null);
  deck = $state<Deck | null>(null);
  error = $state<string | null>(null);
  readonly #client: ApiClient;
  // A cache of pending loads, not UI state: no reactivity wanted.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #decks = new Map<string, Promise<Deck>>();

  constructor(client: ApiClient) {
    this.#client = client;
  }

  readonly slide: Slide | null = $derived.by(() => {
    const position = this.state?.position;
    if (!position || !this.deck || this.deck.id !== position.deckId) return null;
    return this.deck.slides[position.slideIndex] ?? null;
  });

  async connect(): Promise<void> {
    this.#client.on('presentation.changed', (state) => void this.apply(state));
    this.#client.onReconnect(() => void this.refresh());
    await this.refresh();
  }

  async refresh(): Promise<void> {
    await this.apply(await this.#client.call('presentation.get', {}), true);
  }

  /** Applies a pushed state unless an equal or newer one is already shown. */
  async apply(next: PresentationState, force = false): Promise<void> {
    if (!force && this.state && next.revision <= this.state.revision) return;
    const { deckId } = next.position;
    if (deckId !== null) {
      try {
        const deck = await this.loadDeck(deckId, next.language);
        if (this.state && !force && next.revision < this.state.revision) return;
        this.deck = deck;
      } catch (error) {
        this.error = (error as Error).message;
      }
    }
    this.state = next;
  }

  loadDeck(id: string, language: PresentationState['language']): Promise<Deck> {
    const key = `${id}/${language}`;
    let deck = this.#decks.get(key);
    if (!deck) {
      deck = this.#client.call('decks.get', { id, language });
      deck.catch(() => this.#decks.delete(key));
      this.#decks.set(key, deck);
    }
    return deck;
  }

  forgetDecks(): void {
    this.#decks.clear();
  }
}

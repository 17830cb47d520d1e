/**
 * The presentation as a window sees it: core's state (pushed on every change)
 * plus the playlist's decks in the current language, all loaded up front so a
 * change of deck is as quick as a change of slide. Windows never change the
 * state on their own; they ask core and wait for the push.
 */
import type { Deck, PresentationState, Slide } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';

export class PresentationModel {
  state = $state<PresentationState | null>(null);
  /** The playlist's decks in the current language, in playlist order. */
  decks = $state<Deck[]>([]);
  error = $state<string | null>(null);
  readonly #client: ApiClient;
  // A cache of pending loads, not UI state: no reactivity wanted.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #loads = new Map<string, Promise<Deck>>();

  constructor(client: ApiClient) {
    this.#client = client;
  }

  readonly deck: Deck | null = $derived(this.decks.find((d) => d.id === this.state?.position.deckId) ?? null);

  readonly slide: Slide | null = $derived.by(() => {
    const position = this.state?.position;
    if (!position || !this.deck) return null;
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
    const current = this.decks;
    const same =
      current.length === next.playlist.length &&
      current.every((d, i) => d.id === next.playlist[i] && d.language === next.language);
    if (!same) {
      try {
        const decks = await Promise.all(next.playlist.map((id) => this.loadDeck(id, next.language)));
        if (this.state && !force && next.revision < this.state.revision) return;
        this.decks = decks;
      } catch (error) {
        this.error = (error as Error).message;
      }
    }
    this.state = next;
  }

  loadDeck(id: string, language: PresentationState['language']): Promise<Deck> {
    const key = `${id}/${language}`;
    let deck = this.#loads.get(key);
    if (!deck) {
      deck = this.#client.call('decks.get', { id, language });
      deck.catch(() => this.#loads.delete(key));
      this.#loads.set(key, deck);
    }
    return deck;
  }

  forgetDecks(): void {
    this.#loads.clear();
    this.decks = [];
  }
}

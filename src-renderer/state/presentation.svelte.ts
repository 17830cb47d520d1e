/**
 * The presentation as a window sees it: core's state (pushed on every change)
 * plus the playlist's decks in the current language, all loaded up front so a
 * change of deck is as quick as a change of slide. Windows never change the
 * state on their own; they ask core and wait for the push.
 */
import type { Deck, MarksDelta, PresentationState, Slide, Stroke } from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { whenIdle } from '../shared/lazy.js';

export class PresentationModel {
  // Core's state and the decks are replaced whole, never changed in place: `$state.raw` holds them without
  // Svelte's deep proxies, which cost every read of a deck's slides (part of the console's start, issue 16).
  state = $state.raw<PresentationState | null>(null);
  /** The playlist's decks in the current language, in playlist order. */
  decks = $state.raw<Deck[]>([]);
  error = $state<string | null>(null);
  /** The laser dot: the state's, then each move pushed as a delta until the next full state. */
  pointer = $state.raw<PresentationState['pointer']>(null);
  /** The stroke being drawn now, point by point (gone with the next full state, which keeps it if finished). */
  live = $state<Stroke | null>(null);
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

  /** Core's settings revision last seen in a heartbeat (the patient screen's clinic name follows it). */
  settingsRevision = $state(0);

  async connect(): Promise<void> {
    this.#client.on('presentation.changed', (state) => void this.apply(state));
    this.#client.on('presentation.marks', (delta) => this.mark(delta));
    // A push lost on the way, or a channel that opened late: the heartbeat shows core is ahead.
    this.#client.on('sync.heartbeat', (beat) => {
      const state = this.state;
      if (!state || beat.epoch !== state.epoch || beat.presentation > state.revision) void this.refresh();
      if (beat.settings !== this.settingsRevision) this.settingsRevision = beat.settings;
    });
    this.#client.onConnect(() => void this.refresh());
    await this.refresh();
  }

  /** A full snapshot from core (applied like a push: never over a newer state). */
  async refresh(): Promise<void> {
    try {
      await this.apply(await this.#client.call('presentation.get', {}));
    } catch {
      // Not reachable now: the next connect or heartbeat fetches again.
    }
  }

  /**
   * A laser move or the points just drawn, on top of the full state they belong to; one that does not fit
   * (another revision, a lost delta before it) is dropped: the gesture's end comes as a full state.
   */
  mark(delta: MarksDelta): void {
    const state = this.state;
    if (!state || delta.epoch !== state.epoch || delta.revision !== state.revision) return;
    if (delta.pointer) this.pointer = delta.pointer;
    const ink = delta.ink;
    if (!ink) return;
    if (ink.from === 0) this.live = { colour: ink.colour, points: ink.points };
    else if (this.live && this.live.points.length === ink.from) this.live.points.push(...ink.points);
  }

  /** Another state than the one shown is newer: a later revision, or a restarted core (another epoch). */
  #isNewer(next: PresentationState): boolean {
    const state = this.state;
    return !state || next.epoch !== state.epoch || next.revision > state.revision;
  }

  /** Applies a pushed or fetched state unless the one shown is the same or newer. */
  async apply(next: PresentationState): Promise<void> {
    if (!this.#isNewer(next)) return;
    const current = this.decks;
    const same =
      current.length === next.playlist.length &&
      current.every((d, i) => d.id === next.playlist[i] && d.language === next.language);
    if (!same && next.startedAt === null) {
      // Not presenting: nothing on either screen needs the decks yet (the patient sees the idle page), so the
      // state shows at once and the decks follow once the window is idle; a cold start no longer waits for them.
      this.#show(next);
      whenIdle(() => void this.#loadPlaylist(next));
      return;
    }
    if (!same) {
      try {
        const decks = await Promise.all(next.playlist.map((id) => this.loadDeck(id, next.language)));
        // Decks took a moment: a newer state may have arrived meanwhile.
        if (!this.#isNewer(next)) return;
        this.decks = decks;
      } catch (error) {
        this.error = (error as Error).message;
      }
    }
    if (this.#isNewer(next)) this.#show(next);
  }

  #show(next: PresentationState): void {
    this.state = next;
    this.pointer = next.pointer;
    this.live = null;
  }

  /** The playlist's decks of a state already shown, kept unless another playlist or language came meanwhile. */
  async #loadPlaylist(next: PresentationState): Promise<void> {
    try {
      const decks = await Promise.all(next.playlist.map((id) => this.loadDeck(id, next.language)));
      const shown = this.state;
      const stillWanted =
        shown !== null &&
        shown.language === next.language &&
        shown.playlist.length === next.playlist.length &&
        shown.playlist.every((id, i) => id === next.playlist[i]);
      if (stillWanted) this.decks = decks;
    } catch (error) {
      this.error = (error as Error).message;
    }
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

  /** Decks changed on disk: drop them, and take the next snapshot whatever its revision. */
  forgetDecks(): void {
    this.#loads.clear();
    this.decks = [];
    this.state = null;
    this.pointer = null;
  }
}

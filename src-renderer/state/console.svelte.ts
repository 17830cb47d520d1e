/**
 * The doctor console's presenting controls: keys, "number then Enter",
 * preview mode (look ahead without changing the patient screen), drawing.
 */
import {
  INK_DELTA_POINTS,
  languageSchema,
  type CallInput,
  type CallName,
  type Deck,
  type DeckProblem,
  type DeckSummary,
  type Slide,
  type Stroke,
} from '../../src-shared/contract/index.js';
import type { ApiClient } from '../api/client.js';
import { actionForKey, isTextField, type KeyAction } from './keyboard.js';
import { PresentationModel } from './presentation.svelte.js';

export type Tool = 'none' | 'laser' | 'pen' | 'eraser';

export class ConsoleModel {
  readonly presentation: PresentationModel;
  // Replaced whole from core's answers (no deep proxies; see PresentationModel).
  decks = $state.raw<DeckSummary[]>([]);
  problems = $state.raw<DeckProblem[]>([]);
  userDecksFolder = $state('');
  pendingNumber = $state('');
  preview = $state.raw<{ deck: Deck; slideIndex: number } | null>(null);
  tool = $state<Tool>('none');
  colour = $state<Stroke['colour']>('red');
  message = $state<string | null>(null);
  readonly #client: ApiClient;
  #drawing: [number, number][] | null = null;

  get client(): ApiClient {
    return this.#client;
  }

  constructor(client: ApiClient) {
    this.#client = client;
    this.presentation = new PresentationModel(client);
  }

  /** Core's next step (a build on this slide, the next slide or the next deck's first), as a slide to preview. */
  readonly nextStep = $derived.by(() => {
    const state = this.presentation.state;
    const next = state?.next;
    if (!state || !next) return null;
    const deck = this.presentation.decks.find((d) => d.id === next.deckId);
    const slide = deck?.slides[next.slideIndex];
    if (!deck || !slide) return null;
    const build = next.deckId === state.position.deckId && next.slideIndex === state.position.slideIndex;
    return { slide, deck, fragment: next.fragment, build };
  });

  async connect(): Promise<void> {
    // Side by side: the playlist panel's deck list need not wait for the presentation's decks.
    await Promise.all([this.presentation.connect(), this.loadDecks(false)]);
  }

  async loadDecks(reload: boolean): Promise<void> {
    const listing = await this.#client.call(reload ? 'decks.reload' : 'decks.list', {});
    this.decks = listing.decks;
    this.problems = listing.problems;
    this.userDecksFolder = listing.userDecksFolder;
    if (reload) {
      this.presentation.forgetDecks();
      await this.presentation.refresh();
    }
  }

  async run(action: KeyAction): Promise<void> {
    const state = this.presentation.state;
    const deckId = state?.position.deckId;
    // A typed slide number only counts when Enter follows it directly.
    if (action.kind !== 'digit') this.pendingNumber = '';
    switch (action.kind) {
      case 'digit':
        this.pendingNumber = action.digits;
        return;
      case 'goto':
        if (deckId) await this.call('presentation.goto', { deckId, slideIndex: Math.max(0, action.slideNumber - 1) });
        return;
      case 'next':
        return this.call('presentation.next', {});
      case 'prev':
        return this.call('presentation.prev', {});
      case 'first':
        if (deckId) await this.call('presentation.goto', { deckId, slideIndex: 0 });
        return;
      case 'last':
        if (deckId) await this.call('presentation.goto', { deckId, slideIndex: 'last' });
        return;
      case 'black':
        return this.call('presentation.setBlank', { blank: state?.blank === 'black' ? 'none' : 'black' });
      case 'white':
        return this.call('presentation.setBlank', { blank: state?.blank === 'white' ? 'none' : 'white' });
      case 'escape':
        this.preview = null;
        this.pendingNumber = '';
        this.tool = 'none';
        return;
      case 'start':
        return this.call('presentation.start', {});
    }
  }

  handleKey(event: KeyboardEvent): void {
    const action = actionForKey(
      {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inTextField: isTextField(event.target),
      },
      this.pendingNumber,
    );
    if (!action) return;
    event.preventDefault();
    void this.run(action);
  }

  /** A presenting call whose failure is shown in the console rather than thrown. */
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<void> {
    try {
      this.message = null;
      await this.#client.call(name, input);
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  /** The patient's slide language, from a select's value (checked, never cast). */
  async setLanguage(value: string): Promise<void> {
    const language = languageSchema.safeParse(value);
    if (language.success) await this.call('presentation.setLanguage', { language: language.data });
  }

  async showPreview(deckId: string, slideIndex: number): Promise<void> {
    const language = this.presentation.state?.language ?? 'en';
    const deck = await this.presentation.loadDeck(deckId, language);
    this.preview = { deck, slideIndex };
  }

  get previewSlide(): Slide | null {
    return this.preview ? (this.preview.deck.slides[this.preview.slideIndex] ?? null) : null;
  }

  async sendPreview(): Promise<void> {
    if (!this.preview) return;
    const { deck, slideIndex } = this.preview;
    this.preview = null;
    await this.call('presentation.goto', { deckId: deck.id, slideIndex });
  }

  pointer(kind: 'down' | 'move' | 'up' | 'leave', x: number, y: number): void {
    if (this.tool === 'laser') {
      if (kind === 'leave') {
        this.#laser.clear();
        void this.call('presentation.setPointer', { pointer: null });
      } else this.#laser.send([x, y]);
    } else if (this.tool === 'pen') {
      if (kind === 'down') {
        this.#drawing = [[x, y]];
        this.#ink.start([x, y]);
      } else if (kind === 'move' && this.#drawing) {
        if (this.#drawing.length < MAX_STROKE_POINTS) {
          this.#drawing.push([x, y]);
          this.#ink.add([x, y]);
        }
      } else if ((kind === 'up' || kind === 'leave') && this.#drawing) {
        const points = this.#drawing;
        this.#drawing = null;
        // After the live points: the whole stroke is kept, and the live one gives way to it.
        void this.#ink
          .end()
          .then(() => this.call('presentation.addStroke', { stroke: { colour: this.colour, points } }));
      }
    } else if (this.tool === 'eraser' && kind === 'down') {
      void this.call('presentation.clearStrokes', { scope: 'slide' });
    }
  }

  readonly #laser = new LatestOnly<[number, number]>((pointer) =>
    this.#client.call('presentation.setPointer', { pointer }).then(() => undefined),
  );
  readonly #ink = new InkSender((start, points) =>
    this.#client.call('presentation.ink', { colour: this.colour, start, points }).then(() => undefined),
  );
}

/** Longest stroke kept (the contract's limit). */
const MAX_STROKE_POINTS = 2000;

/** Sends the latest value, one call at a time: moves made while one is on its way collapse into the newest. */
class LatestOnly<T> {
  readonly #send: (value: T) => Promise<void>;
  #next: T | null = null;
  #busy = false;
  constructor(send: (value: T) => Promise<void>) {
    this.#send = send;
  }
  send(value: T): void {
    this.#next = value;
    if (!this.#busy) void this.#drain();
  }
  clear(): void {
    this.#next = null;
  }
  async #drain(): Promise<void> {
    this.#busy = true;
    while (this.#next !== null) {
      const value = this.#next;
      this.#next = null;
      await this.#send(value).catch(() => undefined);
    }
    this.#busy = false;
  }
}

/** Pen points as small deltas, one call at a time: points drawn meanwhile go together in the next one. */
class InkSender {
  readonly #send: (start: boolean, points: [number, number][]) => Promise<void>;
  #pending: [number, number][] = [];
  #start = false;
  #chain: Promise<void> = Promise.resolve();
  #busy = false;
  constructor(send: (start: boolean, points: [number, number][]) => Promise<void>) {
    this.#send = send;
  }
  start(point: [number, number]): void {
    this.#pending = [point];
    this.#start = true;
    this.#kick();
  }
  add(point: [number, number]): void {
    this.#pending.push(point);
    this.#kick();
  }
  /** Resolves once every point drawn so far has been sent. */
  end(): Promise<void> {
    this.#kick();
    return this.#chain;
  }
  #kick(): void {
    if (this.#busy) return;
    this.#busy = true;
    this.#chain = (async () => {
      while (this.#pending.length > 0) {
        const points = this.#pending.splice(0, INK_DELTA_POINTS);
        const start = this.#start;
        this.#start = false;
        await this.#send(start, points).catch(() => undefined);
      }
      this.#busy = false;
    })();
  }
}

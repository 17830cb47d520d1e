/**
 * The presentation state, owned by core. Every change bumps the revision,
 * updates the slide-view log and is pushed to every window.
 */
import { randomUUID } from 'node:crypto';
import type {
  MarksDelta,
  Language,
  PatientSpineLevel,
  Position,
  PresentationState,
  Progress,
  Stroke,
} from '../../../src-shared/contract/index.js';
import type { DeckLibrary } from '../decks/library.js';
import { describeNext, firstPosition, gotoPosition, nextPosition, prevPosition, type DeckShape } from './navigation.js';
import type { SlideViewLog } from './slide-views.js';

/** The consultation's usual order: the condition, the options, their risks, the decision aid, after treatment. */
export const DEFAULT_PLAYLIST = [
  'osteoporosis',
  'vertebral-fracture',
  'conservative-care',
  'kyphoplasty',
  'augmentation-risks',
  'decision-aid',
  'after-treatment',
];

export interface PresentationStoreOptions {
  library: DeckLibrary;
  views: SlideViewLog;
  clock: () => Date;
  onChange: (state: PresentationState) => void;
  /** A laser move or the points just drawn, between two full states (see `marksDeltaSchema`). */
  onMarks?: (delta: MarksDelta) => void;
}

export class PresentationStore {
  readonly #library: DeckLibrary;
  readonly #views: SlideViewLog;
  readonly #clock: () => Date;
  readonly #onChange: (state: PresentationState) => void;
  readonly #onMarks: (delta: MarksDelta) => void;
  /** Points of the stroke being drawn on the current slide (shown live; kept by addStroke at pen up). */
  #ink = 0;
  /** Marks per slide (deck + slide id), kept when the slide comes back. */
  readonly #marks = new Map<string, Stroke[]>();
  #state: PresentationState;
  /** The first "next" preview is computed on the first read (see the constructor). */
  #nextPending = true;

  constructor(options: PresentationStoreOptions) {
    this.#library = options.library;
    this.#views = options.views;
    this.#clock = options.clock;
    this.#onChange = options.onChange;
    this.#onMarks = options.onMarks ?? (() => undefined);
    const listed = this.#library.list().decks;
    const available = new Set(listed.map((d) => d.id));
    const playlist = DEFAULT_PLAYLIST.filter((id) => available.has(id));
    // Start-up renders no deck (that cost most of the host's start): the first position needs only which decks
    // have slides, which the listing (from its cache) says; the "next" preview, which needs the first slide's
    // fragments, is worked out on the first read of the state.
    const slideCounts = new Map(listed.map((d) => [d.id, d.slideCount]));
    const listedShape = (id: string): DeckShape | null =>
      (slideCounts.get(id) ?? 0) > 0 ? new Array<number>(slideCounts.get(id) ?? 0).fill(0) : null;
    const first = firstPosition(playlist, listedShape);
    this.#state = {
      epoch: randomUUID(),
      revision: 0,
      consultationOpen: false,
      playlist,
      language: 'en',
      position: first.deckId === null ? firstPosition(playlist, this.#shapeOf) : first,
      blank: 'none',
      spine: null,
      strokes: [],
      pointer: null,
      startedAt: null,
      next: null,
      progress: null,
    };
    // Worked out as soon as start-up is over (the host is listening, the windows are loading), so the first
    // call does not wait for it either.
    setImmediate(() => this.state).unref();
  }

  get state(): PresentationState {
    if (this.#nextPending) {
      this.#nextPending = false;
      this.#state = { ...this.#state, next: this.nextStep() };
    }
    return this.#state;
  }

  get views(): SlideViewLog {
    return this.#views;
  }

  /** Fragment counts per slide of a deck in the current language. */
  readonly #shapeOf = (deckId: string): DeckShape | null => {
    // Called once before #state exists (the first position), hence the fallback.
    const deck = this.#library.get(deckId, this.#state?.language ?? 'en', { withNotes: false });
    return deck ? deck.slides.map((s) => s.fragments) : null;
  };

  /** The step after the current one, for the console's "next" preview. */
  nextStep(): Position | null {
    return describeNext(this.#state.position, this.#state.playlist, this.#shapeOf);
  }

  start(): PresentationState {
    return this.#update({ startedAt: this.#state.startedAt ?? this.#clock().toISOString(), progress: null });
  }

  stop(): PresentationState {
    return this.#update({ startedAt: null, pointer: null, progress: null });
  }

  /** "Your progress" over the slides (points derived by core, no identifier), or null to take it away. */
  showProgress(progress: Progress | null): PresentationState {
    return this.#update({ progress });
  }

  /** Takes "your progress" away if shown (the doctor moved on); no push when it was not. */
  hideProgress(): void {
    if (this.#state.progress !== null) this.#update({ progress: null });
  }

  next(): PresentationState {
    if (this.#state.startedAt === null) return this.start();
    return this.#move(nextPosition(this.#state.position, this.#state.playlist, this.#shapeOf));
  }

  prev(): PresentationState {
    if (this.#state.startedAt === null) return this.start();
    return this.#move(prevPosition(this.#state.position, this.#state.playlist, this.#shapeOf));
  }

  goto(deckId: string, slideIndex: number | 'last', fragment = 0): PresentationState | null {
    const shape = this.#shapeOf(deckId);
    if (!shape || shape.length === 0) return null;
    return this.#move(gotoPosition(deckId, slideIndex, fragment, shape), true);
  }

  setBlank(blank: PresentationState['blank']): PresentationState {
    return this.#update({ blank });
  }

  setPlaylist(playlist: string[]): PresentationState {
    const unique = [...new Set(playlist)];
    const { deckId } = this.#state.position;
    this.#state = { ...this.#state, playlist: unique };
    const keep = deckId !== null && unique.includes(deckId);
    const position = keep ? this.#state.position : firstPosition(unique, this.#shapeOf);
    return this.#update({ position, strokes: this.#strokesAt(position) });
  }

  /** Same slide id in the other language; falls back to the same index. */
  setLanguage(language: Language): PresentationState {
    const { deckId, slideIndex } = this.#state.position;
    if (deckId === null) return this.#update({ language });
    const before = this.#library.get(deckId, this.#state.language, { withNotes: false });
    const slideId = before?.slides[slideIndex]?.id;
    const after = this.#library.get(deckId, language, { withNotes: false });
    const found = after?.slides.findIndex((s) => s.id === slideId) ?? -1;
    const index = found >= 0 ? found : Math.min(slideIndex, Math.max(0, (after?.slides.length ?? 1) - 1));
    return this.#update({ language, position: { deckId, slideIndex: index, fragment: this.#state.position.fragment } });
  }

  showSpine(levels: PatientSpineLevel[] | null): PresentationState {
    return this.#update({ spine: levels });
  }

  /**
   * A consultation begins (started or opened): the patient sees a calm welcome, not the last
   * patient's slide; the timer starts afresh on F5; marks and pointer are gone.
   */
  beginConsultation(spine: PatientSpineLevel[]): PresentationState {
    this.#marks.clear();
    const position = firstPosition(this.#state.playlist, this.#shapeOf);
    return this.#update({
      consultationOpen: true,
      startedAt: null,
      blank: 'none',
      position,
      strokes: [],
      pointer: null,
      spine,
      progress: null,
    });
  }

  /** The consultation is closed or signed: back to the idle page, nothing of it left on screen. */
  endConsultation(): PresentationState {
    this.#marks.clear();
    return this.#update({
      consultationOpen: false,
      startedAt: null,
      blank: 'none',
      strokes: [],
      pointer: null,
      spine: null,
      progress: null,
    });
  }

  addStroke(stroke: Stroke): PresentationState {
    const key = this.#slideKey(this.#state.position);
    if (key === null) return this.#state;
    const strokes = [...(this.#marks.get(key) ?? []), stroke].slice(-200);
    this.#marks.set(key, strokes);
    return this.#update({ strokes });
  }

  clearStrokes(scope: 'slide' | 'all'): PresentationState {
    if (scope === 'all') this.#marks.clear();
    else {
      const key = this.#slideKey(this.#state.position);
      if (key !== null) this.#marks.delete(key);
    }
    return this.#update({ strokes: [] });
  }

  /** A moving laser is a small delta on the same revision; taking it away is a full state. */
  setPointer(pointer: [number, number] | null): { revision: number } {
    if (pointer === null) return { revision: this.#update({ pointer }).revision };
    this.#state = { ...this.#state, pointer };
    this.#onMarks({ epoch: this.#state.epoch, revision: this.#state.revision, pointer });
    return { revision: this.#state.revision };
  }

  /** Points just drawn, pushed as a delta of the stroke being drawn; addStroke keeps the whole stroke. */
  ink(colour: Stroke['colour'], start: boolean, points: [number, number][]): { revision: number } {
    if (this.#slideKey(this.#state.position) === null) return { revision: this.#state.revision };
    if (start) this.#ink = 0;
    const from = this.#ink;
    this.#ink += points.length;
    this.#onMarks({ epoch: this.#state.epoch, revision: this.#state.revision, ink: { colour, from, points } });
    return { revision: this.#state.revision };
  }

  #move(position: Position, start = false): PresentationState {
    // Moving to a slide shows the slide: "your progress" goes.
    const patch: Partial<PresentationState> = {
      position,
      strokes: this.#strokesAt(position),
      pointer: null,
      progress: null,
    };
    if (start && this.#state.startedAt === null) patch.startedAt = this.#clock().toISOString();
    return this.#update(patch);
  }

  #slideKey(position: Position): string | null {
    if (position.deckId === null) return null;
    const deck = this.#library.get(position.deckId, this.#state.language, { withNotes: false });
    const slideId = deck?.slides[position.slideIndex]?.id;
    return slideId === undefined ? null : `${position.deckId}#${slideId}`;
  }

  #strokesAt(position: Position): Stroke[] {
    const key = this.#slideKey(position);
    return key === null ? [] : (this.#marks.get(key) ?? []);
  }

  #update(patch: Partial<PresentationState>): PresentationState {
    this.#nextPending = false;
    // A full state replaces whatever was drawn live: the stroke is kept (addStroke) or gone with the slide.
    this.#ink = 0;
    this.#state = { ...this.#state, ...patch, revision: this.#state.revision + 1 };
    // The console's "next" preview comes from the same function as `next()` itself, so they never disagree.
    this.#state = { ...this.#state, next: this.nextStep() };
    // Push first: the patient screen should not wait for the log's disk write.
    this.#onChange(this.#state);
    this.#views.show(this.#visibleSlide());
    return this.#state;
  }

  #visibleSlide(): { deckId: string; slideId: string; language: string } | null {
    const { position, blank, startedAt, language } = this.#state;
    if (startedAt === null || blank !== 'none' || position.deckId === null) return null;
    const deck = this.#library.get(position.deckId, language, { withNotes: false });
    const slideId = deck?.slides[position.slideIndex]?.id;
    return slideId === undefined ? null : { deckId: position.deckId, slideId, language: deck?.language ?? language };
  }
}

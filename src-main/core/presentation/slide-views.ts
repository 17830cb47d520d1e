/**
 * The slide-view log: one row per appearance of a slide on the patient
 * screen, with how long it stayed. Black/white screen time is not counted
 * because a blanked screen closes the current row.
 */
import { RISK_SUGGEST_MIN_MS } from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';

export interface VisibleSlide {
  deckId: string;
  slideId: string;
  language: string;
}

export class SlideViewLog {
  readonly #db: Db;
  readonly #clock: () => Date;
  #current: { rowId: number; key: string; since: number } | null = null;
  #consultationId: string | null = null;
  readonly #onCounted: () => void;
  /** One timer: fires when the visible slide has been shown long enough to count as discussed. */
  #counting: NodeJS.Timeout | null = null;

  constructor(db: Db, clock: () => Date, onCounted: () => void = () => undefined) {
    this.#db = db;
    this.#clock = clock;
    this.#onCounted = onCounted;
  }

  /** Views from now on belong to this consultation (null: none open). */
  setConsultation(id: string | null): void {
    if (id === this.#consultationId) return;
    const visible = this.#current;
    this.#close();
    this.#consultationId = id;
    if (visible) this.#reopenSame(visible.key);
  }

  get consultationId(): string | null {
    return this.#consultationId;
  }

  show(slide: VisibleSlide | null): void {
    const key = slide ? `${slide.deckId}\u0000${slide.slideId}\u0000${slide.language}` : null;
    if (key === (this.#current?.key ?? null)) return;
    this.#close();
    if (slide && key) this.#open(slide, key);
  }

  /** Writes the running duration of the visible slide (e.g. before shutdown). */
  flush(): void {
    const current = this.#current;
    if (!current) return;
    this.#db
      .prepare('UPDATE slide_views SET duration_ms = ? WHERE id = ?')
      .run(this.#clock().getTime() - current.since, current.rowId);
  }

  #open(slide: VisibleSlide, key: string): void {
    const now = this.#clock();
    const result = this.#db
      .prepare(
        'INSERT INTO slide_views (consultation_id, deck_id, slide_id, language, shown_at, duration_ms) VALUES (?, ?, ?, ?, ?, 0)',
      )
      .run(this.#consultationId, slide.deckId, slide.slideId, slide.language, now.toISOString());
    this.#current = { rowId: Number(result.lastInsertRowid), key, since: now.getTime() };
    this.#stopCounting();
    if (this.#consultationId === null) return;
    const rowId = this.#current.rowId;
    // Real time, as the patient watches; the duration written is the clock's.
    this.#counting = setTimeout(() => {
      this.#counting = null;
      if (this.#current?.rowId !== rowId) return;
      this.flush();
      this.#onCounted();
    }, RISK_SUGGEST_MIN_MS + 50);
    this.#counting.unref();
  }

  /** No more timers (core is closing). */
  stop(): void {
    this.#stopCounting();
  }

  #stopCounting(): void {
    if (this.#counting) clearTimeout(this.#counting);
    this.#counting = null;
  }

  #reopenSame(key: string): void {
    const [deckId = '', slideId = '', language = ''] = key.split('\u0000');
    this.#open({ deckId, slideId, language }, key);
  }

  #close(): void {
    this.flush();
    this.#stopCounting();
    this.#current = null;
  }
}

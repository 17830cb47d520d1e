/**
 * Saving one section of the record: edits are debounced, one save is in
 * flight at a time and the latest value wins, so nothing typed is lost and
 * nothing arrives out of order.
 *
 * A save core refuses because another window saved the section since (CONFLICT,
 * issue 11 M1) opens a conflict: this window's value and core's are both kept
 * and shown, nothing more is sent until the doctor chooses, and typing on goes
 * into "mine" instead of being sent (the old banner vanished as soon as the
 * doctor typed again, and the next save silently overwrote the other text).
 * "Saved" is only ever shown for a save that landed.
 */
import { CallError } from '../api/client.js';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string; code: string; field?: string };

/** Both versions after a CONFLICT: this window's unsaved value and what core holds at `revision`. */
export interface SaveConflict<T> {
  mine: T;
  /** The section as core holds it now (the record's shape of that section). */
  theirs: unknown;
  revision: number;
}

const RETRY_MS = 5_000;
/** Errors a retry cannot fix. */
const FINAL_ERRORS = new Set(['VALIDATION', 'CONFLICT', 'LOCKED', 'NOT_FOUND', 'FORBIDDEN']);

export function describeError(error: unknown): { code: string; message: string; field?: string } {
  if (error instanceof CallError) return { code: error.code, message: error.message, field: error.field };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** Debounced, single-flight, latest-wins saving of one section. */
export class SaveChannel<T> {
  status = $state<SaveState>({ kind: 'idle' });
  // Raw: both sides are snapshots, replaced whole, never edited in place.
  conflict = $state.raw<SaveConflict<T> | null>(null);
  readonly #send: (value: T) => Promise<string>;
  readonly #delayMs: number;
  #pending = $state.raw<T | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<boolean> = Promise.resolve(true);

  constructor(send: (value: T) => Promise<string>, delayMs: number) {
    this.#send = send;
    this.#delayMs = delayMs;
  }

  /** Something typed here has not landed in core (pending, being saved, or waiting on a conflict). */
  get dirty(): boolean {
    return this.#pending !== null || this.status.kind === 'saving' || this.conflict !== null;
  }

  schedule(value: T): void {
    if (this.conflict) {
      // Held until the doctor chooses: what is typed meanwhile is "mine".
      this.conflict = { ...this.conflict, mine: value };
      return;
    }
    this.#pending = value;
    if (this.status.kind !== 'saving') this.status = { kind: 'pending' };
    // A save at most every delay while typing goes on (not only after a
    // pause), so a crash loses at most about that much typing.
    this.#timer ??= setTimeout(() => void this.flush(), this.#delayMs);
  }

  /** Saves now what is pending; resolves true when everything is saved (false while a conflict is open). */
  flush(): Promise<boolean> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#chain = this.#chain.then(() => this.#drain());
    return this.#chain;
  }

  /**
   * Ends a conflict: `value` is saved (mine, or a merge) — the caller has based the next save on the
   * conflict's revision first — or, with null, this window's edit is dropped (theirs is taken).
   */
  resolve(value: T | null): Promise<boolean> {
    this.conflict = null;
    this.status = { kind: 'idle' };
    if (value === null) {
      this.reset();
      return Promise.resolve(true);
    }
    this.#pending = value;
    this.status = { kind: 'pending' };
    return this.flush();
  }

  /**
   * After a conflict, the doctor keeps this window's version: `rebase` bases the next save on the conflict's
   * revision (the other window's save, now seen), then this window's value is saved over it.
   */
  keepMine(rebase: (revision: number) => void): Promise<boolean> {
    const conflict = this.conflict;
    if (!conflict) return Promise.resolve(true);
    rebase(conflict.revision);
    return this.resolve(conflict.mine);
  }

  /** After a conflict, the doctor takes the other window's version: this window's edit is dropped. */
  takeTheirs(): boolean {
    if (!this.conflict) return false;
    void this.resolve(null);
    return true;
  }

  /** Forgets unsaved edits (the record was closed or reloaded). */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = null;
    this.conflict = null;
    this.status = { kind: 'idle' };
  }

  async #drain(): Promise<boolean> {
    while (this.#pending !== null && this.conflict === null) {
      const value = this.#pending;
      this.#pending = null;
      this.status = { kind: 'saving' };
      try {
        const at = await this.#send(value);
        if (this.#pending === null) this.status = { kind: 'saved', at };
      } catch (error) {
        if (error instanceof CallError && error.code === 'CONFLICT' && error.current) {
          // Whatever was typed while this save was on its way is the newest "mine".
          const mine = this.#pending ?? value;
          this.#pending = null;
          this.conflict = { mine, theirs: error.current.value, revision: error.current.revision };
          this.status = { kind: 'conflict', message: error.message };
          return false;
        }
        const { code, message, field } = describeError(error);
        this.status = { kind: 'error', code, message, field };
        if (!FINAL_ERRORS.has(code)) {
          // Keep the text and try again calmly: the disk or the host may come back.
          this.#pending ??= value;
          this.#timer = setTimeout(() => void this.flush(), RETRY_MS);
        } else if (code === 'LOCKED') {
          // The console was locked (or the record signed) meanwhile: the text is kept, and saved by
          // the flush that follows unlocking.
          this.#pending ??= value;
        }
        return false;
      }
    }
    return this.status.kind !== 'error' && this.conflict === null;
  }
}

/**
 * The console lock as core holds it (issue 11, M7). Core owns the state and pushes it
 * (`session.changed`); this model follows it, fetches it on every connect (so a reload comes
 * back locked), and runs the idle timer with the auto-lock time core announces, so a new time
 * applies at once in every console. Unlocking asks core, which checks the PIN and rate-limits.
 */
import type { SessionState } from '../../src-shared/contract/index.js';
import { CallError, type ApiClient } from '../api/client.js';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export class LockModel {
  /** Locked until core says otherwise: a console never shows records before it knows. */
  locked = $state(true);
  reason = $state<SessionState['reason']>(null);
  pinSet = $state(false);
  /** Known from core: false until the first state arrived. */
  known = $state(false);
  /** Why the last unlock or PIN change failed. */
  error = $state<string | null>(null);
  busy = $state(false);
  readonly #client: ApiClient;
  #minutes = 5;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #unlocked: Array<() => void> = [];
  #beforeLock: () => Promise<unknown> = () => Promise.resolve();

  constructor(client: ApiClient) {
    this.#client = client;
    client.on('session.changed', (state) => this.#apply(state));
    client.onConnect(() => void this.refresh());
  }

  get idleMinutes(): number {
    return this.#minutes;
  }

  /** Watches for activity (the idle timer) and fetches the lock state. */
  async start(): Promise<void> {
    for (const type of ACTIVITY) window.addEventListener(type, () => this.#restart(), { passive: true, capture: true });
    await this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.#apply(await this.#client.call('session.state', {}));
    } catch {
      // The channel is down; the next connect fetches it again.
    }
  }

  /** Runs after each unlock (the console fetches what it could not while locked). */
  onUnlock(listener: () => void): () => void {
    this.#unlocked.push(listener);
    return () => void this.#unlocked.splice(this.#unlocked.indexOf(listener) >>> 0, 1);
  }

  /** Runs before this console locks (saves what is typed: a save after the lock would be refused). */
  beforeLock(action: () => Promise<unknown>): void {
    this.#beforeLock = action;
  }

  async lock(reason: 'idle' | 'manual'): Promise<void> {
    clearTimeout(this.#timer);
    await this.#beforeLock().catch(() => undefined);
    // Hidden at once, before core answers.
    this.locked = true;
    this.reason = reason;
    try {
      this.#apply(await this.#client.call('session.lock', { reason }));
    } catch {
      // Stays locked on screen; core's state arrives with the next connect.
    }
  }

  async unlock(pin?: string): Promise<boolean> {
    return this.#try(async () => this.#apply(await this.#client.call('session.unlock', pin ? { pin } : {})));
  }

  /** Sets, changes or (null) removes the PIN. */
  async setPin(pin: string | null, currentPin?: string): Promise<boolean> {
    return this.#try(async () =>
      this.#apply(await this.#client.call('session.setPin', currentPin ? { pin, currentPin } : { pin })),
    );
  }

  async #try(action: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await action();
      return true;
    } catch (error) {
      this.error = error instanceof CallError || error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  #apply(state: SessionState): void {
    const wasLocked = this.locked && this.known;
    this.known = true;
    this.locked = state.locked;
    this.reason = state.reason;
    this.pinSet = state.pinSet;
    this.#minutes = state.idleMinutes;
    if (state.locked) clearTimeout(this.#timer);
    else this.#restart();
    if (wasLocked && !state.locked) {
      this.error = null;
      for (const listener of this.#unlocked) listener();
    }
  }

  #restart(): void {
    if (this.locked) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.lock('idle'), this.#minutes * 60_000);
  }
}

/**
 * Auto-lock of the doctor console: after the idle time of the settings
 * (default 5 min), on demand, or when the OS locks (Electron). While locked,
 * no record is on screen; unlocking needs a deliberate action.
 */
import type { ApiClient } from '../api/client.js';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

export class LockModel {
  locked = $state(false);
  reason = $state<'idle' | 'manual' | 'os' | null>(null);
  readonly #client: ApiClient;
  #minutes = 5;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  async start(): Promise<void> {
    this.#client.on('session.locked', ({ reason }) => this.#show(reason));
    for (const type of ACTIVITY) window.addEventListener(type, () => this.#restart(), { passive: true, capture: true });
    try {
      this.#minutes = (await this.#client.call('settings.get', {})).idleLockMinutes;
    } catch {
      // Keep the default; the console still locks.
    }
    this.#restart();
  }

  /** Called when the settings change. */
  setMinutes(minutes: number): void {
    this.#minutes = minutes;
    this.#restart();
  }

  async lock(reason: 'idle' | 'manual'): Promise<void> {
    this.#show(reason);
    await this.#client.call('session.lock', { reason });
  }

  unlock(): void {
    this.locked = false;
    this.reason = null;
    this.#restart();
  }

  #show(reason: 'idle' | 'manual' | 'os'): void {
    this.locked = true;
    this.reason = reason;
    clearTimeout(this.#timer);
  }

  #restart(): void {
    if (this.locked) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.lock('idle'), this.#minutes * 60_000);
  }
}

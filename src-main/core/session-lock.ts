/**
 * The console lock, owned by core (issue 11, M7). While locked, `dispatch`
 * refuses every doctor call except those of the lock screen (LOCKED), so a
 * locked console is not only a screen: the API says no too. The state lives
 * in the database (`session_lock`, one row), so a reload or a restart comes
 * back locked. An optional PIN or passphrase is kept as a salted scrypt hash;
 * wrong tries are rate-limited with a growing delay, kept across restarts too.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { SessionState } from '../../src-shared/contract/index.js';
import { ApiError } from '../../src-shared/errors.js';
import type { Db } from './db/open.js';

/** scrypt cost: ~50 ms a try on a laptop, 16 MiB of memory (Node's default maximum is 32 MiB). */
const SCRYPT = { N: 2 ** 14, r: 8, p: 1, keylen: 32 } as const;
/** Wrong tries allowed before a delay starts; then 2 s, doubling each further wrong try, at most 5 min. */
const FREE_TRIES = 3;
const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

export type LockReason = 'idle' | 'manual' | 'os';

interface LockRow {
  locked: number;
  pin_hash: string | null;
  pin_salt: string | null;
  failed_tries: number;
  next_try_at: string | null;
}

function hashPin(pin: string, salt: Buffer): Buffer {
  return scryptSync(pin.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
}

/** The delay after the n-th wrong try in a row (0 while free tries remain). */
export function delayAfter(failedTries: number): number {
  if (failedTries < FREE_TRIES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failedTries - FREE_TRIES));
}

export class SessionLock {
  readonly #db: Db;
  readonly #clock: () => Date;
  /** Why it is locked now (not persisted: after a restart the reason is "manual"). */
  #reason: LockReason | null = null;

  constructor(db: Db, clock: () => Date) {
    this.#db = db;
    this.#clock = clock;
  }

  #row(): LockRow {
    const row = this.#db.prepare('SELECT * FROM session_lock WHERE id = 1').get() as LockRow | undefined;
    if (row) return row;
    this.#db.prepare('INSERT INTO session_lock (id) VALUES (1)').run();
    return { locked: 0, pin_hash: null, pin_salt: null, failed_tries: 0, next_try_at: null };
  }

  get locked(): boolean {
    return this.#row().locked === 1;
  }

  state(idleMinutes: number): SessionState {
    const row = this.#row();
    const locked = row.locked === 1;
    const wait = row.next_try_at ? Date.parse(row.next_try_at) - this.#clock().getTime() : 0;
    return {
      locked,
      reason: locked ? (this.#reason ?? 'manual') : null,
      pinSet: row.pin_hash !== null,
      idleMinutes,
      retryAfterMs: Math.max(0, wait),
    };
  }

  lock(reason: LockReason): boolean {
    const was = this.locked;
    this.#reason = was ? (this.#reason ?? reason) : reason;
    this.#db.prepare('UPDATE session_lock SET locked = 1 WHERE id = 1').run();
    return !was;
  }

  /** Unlocks with the PIN (none needed while no PIN is set). Wrong or too soon: UNAUTHORIZED, nothing unlocked. */
  unlock(pin: string | undefined): void {
    const outcome = this.#db
      .transaction((): 'unlocked' | 'wrong' => {
        const row = this.#row();
        if (row.locked === 0) return 'unlocked';
        if (row.pin_hash !== null && row.pin_salt !== null) {
          const now = this.#clock().getTime();
          if (row.next_try_at && Date.parse(row.next_try_at) > now) {
            const seconds = Math.ceil((Date.parse(row.next_try_at) - now) / 1000);
            throw new ApiError('UNAUTHORIZED', `Too many wrong tries. Try again in ${seconds} s.`, 'pin');
          }
          const given = hashPin(pin ?? '', Buffer.from(row.pin_salt, 'hex'));
          if (!timingSafeEqual(given, Buffer.from(row.pin_hash, 'hex'))) {
            const tries = row.failed_tries + 1;
            const delay = delayAfter(tries);
            const next = delay > 0 ? new Date(now + delay).toISOString() : null;
            this.#db.prepare('UPDATE session_lock SET failed_tries = ?, next_try_at = ? WHERE id = 1').run(tries, next);
            // Not thrown here: a transaction that throws rolls back, and the count must stay.
            return 'wrong';
          }
        }
        this.#db.prepare('UPDATE session_lock SET locked = 0, failed_tries = 0, next_try_at = NULL WHERE id = 1').run();
        this.#reason = null;
        return 'unlocked';
      })
      .immediate();
    if (outcome === 'wrong') this.#wrong();
  }

  #wrong(): never {
    const wait = this.state(0).retryAfterMs;
    throw new ApiError(
      'UNAUTHORIZED',
      wait > 0 ? `Wrong PIN. Try again in ${Math.ceil(wait / 1000)} s.` : 'Wrong PIN.',
      'pin',
    );
  }

  /**
   * Sets, changes or (null) removes the PIN. Changing or removing an existing one needs it, so an
   * unlocked, unattended console cannot be given a PIN its doctor does not know.
   */
  setPin(pin: string | null, currentPin: string | undefined): void {
    this.#db
      .transaction(() => {
        const row = this.#row();
        if (row.pin_hash !== null && row.pin_salt !== null) {
          const given = hashPin(currentPin ?? '', Buffer.from(row.pin_salt, 'hex'));
          if (!timingSafeEqual(given, Buffer.from(row.pin_hash, 'hex'))) {
            throw new ApiError('UNAUTHORIZED', 'The current PIN is not right; the PIN was not changed.', 'currentPin');
          }
        }
        if (pin === null) {
          this.#db.prepare('UPDATE session_lock SET pin_hash = NULL, pin_salt = NULL WHERE id = 1').run();
          return;
        }
        const salt = randomBytes(16);
        this.#db
          .prepare(
            'UPDATE session_lock SET pin_hash = ?, pin_salt = ?, failed_tries = 0, next_try_at = NULL WHERE id = 1',
          )
          .run(hashPin(pin, salt).toString('hex'), salt.toString('hex'));
      })
      .immediate();
  }
}

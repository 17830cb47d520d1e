/**
 * One-time launch codes (browser mode). A code is what goes on Chromium's
 * command line, into the terminal and the browser's history: anyone on the
 * computer can read those (`ps -eo args`, shell history). So a code opens one
 * window once, within 30 s, and is then worth nothing; the session itself
 * travels only in an HttpOnly cookie (sessions.ts).
 */
import crypto from 'node:crypto';
import type { Role } from '../../src-shared/contract/index.js';

export const LAUNCH_CODE_TTL_MS = 30_000;

export class LaunchCodes {
  // Keyed by the code's hash: a lookup's timing says nothing about a valid code.
  readonly #codes = new Map<string, { role: Role; expires: number }>();
  readonly #now: () => number;
  readonly #ttlMs: number;

  constructor(now: () => number = Date.now, ttlMs = LAUNCH_CODE_TTL_MS) {
    this.#now = now;
    this.#ttlMs = ttlMs;
  }

  /** A fresh code for one window of this role. */
  issue(role: Role): string {
    this.#sweep();
    const code = crypto.randomBytes(32).toString('base64url');
    this.#codes.set(hash(code), { role, expires: this.#now() + this.#ttlMs });
    return code;
  }

  /** The role the code opens, once: a used, expired or unknown code gives null. */
  redeem(code: string | null | undefined): Role | null {
    if (!code) return null;
    const key = hash(code);
    const entry = this.#codes.get(key);
    // Deleted on first sight, even when expired: a code is never looked at twice.
    this.#codes.delete(key);
    if (!entry || entry.expires <= this.#now()) return null;
    return entry.role;
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#codes) if (entry.expires <= now) this.#codes.delete(key);
  }
}

function hash(code: string): string {
  return crypto.createHash('sha256').update(code).digest('hex');
}

/**
 * Locking the doctor console: after idle time, on demand (Ctrl+L), or when the OS locks. Core owns
 * the lock (issue 11, M7): while locked it refuses every doctor call but the lock screen's with LOCKED,
 * and the state survives a reload and a restart. An optional PIN or passphrase unlocks it.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call, event } from './define.js';
import { emptyInput } from './common.js';
import { plainLine } from './patients.js';

export const lockReasons = ['idle', 'manual', 'os'] as const;

export const sessionStateSchema = z.object({
  locked: z.boolean(),
  /** Why it is locked (null when not). */
  reason: z.enum(lockReasons).nullable(),
  /** Whether unlocking asks for a PIN or passphrase (Settings warns while not). */
  pinSet: z.boolean(),
  /** The auto-lock time of the settings, so every console applies a change at once. */
  idleMinutes: z.int(),
  /** After too many wrong tries: how long until the next try is heard (0: now). */
  retryAfterMs: z.int().min(0),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** 4 to 64 characters: a PIN of digits or a passphrase. */
export const pinSchema = plainLine(64).min(4, 'at least 4 characters');
/** A PIN as typed to unlock (not checked against the rules for a new one: a wrong one is just wrong). */
const typedPin = z.string().max(64);

/** The calls a locked console may still make (with the patient screen's, which carry no records). */
export const LOCK_SCREEN_CALLS = ['session.state', 'session.lock', 'session.unlock'] as const;

export const sessionCalls = {
  /** The lock as core holds it (the console fetches it on every connect). */
  'session.state': call({ input: emptyInput, output: sessionStateSchema, roles: DOCTOR_ONLY }),
  /** Locks every console; the patient screen goes to its neutral idle page. */
  'session.lock': call({
    input: z.strictObject({ reason: z.enum(['idle', 'manual']) }),
    output: sessionStateSchema,
    roles: DOCTOR_ONLY,
  }),
  /**
   * Unlocks with the PIN (none needed while no PIN is set). A wrong PIN answers UNAUTHORIZED; after
   * three in a row each further try waits longer (2 s, doubling, at most 5 min), across restarts too.
   */
  'session.unlock': call({
    input: z.strictObject({ pin: typedPin.optional() }),
    output: sessionStateSchema,
    roles: DOCTOR_ONLY,
  }),
  /** Sets, changes or (null) removes the PIN; changing or removing one needs the current PIN. */
  'session.setPin': call({
    input: z.strictObject({ pin: pinSchema.nullable(), currentPin: typedPin.optional() }),
    output: sessionStateSchema,
    roles: DOCTOR_ONLY,
  }),
} as const;

export const sessionEvents = {
  /** The lock changed (locked, unlocked, PIN set or removed, auto-lock time): every console follows. */
  'session.changed': event({ payload: sessionStateSchema, roles: DOCTOR_ONLY }),
} as const;

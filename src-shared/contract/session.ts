/** Locking the doctor console: after idle time, on demand, or when the OS locks. */
import { z } from 'zod';
import { DOCTOR_ONLY, call, event } from './define.js';

export const lockReasons = ['idle', 'manual', 'os'] as const;

export const sessionCalls = {
  /** Hides records in the console and sends the patient screen to its neutral idle page. */
  'session.lock': call({
    input: z.strictObject({ reason: z.enum(['idle', 'manual']) }),
    output: z.object({ locked: z.literal(true) }),
    roles: DOCTOR_ONLY,
  }),
} as const;

export const sessionEvents = {
  'session.locked': event({ payload: z.object({ reason: z.enum(lockReasons) }), roles: DOCTOR_ONLY }),
} as const;

/**
 * The patient screen's display (desktop app only; browser mode has none and
 * answers NOT_FOUND). Hot-plug is reported to the console as an event.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call, event } from './define.js';
import { emptyInput } from './common.js';

export const displayStateSchema = z.object({
  displays: z.array(z.object({ id: z.int(), label: z.string(), primary: z.boolean() })),
  /** Where the patient screen is, or null when it is in a window on the console's display. */
  patientDisplayId: z.int().nullable(),
  patientVisible: z.boolean(),
  /** A display that appeared, offered for the patient screen. */
  offerDisplayId: z.int().nullable(),
  /** Shown in the console until the doctor acts. */
  banner: z.enum(['display-removed', 'display-added']).nullable(),
});
export type DisplayState = z.infer<typeof displayStateSchema>;

export const displaysCalls = {
  'displays.get': call({ input: emptyInput, output: displayStateSchema, roles: DOCTOR_ONLY }),
  /** Puts the patient screen on a display (remembered by id), or in a movable window. */
  'displays.movePatient': call({
    input: z.strictObject({ displayId: z.int().nullable() }),
    output: displayStateSchema,
    roles: DOCTOR_ONLY,
  }),
  /** Shows a large number on each display for 3 s. */
  'displays.identify': call({ input: emptyInput, output: displayStateSchema, roles: DOCTOR_ONLY }),
} as const;

export const displaysEvents = {
  'displays.changed': event({ payload: displayStateSchema, roles: DOCTOR_ONLY }),
} as const;

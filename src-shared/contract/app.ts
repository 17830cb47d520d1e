/** Facts about the running app that every window may know. */
import { z } from 'zod';
import { BOTH, DOCTOR_ONLY, call, event } from './define.js';
import { emptyInput } from './common.js';

export const appInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  /** Shown on the patient screen's idle page. */
  clinicName: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appCalls = {
  'app.info': call({ input: emptyInput, output: appInfoSchema, roles: BOTH }),
} as const;

/** Sections of the doctor console the desktop app's View menu opens. */
export const consoleSections = ['present', 'record', 'settings'] as const;
export type ConsoleSection = (typeof consoleSections)[number];

export const appEvents = {
  /** The View menu of the desktop app chose a section of the console. */
  'app.showSection': event({ payload: z.object({ section: z.enum(consoleSections) }), roles: DOCTOR_ONLY }),
} as const;

/** Facts about the running app that every window may know. */
import { z } from 'zod';
import { BOTH, call } from './define.js';
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

/**
 * The clinic's settings, kept on this computer. The physician name signs
 * finalized records; the clinic name is also shown on the patient screen's
 * idle page (through `app.info`).
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call, event } from './define.js';
import { LIMITS, emptyInput } from './common.js';
import { plainLine, plainText } from './patients.js';

export const paperSizes = ['A4', 'Letter'] as const;

/** One line of text (the same rules as every other text input). */
const line = plainLine;
/** Text that may span lines (a postal address, a phone number below it). */
const lines = plainText;

/** Empty (the default folder) or an absolute path: POSIX, a Windows drive or a UNC share. */
const folder = line(LIMITS.mediumText).refine(
  (value) => value === '' || /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(value),
  'an absolute folder path, or empty for the default',
);

/** Languages of the doctor console (independent of the patient's slide language). */
export const consoleLanguages = ['en', 'fr', 'de'] as const;
export type ConsoleLanguage = (typeof consoleLanguages)[number];

export const IDLE_LOCK_MINUTES = { min: 1, max: 30, default: 5 } as const;

export const settingsSchema = z.object({
  /** Signs finalized records and amendments; empty until the physician enters it. */
  physicianName: z.string(),
  clinicName: z.string(),
  /** Address, phone: printed on exports. */
  clinicContact: z.string(),
  /** Minutes without input before the doctor console locks (1–30). */
  idleLockMinutes: z.int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max),
  paperSize: z.enum(paperSizes),
  /** Where exports are written; empty: the default, `exports` in the data folder. */
  exportFolder: z.string(),
  /** The doctor console's language (default English); the patient's slides keep their own. */
  consoleLanguage: z.enum(consoleLanguages),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z.strictObject({
  physicianName: line(LIMITS.shortText).optional(),
  clinicName: line(LIMITS.shortText).optional(),
  clinicContact: lines(LIMITS.mediumText).optional(),
  idleLockMinutes: z.int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max).optional(),
  paperSize: z.enum(paperSizes).optional(),
  exportFolder: folder.optional(),
  consoleLanguage: z.enum(consoleLanguages).optional(),
});
export type SettingsUpdate = z.input<typeof settingsUpdateSchema>;

export const settingsCalls = {
  /** All settings, with defaults for the ones never set. */
  'settings.get': call({ input: emptyInput, output: settingsSchema, roles: DOCTOR_ONLY }),
  /** Changes the given settings only; answers with all of them. Audited (names of the keys, not values). */
  'settings.update': call({ input: settingsUpdateSchema, output: settingsSchema, roles: DOCTOR_ONLY }),
} as const;

export const settingsEvents = {
  /** Settings changed (from any window): every doctor window shows the new ones. */
  'settings.changed': event({
    payload: z.object({ revision: z.int(), settings: settingsSchema }),
    roles: DOCTOR_ONLY,
  }),
} as const;

/** Schemas reused by several areas. Limits here are the documented maxima. */
import { z } from 'zod';

export const LIMITS = {
  /** Longest free-text notes body, characters. */
  noteBody: 100_000,
  /** Longest short text (names, codes, reasons), characters. */
  shortText: 200,
  /** Longest medium text (a quick entry, a question), characters. */
  mediumText: 2_000,
  /** Most decks in one playlist. */
  playlist: 30,
  /** Most items in any other list input. */
  list: 50,
} as const;

export const languages = ['en', 'fr', 'de'] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;

const kebab = /^[a-z0-9][a-z0-9-]*$/;
export const deckIdSchema = z.string().min(1).max(64).regex(kebab, 'lower-case letters, digits and dashes');
export const slideIdSchema = deckIdSchema;

export const emptyInput = z.strictObject({});

export const uuidSchema = z.uuid();

/**
 * The revision of the section a save was based on (`revisions` of the record, `revision` of a patient).
 * A save based on an older one that would change the section answers CONFLICT with what core holds now
 * (`current` of the error). Required: a caller reads the section before it writes it, so no save can
 * overwrite a change it never saw (issue 11, M1).
 */
export const baseRevisionSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

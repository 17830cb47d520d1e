/** The slide library: bundled decks and the clinic's own (Markdown or PDF). */
import { z } from 'zod';
import { BOTH, DOCTOR_ONLY, call } from './define.js';
import { deckIdSchema, emptyInput, languageSchema, slideIdSchema } from './common.js';

export const deckTopics = [
  'osteoporosis',
  'fracture',
  'conservative',
  'augmentation',
  'risks',
  'aftercare',
  'other',
] as const;

/** IPDAS certifying items of a Markdown deck (slides/README.md); absent for PDF decks. */
export const deckCertifyingSchema = z.object({
  version: z.string(),
  /** YYYY-MM-DD, or null when the deck does not state it (the checker reports that). */
  evidenceReviewed: z.string().nullable(),
  writtenBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  funding: z.string().nullable(),
  sources: z.array(z.string()),
  /** Per translated language: who reviewed it, or that it still awaits a native-speaking clinician. */
  translationReview: z.partialRecord(languageSchema, z.string()),
});
export type DeckCertifying = z.infer<typeof deckCertifyingSchema>;

export const deckSummarySchema = z.object({
  id: deckIdSchema,
  /** Title per available language. */
  titles: z.partialRecord(languageSchema, z.string()),
  topic: z.enum(deckTopics),
  languages: z.array(languageSchema),
  source: z.enum(['bundled', 'user']),
  kind: z.enum(['markdown', 'pdf']),
  slideCount: z.int(),
  certifying: deckCertifyingSchema.optional(),
});
export type DeckSummary = z.infer<typeof deckSummarySchema>;

export const deckProblemSchema = z.object({ file: z.string(), line: z.int(), message: z.string() });
export type DeckProblem = z.infer<typeof deckProblemSchema>;

export const slideSchema = z.object({
  id: slideIdSchema,
  /** reveal.js indices: h is the horizontal slide, v the vertical one below it. */
  h: z.int(),
  v: z.int(),
  /** Sanitized HTML of the slide body. */
  html: z.string(),
  /** Speaker notes as sanitized HTML (empty for the patient screen). */
  notes: z.string(),
  /** Number of fragment steps on this slide. */
  fragments: z.int(),
});
export type Slide = z.infer<typeof slideSchema>;

export const deckSchema = z.object({
  id: deckIdSchema,
  language: languageSchema,
  title: z.string(),
  kind: z.enum(['markdown', 'pdf']),
  /** URL prefix under which the deck's assets are served. */
  assetBase: z.string(),
  slides: z.array(slideSchema),
});
export type Deck = z.infer<typeof deckSchema>;

const listOutput = z.object({
  decks: z.array(deckSummarySchema),
  problems: z.array(deckProblemSchema),
  userDecksFolder: z.string(),
});

export const decksCalls = {
  /** Every usable deck, and the problems of the decks left out. */
  'decks.list': call({ input: emptyInput, output: listOutput, roles: DOCTOR_ONLY }),
  /** Read the decks again from disk (after the clinic edited its folder). */
  'decks.reload': call({ input: emptyInput, output: listOutput, roles: DOCTOR_ONLY }),
  /** One deck in one language (falls back to English when missing). */
  'decks.get': call({
    input: z.strictObject({ id: deckIdSchema, language: languageSchema }),
    output: deckSchema,
    roles: BOTH,
  }),
} as const;

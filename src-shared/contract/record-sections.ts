/**
 * The sections of a consultation record as the doctor edits them: findings, decision (with the SURE
 * test), risks discussed, notes, quick entries and the slides shown. The calls that save them are in
 * `consultations.ts`; the whole record is `record.ts`.
 */
import { z } from 'zod';
import { LIMITS, languageSchema } from './common.js';
import { fracturedLevelSchema, spineLevelSchema } from './presentation.js';
import { plainLine, plainText } from './patients.js';

export const isoDateSchema = z.iso.date();

/** A list whose items (or keys of items) appear at most once; the issue names the repeated index. */
export function uniqueList<T extends z.ZodType>(item: T, max: number, key: (value: z.output<T>) => unknown = (v) => v) {
  return z
    .array(item)
    .max(max)
    .superRefine((values, ctx) => {
      const seen = new Set<unknown>();
      values.forEach((value, index) => {
        const k = key(value);
        if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'listed twice', path: [index] });
        seen.add(k);
      });
    });
}

// ---- findings ---------------------------------------------------------------

export const redFlags = ['neurological', 'tumour', 'infection', 'high-energy-trauma'] as const;
export type RedFlag = (typeof redFlags)[number];

export const findingsSchema = z.strictObject({
  /** Pain now, Numeric Rating Scale 0–10. */
  painNow: z.int().min(0).max(10).nullable(),
  /** When the pain began; not in the future. */
  painSince: isoDateSchema.nullable(),
  /** Fractured levels T1–L5, each once, with the Genant grade. */
  fracturedLevels: uniqueList(fracturedLevelSchema, 17, (l) => l.level),
  redFlags: uniqueList(z.enum(redFlags), redFlags.length),
});
export type Findings = z.infer<typeof findingsSchema>;

// ---- decision ---------------------------------------------------------------

export const decisionPaths = ['undecided', 'conservative', 'augmentation', 'referred'] as const;
export type DecisionPath = (typeof decisionPaths)[number];
export const conservativeMeasures = [
  'pain-medication',
  'calcium-vitamin-d',
  'short-rest',
  'brace',
  'physiotherapy',
  'osteoporosis-medication',
  'other',
] as const;
export const augmentationProcedures = ['balloon-kyphoplasty', 'vertebroplasty'] as const;
export const anaesthesiaKinds = ['local', 'general'] as const;
/** The four SURE questions (yes = 1 point each). */
export const sureQuestions = ['sureOfChoice', 'knowsBenefitsAndRisks', 'clearAboutValues', 'enoughSupport'] as const;

const yesNo = z.boolean().nullable();

export const decisionSchema = z.strictObject({
  path: z.enum(decisionPaths),
  conservativeMeasures: uniqueList(z.enum(conservativeMeasures), conservativeMeasures.length),
  /** Free text: dosages, which brace, "other" measure. */
  conservativeDetails: plainText(LIMITS.mediumText),
  augmentation: z.strictObject({
    procedure: z.enum(augmentationProcedures).nullable(),
    levels: uniqueList(spineLevelSchema, 17),
    anaesthesia: z.enum(anaesthesiaKinds).nullable(),
    /** On or after the consultation date. */
    plannedDate: isoDateSchema.nullable(),
  }),
  /** To whom and why, when the path is "referred". */
  referral: plainLine(LIMITS.shortText),
  /** The patient's questions and concerns. */
  questions: plainText(LIMITS.mediumText),
  /** On or after the consultation date. */
  followUpDate: isoDateSchema.nullable(),
  /** SURE test answers; null while not asked. */
  sure: z.strictObject({
    sureOfChoice: yesNo,
    knowsBenefitsAndRisks: yesNo,
    clearAboutValues: yesNo,
    enoughSupport: yesNo,
  }),
});
export type Decision = z.infer<typeof decisionSchema>;

export const decisionViewSchema = decisionSchema.extend({
  /** SURE score 0–4 once all four are answered; below 4 suggests decisional conflict. */
  sureScore: z.int().min(0).max(4).nullable(),
});
export type DecisionView = z.infer<typeof decisionViewSchema>;

// ---- risks ------------------------------------------------------------------

export const riskIds = [
  'cement-leak',
  'spinal-canal',
  'lung-embolism',
  'adjacent-fracture',
  'infection-bleeding',
  'anaesthesia',
  'death',
  'other',
] as const;
export type RiskId = (typeof riskIds)[number];
/** The bundled deck whose slides `risk-<id>` stand for the risks above. */
export const RISKS_DECK_ID = 'augmentation-risks';
/** A risk slide shown at least this long (in total) is suggested as discussed. */
export const RISK_SUGGEST_MIN_MS = 3_000;

export function riskSlideId(risk: RiskId): string | null {
  return risk === 'other' ? null : `risk-${risk}`;
}

export const risksInputSchema = z
  .strictObject({
    /** Risks the doctor confirms were discussed. */
    confirmed: uniqueList(z.enum(riskIds), riskIds.length),
    /** What the "other" risk was; required when "other" is confirmed. */
    otherText: plainLine(LIMITS.shortText),
  })
  .superRefine((value, ctx) => {
    if (value.confirmed.includes('other') && value.otherText === '') {
      ctx.addIssue({ code: 'custom', message: 'say which other risk was discussed', path: ['otherText'] });
    }
  });
export type RisksInput = z.infer<typeof risksInputSchema>;

export const risksViewSchema = z.object({
  items: z.array(
    z.object({
      risk: z.enum(riskIds),
      /** Total time its slide was on the patient screen during this consultation; null if never. */
      shownMs: z.int().min(0).nullable(),
      /** Shown long enough to be offered ticked. */
      suggested: z.boolean(),
      confirmed: z.boolean(),
    }),
  ),
  otherText: z.string(),
  /** When the doctor last confirmed the list; null: not reviewed yet. */
  reviewedAt: z.string().nullable(),
});
export type RisksView = z.infer<typeof risksViewSchema>;

// ---- notes, entries, slides shown ------------------------------------------

export const notesViewSchema = z.object({ body: z.string(), revision: z.int().min(0), savedAt: z.string().nullable() });

export const noteEntrySchema = z.object({
  id: z.int(),
  at: z.string(),
  text: z.string(),
  /** The slide on the patient screen when the entry was made; null if none was showing. */
  deckId: z.string().nullable(),
  slideId: z.string().nullable(),
  language: languageSchema.nullable(),
});
export type NoteEntry = z.infer<typeof noteEntrySchema>;

export const slideShownSchema = z.object({
  deckId: z.string(),
  slideId: z.string(),
  views: z.int(),
  totalMs: z.int(),
  firstShownAt: z.string(),
});

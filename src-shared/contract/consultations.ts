/**
 * The consultation record: the doctor's half of a consultation. A record is a
 * draft while the consultation runs; finalizing signs and locks it, and later
 * corrections are amendments kept beside the original. Doctor window only:
 * nothing here ever reaches the patient screen.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call, event } from './define.js';
import { LIMITS, baseRevisionSchema, deckIdSchema, emptyInput, languageSchema, uuidSchema } from './common.js';
import { fracturedLevelSchema, spineLevelSchema } from './presentation.js';
import { patientSchema, plainLine, plainText } from './patients.js';
import { whatMattersSchema } from './what-matters.js';

export const isoDateSchema = z.iso.date();

/** A list whose items (or keys of items) appear at most once; the issue names the repeated index. */
function uniqueList<T extends z.ZodType>(item: T, max: number, key: (value: z.output<T>) => unknown = (v) => v) {
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

// ---- amendments -------------------------------------------------------------

export const amendableSections = ['findings', 'decision', 'risks', 'notes'] as const;
export type AmendableSection = (typeof amendableSections)[number];
export const notesAmendSchema = z.strictObject({ body: plainText(LIMITS.noteBody) });
const risksAmendView = z.object({ confirmed: z.array(z.enum(riskIds)), otherText: z.string() });

const amendmentBase = { id: z.int(), at: z.string(), author: z.string(), reason: z.string() };
export const amendmentSchema = z.discriminatedUnion('section', [
  z.object({ ...amendmentBase, section: z.literal('findings'), before: findingsSchema, after: findingsSchema }),
  z.object({ ...amendmentBase, section: z.literal('decision'), before: decisionViewSchema, after: decisionViewSchema }),
  z.object({ ...amendmentBase, section: z.literal('risks'), before: risksAmendView, after: risksAmendView }),
  z.object({ ...amendmentBase, section: z.literal('notes'), before: notesAmendSchema, after: notesAmendSchema }),
]);
export type Amendment = z.infer<typeof amendmentSchema>;

// ---- the record -------------------------------------------------------------

export const consultationStatuses = ['draft', 'finalized'] as const;

const sectionsSchema = z.object({
  findings: findingsSchema,
  decision: decisionViewSchema,
  risks: risksViewSchema,
  notes: z.object({ body: z.string() }),
});

export const consultationRecordSchema = z.object({
  id: uuidSchema,
  patient: patientSchema,
  physician: z.string(),
  startedAt: z.string(),
  language: languageSchema,
  playlist: z.array(deckIdSchema),
  status: z.enum(consultationStatuses),
  updatedAt: z.string(),
  finalizedAt: z.string().nullable(),
  finalizedBy: z.string().nullable(),
  /** Slide views are being attributed to this consultation right now. */
  isOpen: z.boolean(),
  findings: findingsSchema,
  decision: decisionViewSchema,
  risks: risksViewSchema,
  /** What matters to the patient, statement by statement. Not amendable: signed as it stands. */
  whatMatters: whatMattersSchema,
  notes: notesViewSchema,
  entries: z.array(noteEntrySchema),
  slidesShown: z.array(slideShownSchema),
  /** Core's revision of each editable section; a save names the one it was based on. */
  revisions: z.object({ findings: z.int(), decision: z.int(), risks: z.int(), notes: z.int() }),
  /** Oldest first. The sections above stay as signed. */
  amendments: z.array(amendmentSchema),
  /** The sections with the amendments applied (equal to the signed ones when none). */
  current: sectionsSchema,
});
export type ConsultationRecord = z.infer<typeof consultationRecordSchema>;

export const historyItemSchema = z.object({
  id: uuidSchema,
  patient: z.object({ id: uuidSchema, code: z.string(), displayName: z.string().nullable() }),
  startedAt: z.string(),
  physician: z.string(),
  status: z.enum(consultationStatuses),
  path: z.enum(decisionPaths),
  painNow: z.int().nullable(),
  levels: z.array(spineLevelSchema),
  redFlagCount: z.int(),
  amendmentCount: z.int(),
  /** Matching notes text around the hit, hits wrapped in \u0002…\u0003; null without a text search. */
  snippet: z.string().nullable(),
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

const byId = z.strictObject({ id: uuidSchema });

/** The warnings shown before signing (`src-shared/sign-warnings.ts` says when each applies). */
export const signWarningIds = [
  'physician-missing',
  'red-flags',
  'augmentation-no-risks',
  'augmentation-no-procedure',
  'augmentation-no-levels',
  'risks-not-reviewed',
  'undecided',
  'no-levels',
  'pain-missing',
  'follow-up-missing',
] as const;
export type SignWarningId = (typeof signWarningIds)[number];
const record = consultationRecordSchema;

export const consultationsCalls = {
  /** Starts a draft for the patient, signed later by the physician of the settings; opens it. */
  'consultations.start': call({
    input: z.strictObject({
      patientId: uuidSchema,
      /** Defaults to the presentation's current language and playlist. */
      language: languageSchema.optional(),
      playlist: z.array(deckIdSchema).max(LIMITS.playlist).optional(),
    }),
    output: record,
    roles: DOCTOR_ONLY,
  }),
  /** The whole record, read-only. */
  'consultations.get': call({ input: byId, output: record, roles: DOCTOR_ONLY }),
  /** The consultation open right now, if any (after the console reloads). */
  'consultations.current': call({
    input: emptyInput,
    output: z.object({ record: record.nullable() }),
    roles: DOCTOR_ONLY,
  }),
  /**
   * Opens a record. A draft becomes the consultation slide views are attributed
   * to, and its playlist and language are applied; a finalized one is only shown.
   */
  'consultations.open': call({ input: byId, output: record, roles: DOCTOR_ONLY }),
  /** Stops attributing slide views to this consultation (no effect if another is open). */
  'consultations.close': call({
    input: byId,
    output: z.object({ openConsultationId: uuidSchema.nullable() }),
    roles: DOCTOR_ONLY,
  }),
  /** Replaces the clinical findings of a draft. LOCKED once finalized. */
  'consultations.updateFindings': call({
    input: z.strictObject({ id: uuidSchema, findings: findingsSchema, baseRevision: baseRevisionSchema }),
    output: record,
    roles: DOCTOR_ONLY,
  }),
  /** Replaces the decision of a draft. LOCKED once finalized. */
  'consultations.updateDecision': call({
    input: z.strictObject({ id: uuidSchema, decision: decisionSchema, baseRevision: baseRevisionSchema }),
    output: record,
    roles: DOCTOR_ONLY,
  }),
  /** Replaces what matters to the patient (every statement's answer) in a draft. LOCKED once finalized. */
  'consultations.updateWhatMatters': call({
    input: z.strictObject({ id: uuidSchema, whatMatters: whatMattersSchema }),
    output: record,
    roles: DOCTOR_ONLY,
  }),
  /** Records which risks were discussed (the doctor confirms each, suggestions come from slides shown). */
  'consultations.confirmRisks': call({
    input: z.strictObject({ id: uuidSchema, risks: risksInputSchema, baseRevision: baseRevisionSchema }),
    output: record,
    roles: DOCTOR_ONLY,
  }),
  /** Signs with the physician name of the settings and locks the record. */
  /**
   * Signs the record. Core computes the open warnings itself: every one must be in `acknowledged` (the
   * physician ticked it in the sign dialog), and a blocking one (no physician name) refuses; otherwise CONFLICT
   * names what is open. The acknowledged warnings are written to the audit log.
   */
  'consultations.finalize': call({
    input: z.strictObject({
      id: uuidSchema,
      acknowledged: uniqueList(z.enum(signWarningIds), signWarningIds.length),
    }),
    output: record,
    roles: DOCTOR_ONLY,
  }),
  /** A correction of a finalized record: the section's new content and why. The original stays. */
  'consultations.amend': call({
    input: z.strictObject({
      id: uuidSchema,
      reason: plainLine(LIMITS.mediumText).min(1),
      change: z.discriminatedUnion('section', [
        z.strictObject({ section: z.literal('findings'), after: findingsSchema }),
        z.strictObject({ section: z.literal('decision'), after: decisionSchema }),
        z.strictObject({ section: z.literal('risks'), after: risksInputSchema }),
        z.strictObject({ section: z.literal('notes'), after: notesAmendSchema }),
      ]),
    }),
    output: record,
    roles: DOCTOR_ONLY,
  }),
  /** Deletes a draft with everything in it. CONFLICT for a finalized record. */
  'consultations.delete': call({
    input: byId,
    output: z.object({ deleted: uuidSchema }),
    roles: DOCTOR_ONLY,
  }),
  /** Records newest first, filtered; `text` searches notes, quick entries and amended notes. */
  'consultations.history': call({
    input: z.strictObject({
      patientId: uuidSchema.optional(),
      /** Started at or after this instant. */
      from: z.iso.datetime().optional(),
      /** Started before this instant. */
      to: z.iso.datetime().optional(),
      path: z.enum(decisionPaths).optional(),
      status: z.enum(consultationStatuses).optional(),
      text: plainLine(LIMITS.shortText).optional(),
      limit: z.int().min(1).max(100).optional(),
      offset: z.int().min(0).max(1_000_000).optional(),
    }),
    output: z.object({ items: z.array(historyItemSchema), total: z.int(), limit: z.int(), offset: z.int() }),
    roles: DOCTOR_ONLY,
  }),
} as const;

export const notesCalls = {
  /**
   * Saves the free-text notes of a draft. `baseRevision` is the notes revision
   * (kept by core) the text was based on: a save based on an older one answers
   * CONFLICT with the text saved since, so no window overwrites another's notes
   * unseen. The same text again is accepted whatever its base (a retry).
   */
  'notes.save': call({
    input: z.strictObject({
      consultationId: uuidSchema,
      body: plainText(LIMITS.noteBody),
      baseRevision: baseRevisionSchema,
    }),
    output: z.object({ revision: z.int(), savedAt: z.string() }),
    roles: DOCTOR_ONLY,
  }),
  /** A quick timestamped entry, with the slide on the patient screen at that moment. */
  'notes.addEntry': call({
    input: z.strictObject({ consultationId: uuidSchema, text: plainLine(LIMITS.mediumText).min(1) }),
    output: noteEntrySchema,
    roles: DOCTOR_ONLY,
  }),
  /** Removes a quick entry from a draft (audited). */
  'notes.removeEntry': call({
    input: z.strictObject({ consultationId: uuidSchema, entryId: z.int().min(1) }),
    output: z.object({ removed: z.int() }),
    roles: DOCTOR_ONLY,
  }),
} as const;

export const consultationsEvents = {
  /**
   * The open record changed: saved from any window, a risk slide crossing the suggestion threshold,
   * or another consultation opened or closed. Doctor windows fetch `consultations.current` again
   * (the push itself carries nothing of the record).
   */
  'consultations.changed': event({ payload: z.object({ revision: z.int() }), roles: DOCTOR_ONLY }),
} as const;

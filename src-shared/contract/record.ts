/**
 * The consultation record as core answers it (a draft, or signed with its amendments), the history's
 * rows, the warnings before signing and the revision a save is based on. Doctor window only.
 */
import { z } from 'zod';
import { LIMITS, deckIdSchema, languageSchema, uuidSchema } from './common.js';
import { spineLevelSchema } from './presentation.js';
import { patientSchema, plainText } from './patients.js';
import {
  decisionPaths,
  decisionViewSchema,
  findingsSchema,
  noteEntrySchema,
  notesViewSchema,
  riskIds,
  risksViewSchema,
  slideShownSchema,
} from './record-sections.js';
import { whatMattersSchema } from './what-matters.js';
import { boneHealthPlanSchema } from './bone-health.js';

// ---- amendments -------------------------------------------------------------

export const amendableSections = ['findings', 'decision', 'risks', 'notes'] as const;
export type AmendableSection = (typeof amendableSections)[number];
export const notesAmendSchema = z.strictObject({ body: plainText(LIMITS.noteBody) });
/** The part of the risks an amendment changes: which were confirmed, and the other risk's words. */
export const risksAmendSchema = z.object({ confirmed: z.array(z.enum(riskIds)), otherText: z.string() });
export type RisksAmendValue = z.infer<typeof risksAmendSchema>;

const amendmentBase = { id: z.int(), at: z.string(), author: z.string(), reason: z.string() };
export const amendmentSchema = z.discriminatedUnion('section', [
  z.object({ ...amendmentBase, section: z.literal('findings'), before: findingsSchema, after: findingsSchema }),
  z.object({ ...amendmentBase, section: z.literal('decision'), before: decisionViewSchema, after: decisionViewSchema }),
  z.object({ ...amendmentBase, section: z.literal('risks'), before: risksAmendSchema, after: risksAmendSchema }),
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
  /** The bone-health plan (secondary fracture prevention); every item "not-recorded" when none was saved. */
  boneHealth: boneHealthPlanSchema,
  notes: notesViewSchema,
  entries: z.array(noteEntrySchema),
  slidesShown: z.array(slideShownSchema),
  /** Core's revision of each editable section; a save names the one it was based on. */
  revisions: z.object({
    findings: z.int(),
    decision: z.int(),
    risks: z.int(),
    notes: z.int(),
    boneHealth: z.int(),
    whatMatters: z.int(),
  }),
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

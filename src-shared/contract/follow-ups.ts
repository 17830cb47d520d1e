/**
 * Follow-up visits after the index consultation (a finalized consultation), and
 * the patient's timeline: the index consultations, the procedure dates and each
 * visit, with the pain points the console charts. A visit is a draft until the
 * physician signs it; then it is read-only. Doctor window only.
 *
 * Function is one plain item ("walking / daily activities"), not a validated
 * instrument: no instrument's licence could be verified offline, so none ships.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call } from './define.js';
import { LIMITS, baseRevisionSchema, uuidSchema } from './common.js';
import { decisionPaths, isoDateSchema, type RiskId } from './consultations.js';
import { spineLevelSchema } from './presentation.js';
import { plainLine, plainText } from './patients.js';
import { followUpBoneMedicines } from './bone-health.js';

/** Walking and daily activities compared with before the fracture. */
export const mobilityLevels = ['as-before', 'limited', 'unable'] as const;
/** Pain medicine in use: none, simple analgesics (paracetamol, NSAIDs, metamizole), or an opioid. */
export const painMedications = ['none', 'simple', 'opioid'] as const;
/** Complications since the procedure, from the record's risk ids where they fit; the rest goes in `complicationsOther`. */
export const followUpComplications = [
  'cement-leak',
  'spinal-canal',
  'lung-embolism',
  'adjacent-fracture',
  'infection-bleeding',
] as const satisfies readonly RiskId[];

function unique<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .superRefine((values, ctx) => {
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index) ctx.addIssue({ code: 'custom', message: 'listed twice', path: [index] });
      });
    });
}

/** What the physician records at a visit. */
export const followUpValuesSchema = z.strictObject({
  /** On or after the index consultation's day, not after today. */
  visitDate: isoDateSchema,
  /** Pain now, Numeric Rating Scale 0–10; null: not asked. */
  painNow: z.int().min(0).max(10).nullable(),
  mobility: z.enum(mobilityLevels).nullable(),
  painMedication: z.enum(painMedications).nullable(),
  complications: unique(z.enum(followUpComplications), followUpComplications.length),
  /** Any other complication, in words. */
  complicationsOther: plainLine(LIMITS.mediumText),
  /** Levels fractured since the index consultation. */
  newFractures: unique(spineLevelSchema, 17),
  note: plainText(LIMITS.mediumText),
  /** Bone medicine now (the bone-health plan at this visit); null: not asked. Omitted by older callers. */
  boneMedicine: z.enum(followUpBoneMedicines).nullable().default(null),
});
/** As a caller writes them (`boneMedicine` may be left out); core reads the parsed values. */
export type FollowUpValues = z.input<typeof followUpValuesSchema>;

/** A correction of a signed visit: the visit before and after, who, when and why. The signed values stay. */
export const followUpAmendmentSchema = z.object({
  id: z.int(),
  at: z.string(),
  author: z.string(),
  reason: z.string(),
  before: followUpValuesSchema,
  after: followUpValuesSchema,
});
export type FollowUpAmendment = z.infer<typeof followUpAmendmentSchema>;

/** A visit as it stands: a signed visit's values are those of its latest correction, if any. */
export const followUpSchema = followUpValuesSchema.extend({
  id: uuidSchema,
  /** The index consultation. */
  consultationId: uuidSchema,
  status: z.enum(['draft', 'finalized']),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalizedAt: z.string().nullable(),
  finalizedBy: z.string().nullable(),
  /** Kept by core: a draft saved on an older revision is refused (CONFLICT). */
  revision: z.int(),
  /** Corrections after signing, oldest first. */
  amendments: z.array(followUpAmendmentSchema),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** One point of the pain chart: the index consultation's pain or a visit's. */
export const painPointSchema = z.object({
  date: isoDateSchema,
  pain: z.int().min(0).max(10),
  kind: z.enum(['consultation', 'visit']),
  /** The consultation's or the visit's id. */
  id: uuidSchema,
  /** Days after the procedure (negative: before it); null when no procedure date is known. */
  daysFromProcedure: z.int().nullable(),
});
export type PainPoint = z.infer<typeof painPointSchema>;

export const timelineSchema = z.object({
  patientId: uuidSchema,
  /** The patient's finalized consultations, oldest first, with their visits in date order. */
  consultations: z.array(
    z.object({
      id: uuidSchema,
      /** The consultation's day (local). */
      date: isoDateSchema,
      path: z.enum(decisionPaths),
      painNow: z.int().nullable(),
      /** The planned date of an augmentation (as amended); null for other paths or when not set. */
      procedureDate: isoDateSchema.nullable(),
      procedureLevels: z.array(spineLevelSchema),
      visits: z.array(followUpSchema),
    }),
  ),
  /** Every pain score in date order (the index consultations' and the visits'). */
  points: z.array(painPointSchema),
  /** Procedure dates in order, for the chart's marks. */
  procedures: z.array(z.object({ date: isoDateSchema, consultationId: uuidSchema })),
});
export type Timeline = z.infer<typeof timelineSchema>;

const byId = z.strictObject({ id: uuidSchema });

export const followUpsCalls = {
  /** Records a visit after a finalized consultation, as a draft. CONFLICT while the consultation is a draft. */
  'followUps.create': call({
    input: z.strictObject({ consultationId: uuidSchema, values: followUpValuesSchema }),
    output: followUpSchema,
    roles: DOCTOR_ONLY,
  }),
  /**
   * Replaces a draft visit's values. LOCKED once signed; CONFLICT (with the visit core holds) when another
   * window saved it since `baseRevision`.
   */
  'followUps.update': call({
    input: z.strictObject({ id: uuidSchema, values: followUpValuesSchema, baseRevision: baseRevisionSchema }),
    output: followUpSchema,
    roles: DOCTOR_ONLY,
  }),
  /** Corrects a signed visit: its new values and why (audited; the signed values stay). LOCKED for a draft. */
  'followUps.amend': call({
    input: z.strictObject({
      id: uuidSchema,
      reason: plainLine(LIMITS.mediumText).min(1),
      values: followUpValuesSchema,
    }),
    output: followUpSchema,
    roles: DOCTOR_ONLY,
  }),
  /** Signs the visit with the physician name of the settings; read-only after. */
  'followUps.finalize': call({ input: byId, output: followUpSchema, roles: DOCTOR_ONLY }),
  /** The visits of one index consultation, in date order. */
  'followUps.list': call({
    input: z.strictObject({ consultationId: uuidSchema }),
    output: z.object({ items: z.array(followUpSchema) }),
    roles: DOCTOR_ONLY,
  }),
  /** The patient's timeline and pain points. */
  'followUps.timeline': call({
    input: z.strictObject({ patientId: uuidSchema }),
    output: timelineSchema,
    roles: DOCTOR_ONLY,
  }),
} as const;

/**
 * Patients of the offline record. A patient is known by a name or only by a
 * pseudonymous code (generated when none is given), a date or year of birth,
 * sex and, optionally, the hospital number.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call } from './define.js';
import { LIMITS, baseRevisionSchema, uuidSchema } from './common.js';

/**
 * A lone UTF-16 surrogate is not text: SQLite would store it as U+FFFD, so the
 * saved text would differ from what was typed. Refused instead of altered.
 */
const WHOLE_CHARACTERS = /^[^\p{Cs}]*$/u;

/** One line of text without control characters, trimmed. */
export const plainLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters')
    .regex(WHOLE_CHARACTERS, 'contains a broken character');

/** Text that may span lines; no other control characters. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, 'no control characters')
    .regex(WHOLE_CHARACTERS, 'contains a broken character');

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const sexSchema = z.enum(sexes);

/** A full date (YYYY-MM-DD) or only the year (YYYY), from 1900 on. */
export const birthDateSchema = z
  .union([z.iso.date(), z.string().regex(/^\d{4}$/, 'a date (YYYY-MM-DD) or a year (YYYY)')])
  .refine((value) => Number(value.slice(0, 4)) >= 1900, 'year 1900 or later');

/** Pseudonymous code: letters, digits and . _ / - (max 40). */
export const patientCodeSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^(?:[A-Za-z0-9][A-Za-z0-9._/-]*)?$/, 'letters, digits and . _ / - only');

export const patientSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  /** Null for a patient known only by code. */
  displayName: z.string().nullable(),
  /** YYYY-MM-DD, or YYYY when only the year is known. */
  birthDate: z.string().nullable(),
  sex: sexSchema,
  hospitalNumber: z.string().nullable(),
  createdAt: z.string(),
  consultationCount: z.int(),
  lastConsultationAt: z.string().nullable(),
  /** Core's revision of the details; `patients.update` and `patients.correct` name the one they were based on. */
  revision: z.int(),
});
export type Patient = z.infer<typeof patientSchema>;

const patientFields = {
  /** Name as the physician writes it; empty for a pseudonymous patient. */
  displayName: plainLine(LIMITS.shortText),
  /** Empty: a code is generated (P-XXXXXX). Unique, case-insensitive. */
  code: patientCodeSchema,
  birthDate: birthDateSchema,
  sex: sexSchema,
  /** Empty when not known. Unique, case-insensitive. */
  hospitalNumber: plainLine(LIMITS.shortText),
};

/** The identifying details a correction may change; null: not recorded. */
export const correctableFieldsSchema = z.object({
  displayName: z.string().nullable().optional(),
  birthDate: z.string().nullable().optional(),
  hospitalNumber: z.string().nullable().optional(),
});

/** A correction of a patient's details: what changed, from what, why, by whom. */
export const patientCorrectionSchema = z.object({
  id: z.int(),
  patientId: uuidSchema,
  at: z.string(),
  author: z.string(),
  reason: z.string(),
  /** Only the corrected fields, with their old and new values. */
  before: correctableFieldsSchema,
  after: correctableFieldsSchema,
});
export type PatientCorrection = z.infer<typeof patientCorrectionSchema>;

/** `current.section` of the CONFLICT naming a patient with a near-identical hospital number. */
export const SIMILAR_PATIENT = 'similar-patient';

export const patientsCalls = {
  /**
   * Patients whose name words, code or hospital number start with each word of
   * the query (case- and accent-insensitive), recently seen first. An empty
   * query lists the most recently seen patients.
   */
  'patients.search': call({
    input: z.strictObject({
      query: plainLine(LIMITS.shortText),
      limit: z.int().min(1).max(LIMITS.list).optional(),
    }),
    output: z.object({ patients: z.array(patientSchema) }),
    roles: DOCTOR_ONLY,
  }),
  /**
   * Creates a patient: a name or a code is required. CONFLICT when the code or hospital number is taken.
   * A hospital number that differs from another patient's only in case, spaces, dashes or letter forms
   * answers CONFLICT with `current.section` = SIMILAR_PATIENT and the other patient as `current.value`,
   * so the console can offer to open that patient; `createAnyway` creates it all the same (audited).
   */
  'patients.create': call({
    input: z.strictObject({
      /** The doctor saw the similar patient and creates this one anyway. */
      createAnyway: z.literal(true).optional(),
      displayName: patientFields.displayName.optional(),
      code: patientFields.code.optional(),
      birthDate: patientFields.birthDate,
      sex: patientFields.sex,
      hospitalNumber: patientFields.hospitalNumber.optional(),
    }),
    output: patientSchema,
    roles: DOCTOR_ONLY,
  }),
  'patients.get': call({ input: z.strictObject({ id: uuidSchema }), output: patientSchema, roles: DOCTOR_ONLY }),
  /** Corrects the given fields (an empty name or hospital number clears it). Audited. */
  'patients.update': call({
    input: z.strictObject({
      id: uuidSchema,
      displayName: patientFields.displayName.optional(),
      code: patientFields.code.min(1).optional(),
      birthDate: patientFields.birthDate.optional(),
      sex: patientFields.sex.optional(),
      hospitalNumber: patientFields.hospitalNumber.optional(),
      /** The `revision` the change was based on; an older one answers CONFLICT (see baseRevisionSchema). */
      baseRevision: baseRevisionSchema,
    }),
    output: patientSchema,
    roles: DOCTOR_ONLY,
  }),
  /**
   * Corrects a typo in the name, birth date or hospital number, with the reason
   * (signed by the physician of the settings). Kept as a correction row and in
   * the audit log; signed records keep their text and exports list it as an
   * amendment. VALIDATION when nothing changes.
   */
  'patients.correct': call({
    input: z.strictObject({
      id: uuidSchema,
      reason: plainLine(LIMITS.mediumText).min(1, 'say why the details are corrected'),
      displayName: patientFields.displayName.optional(),
      birthDate: patientFields.birthDate.optional(),
      hospitalNumber: patientFields.hospitalNumber.optional(),
      /** The `revision` the change was based on; an older one answers CONFLICT (see baseRevisionSchema). */
      baseRevision: baseRevisionSchema,
    }),
    output: z.object({ patient: patientSchema, correction: patientCorrectionSchema }),
    roles: DOCTOR_ONLY,
  }),
  /** Every correction of the patient's details, oldest first. */
  'patients.corrections': call({
    input: z.strictObject({ id: uuidSchema }),
    output: z.object({ corrections: z.array(patientCorrectionSchema) }),
    roles: DOCTOR_ONLY,
  }),
} as const;

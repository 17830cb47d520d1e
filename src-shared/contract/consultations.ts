/**
 * The consultation record's calls and event: the doctor's half of a consultation. A record is a
 * draft while the consultation runs; finalizing signs and locks it, and later corrections are
 * amendments kept beside the original. Doctor window only: nothing here ever reaches the patient
 * screen. The schemas they carry are in `record-sections.ts` (what is edited) and `record.ts` (the
 * whole record), re-exported here under the names they always had.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call, event } from './define.js';
import { LIMITS, baseRevisionSchema, deckIdSchema, emptyInput, languageSchema, uuidSchema } from './common.js';
import { plainLine, plainText } from './patients.js';
import {
  consultationRecordSchema,
  consultationStatuses,
  historyItemSchema,
  notesAmendSchema,
  signWarningIds,
} from './record.js';
import {
  decisionPaths,
  decisionSchema,
  findingsSchema,
  noteEntrySchema,
  risksInputSchema,
  uniqueList,
} from './record-sections.js';
import { whatMattersSchema } from './what-matters.js';

export * from './record-sections.js';
export * from './record.js';

const byId = z.strictObject({ id: uuidSchema });
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
  /**
   * Replaces what matters to the patient (every statement's answer) in a draft. LOCKED once finalized; CONFLICT
   * (with the answers core holds) when another window saved them since `baseRevision`.
   */
  'consultations.updateWhatMatters': call({
    input: z.strictObject({ id: uuidSchema, whatMatters: whatMattersSchema, baseRevision: baseRevisionSchema }),
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

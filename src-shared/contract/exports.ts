/**
 * Exporting consultation records: letters and leaflets as PDF, text for the
 * health record, FHIR R4 and an audit register. Files are written by core into
 * the export folder of the settings; the window only gets their paths.
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call } from './define.js';
import { LIMITS, emptyInput, uuidSchema } from './common.js';

export const exportKinds = [
  'clinician-pdf',
  'patient-leaflet-pdf',
  'record-text',
  'fhir-json',
  'register-csv',
] as const;
export type ExportKind = (typeof exportKinds)[number];

/** Most consultations in one export call (the dialog exports one at a time to show progress). */
export const MAX_EXPORT_BATCH = 100;

const consultationIds = z
  .array(uuidSchema)
  .min(1)
  .max(MAX_EXPORT_BATCH)
  .refine((ids) => new Set(ids).size === ids.length, 'a consultation is listed twice');

export const exportedFileSchema = z.object({
  /** Absolute path of the written file. */
  path: z.string(),
  bytes: z.int().min(0),
});
export type ExportedFile = z.infer<typeof exportedFileSchema>;

/** A folder the physician chose in the desktop app's folder dialog: an absolute path. */
const chosenFolder = z
  .string()
  .min(1)
  .max(LIMITS.mediumText)
  .refine((value) => /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(value), 'an absolute folder path');

export const exportsCalls = {
  /**
   * Writes one file per consultation (one file for all of them for
   * `register-csv`) into the export folder. `pseudonymize` puts the patient's
   * code where the name would be, everywhere. All or nothing: on an error no
   * file of this call is left behind.
   */
  'exports.create': call({
    input: z.strictObject({
      consultationIds,
      kind: z.enum(exportKinds),
      pseudonymize: z.boolean(),
      /** Desktop app: the folder chosen for this run (exports.chooseFolder); default the folder of the settings. */
      folder: chosenFolder.optional(),
    }),
    output: z.object({ files: z.array(exportedFileSchema) }),
    roles: DOCTOR_ONLY,
  }),
  /**
   * A signed follow-up visit's own PDF (the visit as corrected, its corrections, the signature), written like
   * the consultation's documents and audited against the index consultation. CONFLICT for a draft visit.
   */
  'exports.visit': call({
    input: z.strictObject({ followUpId: uuidSchema, pseudonymize: z.boolean(), folder: chosenFolder.optional() }),
    output: z.object({ files: z.array(exportedFileSchema) }),
    roles: DOCTOR_ONLY,
  }),
  /**
   * The clinician summary or the patient leaflet through the system print
   * dialog (desktop app; browser mode prints the exported PDF from its viewer).
   * `printed` is false when the physician cancelled the dialog.
   */
  'exports.print': call({
    input: z.strictObject({
      consultationId: uuidSchema,
      document: z.enum(['clinician-summary', 'patient-leaflet']),
      pseudonymize: z.boolean(),
    }),
    output: z.object({ printed: z.boolean() }),
    roles: DOCTOR_ONLY,
  }),
  /**
   * Desktop app: the system's folder dialog, opened on the folder last chosen
   * for this kind of export (else the export folder). `folder` is null when cancelled.
   */
  'exports.chooseFolder': call({
    input: z.strictObject({ kind: z.enum(exportKinds) }),
    output: z.object({ folder: z.string().nullable() }),
    roles: DOCTOR_ONLY,
  }),
  /** Shows an exported file in the system's file manager (desktop app): only files in the export folder. */
  'exports.showInFolder': call({
    input: z.strictObject({ path: z.string().min(1).max(LIMITS.mediumText) }),
    output: z.object({ shown: z.boolean() }),
    roles: DOCTOR_ONLY,
  }),
  /** The folder exports are written to now (shown in the export dialog). */
  'exports.folder': call({
    input: emptyInput,
    output: z.object({ path: z.string() }),
    roles: DOCTOR_ONLY,
  }),
  /** The text for the health record, for the clipboard (nothing is written). */
  'exports.text': call({
    input: z.strictObject({ consultationId: uuidSchema, pseudonymize: z.boolean() }),
    output: z.object({ text: z.string() }),
    roles: DOCTOR_ONLY,
  }),
} as const;

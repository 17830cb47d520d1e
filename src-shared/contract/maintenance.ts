/**
 * The record file's upkeep, for the doctor: warnings from start-up (a daily backup skipped for lack of
 * space), the backups there are, and restoring one of them. A restore happens at the next start,
 * before the store opens, because the running store keeps the file open (see ARCHITECTURE.md).
 */
import { z } from 'zod';
import { DOCTOR_ONLY, call, event } from './define.js';
import { emptyInput } from './common.js';

export const maintenanceWarningSchema = z.object({
  code: z.enum(['backup-skipped-disk', 'backup-failed', 'restore-failed', 'restored']),
  message: z.string(),
});
export type MaintenanceWarning = z.infer<typeof maintenanceWarningSchema>;

export const backupInfoSchema = z.object({
  /** The backup's file name in the data folder's backups/ (what `maintenance.restore` takes). */
  name: z.string(),
  takenAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Null when the file could not be read. */
  consultations: z.number().int().nonnegative().nullable(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const maintenanceStatusSchema = z.object({
  warnings: z.array(maintenanceWarningSchema),
  /** A restore asked for, to happen at the next start. */
  pendingRestore: z.string().nullable(),
});
export type MaintenanceStatus = z.infer<typeof maintenanceStatusSchema>;

export const maintenanceCalls = {
  'maintenance.status': call({ input: emptyInput, output: maintenanceStatusSchema, roles: DOCTOR_ONLY }),
  'maintenance.backups': call({
    input: emptyInput,
    output: z.object({ backups: z.array(backupInfoSchema) }),
    roles: DOCTOR_ONLY,
  }),
  /** Checks the backup now and puts it in place at the next start; the current record is kept beside it. */
  'maintenance.restore': call({
    input: z.strictObject({ name: z.string().min(1).max(200) }),
    output: maintenanceStatusSchema,
    roles: DOCTOR_ONLY,
  }),
} as const;

export const maintenanceEvents = {
  'maintenance.changed': event({ payload: maintenanceStatusSchema, roles: DOCTOR_ONLY }),
} as const;

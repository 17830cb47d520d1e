/**
 * Corrections of a patient's identifying details: one row each, with the old
 * and new values of the fields that changed and the reason. The patients row
 * holds the corrected values; these rows keep what was there before, so a
 * signed record can be shown as signed and exports can list the change.
 */
import type { PatientCorrection } from '../../../src-shared/contract/index.js';
import type { Db } from '../db/open.js';
import type { PatientFields } from './patients.js';

export const correctableFields = ['displayName', 'birthDate', 'hospitalNumber'] as const;
export type CorrectableField = (typeof correctableFields)[number];
type Values = Partial<Pick<PatientFields, CorrectableField>>;

interface CorrectionRow {
  id: number;
  patient_id: string;
  at: string;
  author: string;
  reason: string;
  before_json: string;
  after_json: string;
}

function toCorrection(row: CorrectionRow): PatientCorrection {
  return {
    id: row.id,
    patientId: row.patient_id,
    at: row.at,
    author: row.author,
    reason: row.reason,
    before: JSON.parse(row.before_json) as Values,
    after: JSON.parse(row.after_json) as Values,
  };
}

export function insertCorrection(
  db: Db,
  entry: { patientId: string; at: string; author: string; reason: string; before: Values; after: Values },
): PatientCorrection {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO patient_corrections (patient_id, at, author, reason, before_json, after_json)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.patientId,
      entry.at,
      entry.author,
      entry.reason,
      JSON.stringify(entry.before),
      JSON.stringify(entry.after),
    );
  const row = db.prepare('SELECT * FROM patient_corrections WHERE id = ?').get(lastInsertRowid) as CorrectionRow;
  return toCorrection(row);
}

/** Oldest first; only those made at or after `since` when given. */
export function listCorrections(db: Db, patientId: string, since?: string): PatientCorrection[] {
  const rows = db
    .prepare('SELECT * FROM patient_corrections WHERE patient_id = ? AND at >= ? ORDER BY id')
    .all(patientId, since ?? '') as CorrectionRow[];
  return rows.map(toCorrection);
}

/**
 * The consultations table and the guards every edit goes through: a missing
 * record is NOT_FOUND, an edit of a finalized one is LOCKED.
 */
import { randomUUID } from 'node:crypto';
import type { Language } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import { appendAudit, type AuditAction } from '../audit.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { actorName } from './settings.js';

export interface ConsultationRow {
  id: string;
  patient_id: string;
  physician: string;
  started_at: string;
  language: Language;
  playlist: string;
  status: 'draft' | 'finalized';
  findings: string;
  finalized_at: string | null;
  finalized_by: string | null;
  updated_at: string;
}

export function loadConsultation(db: Db, id: string, field = 'id'): ConsultationRow {
  const row = db.prepare('SELECT * FROM consultations WHERE id = ?').get(id) as ConsultationRow | undefined;
  if (!row) throw new ApiError('NOT_FOUND', 'This consultation does not exist (any more).', field);
  return row;
}

/** The row of a draft; a finalized record only changes through amendments. */
export function requireDraft(db: Db, id: string, field = 'id'): ConsultationRow {
  const row = loadConsultation(db, id, field);
  if (row.status !== 'draft') {
    throw new ApiError(
      'LOCKED',
      `This record was finalized by ${row.finalized_by ?? 'the physician'} and is locked. Add an amendment to correct it.`,
      field,
    );
  }
  return row;
}

export function insertConsultation(
  db: Db,
  values: { patientId: string; physician: string; startedAt: string; language: Language; playlist: string[] },
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO consultations (id, patient_id, physician, started_at, language, playlist, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    values.patientId,
    values.physician,
    values.startedAt,
    values.language,
    JSON.stringify(values.playlist),
    values.startedAt,
  );
  return id;
}

export function touch(db: Db, id: string, at: string): void {
  db.prepare('UPDATE consultations SET updated_at = ? WHERE id = ?').run(at, id);
}

/** Marks the record changed and writes the audit row for it, in one go. */
export function recordChange(services: Services, consultationId: string, action: AuditAction, detail: string): string {
  const at = services.clock().toISOString();
  if (action !== 'consultation.delete' && action !== 'consultation.open') touch(services.db, consultationId, at);
  appendAudit(services.db, { at, actor: actorName(services.db), action, consultationId, detail });
  return at;
}

/**
 * Opening, finalizing and deleting a consultation: the steps that also touch
 * the presentation (which consultation slide views are attributed to, the
 * playlist and language on the patient screen).
 */
import type { ConsultationRecord, ParsedInput, PatientSpineLevel } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import {
  insertConsultation,
  loadConsultation,
  recordChange,
  requireDraft,
  type ConsultationRow,
} from './consultation-rows.js';
import { requirePatient } from './patients.js';
import { refreshOverviewFacts } from './overview-facts.js';
import { parsePlaylist, readRecord, recordDigest } from './record.js';
import { snapshotShownRisks } from './risks.js';
import { actorName, readSettings } from './settings.js';

/** NOT_FOUND naming the index of the first deck the library does not have. */
export function checkPlaylist(services: Services, playlist: readonly string[], field = 'playlist'): void {
  const known = new Set(services.library.list().decks.map((d) => d.id));
  const unknown = playlist.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw new ApiError('NOT_FOUND', `There is no deck "${playlist[unknown]}".`, `${field}.${unknown}`);
}

/** Attributes slide views to this draft and puts its playlist and language on the patient screen. */
export function attachDraft(
  services: Services,
  row: Pick<ConsultationRow, 'id' | 'language'>,
  playlist: string[],
): void {
  const { presentation, library } = services;
  if (presentation.views.consultationId !== row.id) {
    // A new consultation: the patient screen welcomes the next patient (the previous slide's time
    // stays with the previous consultation: it is closed before the log changes hands).
    presentation.beginConsultation(patientSpine(services, row.id));
    presentation.views.setConsultation(row.id);
  }
  const known = new Set(library.list().decks.map((d) => d.id));
  const usable = playlist.filter((id) => known.has(id));
  const current = presentation.state.playlist;
  if (usable.length > 0 && (usable.length !== current.length || usable.some((id, i) => id !== current[i]))) {
    presentation.setPlaylist(usable);
  }
  if (presentation.state.language !== row.language) presentation.setLanguage(row.language);
}

/** Stops attributing slide views to this consultation, if it is the open one; the patient screen goes idle. */
export function detach(services: Services, id: string): void {
  if (services.presentation.views.consultationId !== id) return;
  services.presentation.endConsultation();
  services.presentation.views.setConsultation(null);
}

/** The record's fractured levels with the ones planned for augmentation marked (no identity in it). */
export function patientSpine(services: Services, id: string): PatientSpineLevel[] {
  const { current } = readRecord(services, id);
  const planned = new Set(current.decision.path === 'augmentation' ? current.decision.augmentation.levels : []);
  return current.findings.fracturedLevels.map((l) => ({ ...l, planned: planned.has(l.level) }));
}

/** After findings or decision changed: the open consultation's spine on the patient screen follows at once. */
export function refreshPatientSpine(services: Services, id: string): void {
  if (services.presentation.views.consultationId !== id) return;
  const spine = patientSpine(services, id);
  if (JSON.stringify(spine) !== JSON.stringify(services.presentation.state.spine))
    services.presentation.showSpine(spine);
}

/**
 * A new draft for the patient, in the given language and playlist or the ones on screen now; it becomes the
 * open consultation (its slide views, its playlist on the patient screen).
 */
export function startConsultation(
  services: Services,
  { patientId, language, playlist }: ParsedInput<'consultations.start'>,
): ConsultationRecord {
  const { db, presentation } = services;
  requirePatient(db, patientId, 'patientId');
  const chosen = {
    language: language ?? presentation.state.language,
    playlist: playlist ?? [...presentation.state.playlist],
  };
  checkPlaylist(services, chosen.playlist);
  const id = db
    .transaction(() => {
      const startedAt = services.clock().toISOString();
      const physician = readSettings(db).physicianName;
      const created = insertConsultation(db, { patientId, physician, startedAt, ...chosen });
      appendAudit(db, {
        at: startedAt,
        actor: actorName(db),
        action: 'consultation.start',
        consultationId: created,
        detail: `patient=${patientId}`,
      });
      return created;
    })
    .immediate();
  attachDraft(services, { id, language: chosen.language }, chosen.playlist);
  return readRecord(services, id);
}

/** The open consultation's record, or null (none open, or it was deleted meanwhile). */
export function currentRecord(services: Services): ConsultationRecord | null {
  const id = services.presentation.views.consultationId;
  const exists = id !== null && services.db.prepare('SELECT 1 FROM consultations WHERE id = ?').get(id) !== undefined;
  return exists ? readRecord(services, id) : null;
}

export function openConsultation(services: Services, id: string): ConsultationRecord {
  const row = loadConsultation(services.db, id);
  // A signed record is only shown: the consultation running now keeps its slide views.
  if (row.status === 'draft') attachDraft(services, row, parsePlaylist(row.playlist));
  services.db.transaction(() => recordChange(services, id, 'consultation.open', `status=${row.status}`)).immediate();
  return readRecord(services, id);
}

export function finalizeConsultation(services: Services, id: string): ConsultationRecord {
  const { db } = services;
  const signer = readSettings(db).physicianName;
  if (!signer) {
    throw new ApiError('CONFLICT', 'Enter your name in Settings first: it signs the record.', 'physicianName');
  }
  requireDraft(db, id);
  // Close the running slide view first, so the times frozen below are final.
  detach(services, id);
  db.transaction(() => {
    const at = services.clock().toISOString();
    snapshotShownRisks(db, id);
    db.prepare(
      `UPDATE consultations SET status = 'finalized', finalized_at = ?, finalized_by = ?,
         physician = CASE WHEN physician = '' THEN ? ELSE physician END, updated_at = ?
       WHERE id = ?`,
    ).run(at, signer, signer, at, id);
    refreshOverviewFacts(db, id);
    recordChange(services, id, 'consultation.finalize', `sha256=${recordDigest(readRecord(services, id))}`);
  }).immediate();
  return readRecord(services, id);
}

export function deleteDraft(services: Services, id: string): void {
  const { db } = services;
  const row = loadConsultation(db, id);
  if (row.status === 'finalized') {
    throw new ApiError('CONFLICT', 'A finalized record cannot be deleted. Add an amendment to correct it.', 'id');
  }
  detach(services, id);
  db.transaction(() => {
    // Notes, entries, decision, risks and slide views go with it (ON DELETE CASCADE).
    db.prepare('DELETE FROM consultations WHERE id = ?').run(id);
    appendAudit(db, {
      at: services.clock().toISOString(),
      actor: actorName(db),
      action: 'consultation.delete',
      consultationId: id,
      detail: `patient=${row.patient_id}`,
    });
  }).immediate();
}

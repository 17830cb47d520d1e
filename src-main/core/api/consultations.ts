import { riskIds, type ParsedInput } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import { insertAmendment } from '../records/amendments.js';
import { insertConsultation, loadConsultation, recordChange, requireDraft } from '../records/consultation-rows.js';
import { localDate } from '../records/dates.js';
import { queryHistory } from '../records/history.js';
import {
  attachDraft,
  checkPlaylist,
  deleteDraft,
  detach,
  finalizeConsultation,
  openConsultation,
  refreshPatientSpine,
} from '../records/lifecycle.js';
import { requirePatient } from '../records/patients.js';
import { readRecord } from '../records/record.js';
import { readRisks, risksAmendValue, writeConfirmedRisks } from '../records/risks.js';
import { bumpSection, checkBase, sectionRevision } from '../records/revisions.js';
import {
  checkDecisionDates,
  checkFindingsDates,
  decisionView,
  normalizeDecision,
  normalizeFindings,
  parseDecision,
  parseFindings,
} from '../records/sections.js';
import { actorName, readSettings } from '../records/settings.js';
import type { AreaHandlers } from '../handler.js';
import { auditAcknowledged, requireAcknowledged } from '../records/sign-check.js';
import { writeWhatMatters } from '../records/what-matters.js';

const today = (services: Services): string => localDate(services.clock());
const consultationDay = (startedAt: string): string => localDate(new Date(startedAt));

function amend(services: Services, { id, reason, change }: ParsedInput<'consultations.amend'>): void {
  const { db } = services;
  const author = readSettings(db).physicianName;
  if (!author)
    throw new ApiError('CONFLICT', 'Enter your name in Settings first: it signs the amendment.', 'physicianName');
  const row = loadConsultation(db, id);
  if (row.status === 'draft') throw new ApiError('CONFLICT', 'This record is still a draft: change it directly.', 'id');
  const { current } = readRecord(services, id);
  let before: unknown;
  let after: unknown;
  switch (change.section) {
    case 'findings':
      before = current.findings;
      after = normalizeFindings(change.after);
      checkFindingsDates(change.after, today(services), 'change.after');
      break;
    case 'decision':
      before = normalizeDecision(current.decision);
      after = normalizeDecision(change.after);
      checkDecisionDates(change.after, consultationDay(row.started_at), 'change.after');
      break;
    case 'risks':
      before = risksAmendValue(current.risks);
      after = {
        confirmed: riskIds.filter((r) => change.after.confirmed.includes(r)),
        otherText: change.after.otherText,
      };
      break;
    case 'notes':
      before = current.notes;
      after = { body: change.after.body };
      break;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) {
    throw new ApiError('VALIDATION', 'change.after: is the same as the record now', 'change.after');
  }
  const at = services.clock().toISOString();
  const amendmentId = insertAmendment(db, {
    consultationId: id,
    at,
    author,
    section: change.section,
    before,
    after,
    reason,
  });
  recordChange(services, id, 'consultation.amend', `section=${change.section} amendment=${amendmentId}`);
}

export const consultationsApi: AreaHandlers<'consultations'> = {
  'consultations.start': ({ patientId, language, playlist }, { services }) => {
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
  },

  'consultations.get': ({ id }, { services }) => readRecord(services, id),

  'consultations.current': (_input, { services }) => {
    const id = services.presentation.views.consultationId;
    const exists = id !== null && services.db.prepare('SELECT 1 FROM consultations WHERE id = ?').get(id) !== undefined;
    return { record: exists ? readRecord(services, id) : null };
  },

  'consultations.open': ({ id }, { services }) => openConsultation(services, id),

  'consultations.close': ({ id }, { services }) => {
    detach(services, id);
    return { openConsultationId: services.presentation.views.consultationId };
  },

  'consultations.updateFindings': ({ id, findings, baseRevision }, { services }) => {
    const { db } = services;
    db.transaction(() => {
      const row = requireDraft(db, id);
      checkFindingsDates(findings, today(services), 'findings');
      const json = JSON.stringify(normalizeFindings(findings));
      if (json === row.findings) return;
      const revision = sectionRevision(db, id, 'findings');
      checkBase('findings', baseRevision, { revision, value: () => parseFindings(row.findings) });
      db.prepare('UPDATE consultations SET findings = ? WHERE id = ?').run(json, id);
      const next = bumpSection(db, id, 'findings');
      recordChange(services, id, 'consultation.update', `section=findings revision=${next}`);
    }).immediate();
    refreshPatientSpine(services, id);
    return readRecord(services, id);
  },

  'consultations.updateDecision': ({ id, decision, baseRevision }, { services }) => {
    const { db } = services;
    db.transaction(() => {
      const row = requireDraft(db, id);
      checkDecisionDates(decision, consultationDay(row.started_at), 'decision');
      const { path, ...details } = normalizeDecision(decision);
      const json = JSON.stringify(details);
      const stored = db.prepare('SELECT path, details FROM decisions WHERE consultation_id = ?').get(id) as
        { path: string | null; details: string } | undefined;
      if (stored && stored.path === path && stored.details === json) return;
      const revision = sectionRevision(db, id, 'decision');
      checkBase('decision', baseRevision, {
        revision,
        value: () => decisionView(parseDecision(stored?.path, stored?.details)),
      });
      const next = bumpSection(db, id, 'decision');
      const at = recordChange(services, id, 'consultation.update', `section=decision path=${path} revision=${next}`);
      db.prepare(
        `INSERT INTO decisions (consultation_id, path, details, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (consultation_id) DO UPDATE SET path = excluded.path, details = excluded.details, updated_at = excluded.updated_at`,
      ).run(id, path, json, at);
    }).immediate();
    refreshPatientSpine(services, id);
    return readRecord(services, id);
  },

  'consultations.updateWhatMatters': ({ id, whatMatters }, { services }) => {
    writeWhatMatters(services, id, whatMatters);
    return readRecord(services, id);
  },

  'consultations.confirmRisks': ({ id, risks, baseRevision }, { services }) => {
    const { db } = services;
    db.transaction(() => {
      requireDraft(db, id);
      // The risk slide on screen right now counts with its time so far.
      if (services.presentation.views.consultationId === id) services.presentation.views.flush();
      const stored = readRisks(db, id, false);
      const before = risksAmendValue(stored);
      const after = { confirmed: riskIds.filter((r) => risks.confirmed.includes(r)), otherText: risks.otherText };
      // Confirming the same list again only marks it reviewed: no conflict, no new revision.
      if (JSON.stringify(before) !== JSON.stringify(after) || stored.reviewedAt === null) {
        checkBase('risks', baseRevision, { revision: sectionRevision(db, id, 'risks'), value: () => stored });
        bumpSection(db, id, 'risks');
      }
      const at = recordChange(services, id, 'consultation.update', `section=risks confirmed=${risks.confirmed.length}`);
      writeConfirmedRisks(db, id, risks, at);
    }).immediate();
    return readRecord(services, id);
  },

  'consultations.finalize': ({ id, acknowledged }, { services }) => {
    const warnings = requireAcknowledged(services, id, acknowledged);
    // The acknowledgements and the signature land together, or neither does.
    return services.db
      .transaction(() => {
        auditAcknowledged(services, id, warnings);
        return finalizeConsultation(services, id);
      })
      .immediate();
  },

  'consultations.amend': (input, { services }) => {
    services.db.transaction(() => amend(services, input)).immediate();
    return readRecord(services, input.id);
  },

  'consultations.delete': ({ id }, { services }) => {
    deleteDraft(services, id);
    return { deleted: id };
  },

  'consultations.history': (input, { services }) => queryHistory(services.db, input),
};

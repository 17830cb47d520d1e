/**
 * Follow-up visits: recorded after a finalized consultation, saved as drafts,
 * signed, then read-only. Every write is audited against the index
 * consultation (the visit's id, never its values) and announced by
 * `createCore`'s dispatch as `consultations.changed`.
 */
import { ApiError } from '../../../src-shared/errors.js';
import { appendAudit } from '../audit.js';
import type { Services } from '../context.js';
import type { AreaHandlers } from '../handler.js';
import { loadConsultation } from '../records/consultation-rows.js';
import { localDate } from '../records/dates.js';
import {
  checkVisitDate,
  finalizeFollowUp,
  insertFollowUp,
  insertFollowUpAmendment,
  listFollowUps,
  loadFollowUp,
  readTimeline,
  sameValues,
  updateFollowUp,
} from '../records/follow-ups.js';
import { checkBase } from '../records/revisions.js';
import { refreshOverviewFacts } from '../records/overview-facts.js';
import { requirePatient } from '../records/patients.js';
import { actorName, readSettings } from '../records/settings.js';

function audit(services: Services, action: string, consultationId: string, detail: string): string {
  const at = services.clock().toISOString();
  appendAudit(services.db, { at, actor: actorName(services.db), action, consultationId, detail });
  return at;
}

function requireDraftVisit(services: Services, id: string) {
  const visit = loadFollowUp(services.db, id);
  if (visit.status !== 'draft') {
    throw new ApiError(
      'LOCKED',
      `This follow-up visit was signed by ${visit.finalizedBy ?? 'the physician'} and is read-only.`,
      'id',
    );
  }
  return visit;
}

export const followUpsApi: AreaHandlers<'followUps'> = {
  'followUps.create': ({ consultationId, values }, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        // A follow-up looks back at a decision that was signed; a draft may still change.
        if (loadConsultation(db, consultationId, 'consultationId').status !== 'finalized') {
          throw new ApiError(
            'CONFLICT',
            'Sign the consultation first: a follow-up visit is recorded after a finalized consultation.',
            'consultationId',
          );
        }
        checkVisitDate(db, consultationId, values.visitDate, localDate(services.clock()));
        const at = services.clock().toISOString();
        const id = insertFollowUp(db, consultationId, values, at);
        audit(services, 'followUp.create', consultationId, `followUp=${id}`);
        return loadFollowUp(db, id);
      })
      .immediate();
  },

  'followUps.update': ({ id, values, baseRevision }, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        const visit = requireDraftVisit(services, id);
        // The same values again are a retried save, whatever their base; other values need the current one.
        if (sameValues(visit, values)) return visit;
        checkBase('visit', baseRevision, { revision: visit.revision, value: () => visit });
        checkVisitDate(db, visit.consultationId, values.visitDate, localDate(services.clock()));
        updateFollowUp(db, id, values, services.clock().toISOString());
        audit(services, 'followUp.update', visit.consultationId, `followUp=${id}`);
        return loadFollowUp(db, id);
      })
      .immediate();
  },

  'followUps.finalize': ({ id }, { services }) => {
    const { db } = services;
    const signer = readSettings(db).physicianName;
    if (!signer) {
      throw new ApiError('CONFLICT', 'Enter your name in Settings first: it signs the visit.', 'physicianName');
    }
    return db
      .transaction(() => {
        const visit = requireDraftVisit(services, id);
        const at = services.clock().toISOString();
        finalizeFollowUp(db, id, signer, at);
        refreshOverviewFacts(db, visit.consultationId);
        audit(services, 'followUp.finalize', visit.consultationId, `followUp=${id}`);
        return loadFollowUp(db, id);
      })
      .immediate();
  },

  'followUps.amend': ({ id, reason, values }, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        const visit = loadFollowUp(db, id);
        if (visit.status !== 'finalized') {
          throw new ApiError(
            'LOCKED',
            'This visit is still a draft: edit it, a correction is for a signed visit.',
            'id',
          );
        }
        checkVisitDate(db, visit.consultationId, values.visitDate, localDate(services.clock()));
        if (sameValues(visit, values)) {
          throw new ApiError(
            'VALIDATION',
            'values: nothing was changed, the correction would leave the visit as it is',
            'values',
          );
        }
        const at = services.clock().toISOString();
        const author = readSettings(db).physicianName || actorName(db);
        insertFollowUpAmendment(db, { followUpId: id, at, author, before: visit, after: values, reason });
        refreshOverviewFacts(db, visit.consultationId);
        audit(services, 'followUp.amend', visit.consultationId, `followUp=${id}`);
        return loadFollowUp(db, id);
      })
      .immediate();
  },

  'followUps.list': ({ consultationId }, { services }) => {
    loadConsultation(services.db, consultationId, 'consultationId');
    return { items: listFollowUps(services.db, consultationId) };
  },

  'followUps.timeline': ({ patientId }, { services }) => {
    requirePatient(services.db, patientId, 'patientId');
    return readTimeline(services.db, patientId);
  },
};

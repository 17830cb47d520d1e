import { amend } from '../records/amendments.js';
import { queryHistory } from '../records/history.js';
import {
  currentRecord,
  deleteDraft,
  detach,
  finalizeConsultation,
  openConsultation,
  refreshPatientSpine,
  startConsultation,
} from '../records/lifecycle.js';
import { readRecord } from '../records/record.js';
import { confirmRisks } from '../records/risks.js';
import { writeDecision, writeFindings } from '../records/section-writes.js';
import type { AreaHandlers } from '../handler.js';
import { auditAcknowledged, requireAcknowledged } from '../records/sign-check.js';
import { writeWhatMatters } from '../records/what-matters.js';

/** Every statement of the record lives in core/records; these handlers call them and answer with the record. */
export const consultationsApi: AreaHandlers<'consultations'> = {
  'consultations.start': (input, { services }) => startConsultation(services, input),

  'consultations.get': ({ id }, { services }) => readRecord(services, id),

  'consultations.current': (_input, { services }) => ({ record: currentRecord(services) }),

  'consultations.open': ({ id }, { services }) => openConsultation(services, id),

  'consultations.close': ({ id }, { services }) => {
    detach(services, id);
    return { openConsultationId: services.presentation.views.consultationId };
  },

  'consultations.updateFindings': (input, { services }) => {
    writeFindings(services, input);
    refreshPatientSpine(services, input.id);
    return readRecord(services, input.id);
  },

  'consultations.updateDecision': (input, { services }) => {
    writeDecision(services, input);
    refreshPatientSpine(services, input.id);
    return readRecord(services, input.id);
  },

  'consultations.updateWhatMatters': ({ id, whatMatters, baseRevision }, { services }) => {
    writeWhatMatters(services, id, whatMatters, baseRevision);
    return readRecord(services, id);
  },

  'consultations.confirmRisks': (input, { services }) => {
    confirmRisks(services, input);
    return readRecord(services, input.id);
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
    amend(services, input);
    return readRecord(services, input.id);
  },

  'consultations.delete': ({ id }, { services }) => {
    deleteDraft(services, id);
    return { deleted: id };
  },

  'consultations.history': (input, { services }) => queryHistory(services.db, input),
};

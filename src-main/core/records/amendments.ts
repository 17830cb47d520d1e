/**
 * Amendments: corrections of a finalized record. Each keeps the section as it
 * was before and after, the author, the time and the reason; the signed
 * sections are never rewritten (`amended-sections.ts` applies them in order).
 */
import { riskIds, type AmendableSection, type ParsedInput } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { loadConsultation, recordChange } from './consultation-rows.js';
import { localDate } from './dates.js';
import { refreshOverviewFacts } from './overview-facts.js';
import { readRecord } from './record.js';
import { risksAmendValue } from './risks.js';
import { checkDecisionDates, checkFindingsDates, normalizeDecision, normalizeFindings } from './sections.js';
import { readSettings } from './settings.js';

function insertAmendment(
  db: Db,
  values: {
    consultationId: string;
    at: string;
    author: string;
    section: AmendableSection;
    before: unknown;
    after: unknown;
    reason: string;
  },
): number {
  const result = db
    .prepare(
      'INSERT INTO amendments (consultation_id, at, author, section, before, after, reason) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      values.consultationId,
      values.at,
      values.author,
      values.section,
      JSON.stringify(values.before),
      JSON.stringify(values.after),
      values.reason,
    );
  return Number(result.lastInsertRowid);
}

/** Adds an amendment to a finalized record, signed by the physician of the settings, in one transaction. */
export function amend(services: Services, { id, reason, change }: ParsedInput<'consultations.amend'>): void {
  services.db.transaction(() => amendInTransaction(services, { id, reason, change })).immediate();
}

function amendInTransaction(services: Services, { id, reason, change }: ParsedInput<'consultations.amend'>): void {
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
      checkFindingsDates(change.after, localDate(services.clock()), 'change.after');
      break;
    case 'decision':
      before = normalizeDecision(current.decision);
      after = normalizeDecision(change.after);
      checkDecisionDates(change.after, localDate(new Date(row.started_at)), 'change.after');
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
  refreshOverviewFacts(db, id);
  recordChange(services, id, 'consultation.amend', `section=${change.section} amendment=${amendmentId}`);
}

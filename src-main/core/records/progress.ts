/**
 * "Your progress" (issue 15, item 5): the patient's pain chart as the patient
 * screen shows it. The patient screen never reads records, so core derives
 * the points here and puts them into the presentation state: pain scores,
 * days after the patient's first consultation and the procedure days. Nothing
 * else of the timeline goes out (no ids, dates, names or hospital numbers).
 */
import type { CallName, Progress, Timeline } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import type { Db } from '../db/open.js';
import { daysBetween, readTimeline } from './follow-ups.js';
import { requirePatient } from './patients.js';

/** The timeline's pain points and procedures as days after the first consultation; pure. */
export function progressOf(timeline: Timeline): Progress {
  const first = timeline.consultations[0]?.date;
  if (first === undefined) return { points: [], procedures: [] };
  return {
    points: timeline.points.map((p) => ({ day: daysBetween(first, p.date), pain: p.pain, kind: p.kind })),
    procedures: timeline.procedures.map((p) => daysBetween(first, p.date)),
  };
}

export function readProgress(db: Db, patientId: string): Progress {
  requirePatient(db, patientId, 'patientId');
  const progress = progressOf(readTimeline(db, patientId));
  if (progress.points.length === 0) {
    throw new ApiError('CONFLICT', 'There is no pain score to show yet: record one at a visit first.', 'patientId');
  }
  return progress;
}

/**
 * Calls after which "your progress" leaves the patient screen: the doctor opened, closed, started or
 * deleted a record, so the chart may no longer be the patient's in the room.
 */
const ENDS_PROGRESS: ReadonlySet<CallName> = new Set<CallName>([
  'consultations.start',
  'consultations.open',
  'consultations.close',
  'consultations.delete',
  'consultations.finalize',
]);

export function endsProgress(name: CallName): boolean {
  return ENDS_PROGRESS.has(name);
}

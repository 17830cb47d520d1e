/**
 * Revisions of the editable sections, kept by core (issue 11, M1). Each landed
 * change of a section moves its revision on by one; a save names the revision
 * it was based on, and one based on an older revision that would change the
 * section is refused with CONFLICT carrying what core holds now. A save that
 * changes nothing is accepted whatever its base: it is a retry of a save that
 * landed, or both windows wrote the same.
 */
import type { ConsultationRecord } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import type { Db } from '../db/open.js';

/** The sections with a revision row of their own (the notes keep theirs in their own table). */
export type RecordSection = Exclude<keyof ConsultationRecord['revisions'], 'notes' | 'boneHealth' | 'whatMatters'>;
export type RevisedSection = RecordSection | 'notes' | 'patient' | 'boneHealth' | 'whatMatters' | 'visit';

export function sectionRevision(db: Db, consultationId: string, section: RecordSection): number {
  const value = db
    .prepare('SELECT revision FROM record_revisions WHERE consultation_id = ? AND section = ?')
    .pluck()
    .get(consultationId, section) as number | undefined;
  return value ?? 0;
}

/** The revisions of a record's sections, as the console bases its next saves on them. */
export function recordRevisions(
  db: Db,
  consultationId: string,
): Omit<ConsultationRecord['revisions'], 'boneHealth' | 'whatMatters'> {
  const rows = db
    .prepare('SELECT section, revision FROM record_revisions WHERE consultation_id = ?')
    .all(consultationId) as Array<{ section: RecordSection; revision: number }>;
  const notes = db.prepare('SELECT revision FROM notes WHERE consultation_id = ?').pluck().get(consultationId) as
    number | undefined;
  const revisions = { findings: 0, decision: 0, risks: 0, notes: notes ?? 0 };
  for (const row of rows) revisions[row.section] = row.revision;
  return revisions;
}

/** Moves the section's revision on after a landed change; returns the new one. */
export function bumpSection(db: Db, consultationId: string, section: RecordSection): number {
  return db
    .prepare(
      `INSERT INTO record_revisions (consultation_id, section, revision) VALUES (?, ?, 1)
       ON CONFLICT (consultation_id, section) DO UPDATE SET revision = revision + 1 RETURNING revision`,
    )
    .pluck()
    .get(consultationId, section) as number;
}

const LABELS: Record<RevisedSection, string> = {
  findings: 'findings',
  decision: 'decision',
  risks: 'risks discussed',
  notes: 'notes',
  patient: 'patient details',
  boneHealth: 'items of the bone-health plan',
  whatMatters: 'answers of what matters to the patient',
  visit: 'values of this follow-up visit',
};

/** Refuses a change based on another revision than the section's (every save names its base). */
export function checkBase(
  section: RevisedSection,
  baseRevision: number,
  current: { revision: number; value: () => unknown },
): void {
  if (baseRevision === current.revision) return;
  throw new ApiError(
    'CONFLICT',
    `The ${LABELS[section]} were changed in another window (revision ${current.revision}, yours was based on ${baseRevision}). ` +
      'Nothing was overwritten: choose which version to keep.',
    'baseRevision',
    { section, revision: current.revision, value: current.value() },
  );
}

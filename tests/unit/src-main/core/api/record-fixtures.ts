/** Shared set-up for the records tests: a test core with a physician, patients and drafts. */
import { createHash } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import type { CallOutput, Findings, Decision } from '../../../../../src-shared/contract/index.js';
import type { ErrorCode } from '../../../../../src-shared/errors.js';
import { makeTestCore, type TestCore } from '../../../helpers/test-core.js';

const open: TestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/** A fresh core (closed after the test), optionally with the physician name set. */
export async function recordsCore(options: { physician?: string | null; start?: string } = {}): Promise<TestCore> {
  const t = makeTestCore({ start: options.start });
  open.push(t);
  const physician = options.physician === undefined ? 'Dr. Anna Weber' : options.physician;
  if (physician !== null) await t.call('settings.update', { physicianName: physician });
  return t;
}

export async function newPatient(
  t: TestCore,
  fields: Record<string, unknown> = {},
): Promise<CallOutput<'patients.create'>> {
  return t.call('patients.create', { displayName: 'Anna Müller', birthDate: '1948-03-02', sex: 'female', ...fields });
}

export async function newDraft(t: TestCore, patientId?: string): Promise<CallOutput<'consultations.start'>> {
  const id = patientId ?? (await newPatient(t)).id;
  return t.call('consultations.start', { patientId: id });
}

export const emptyFindings: Findings = { painNow: null, painSince: null, fracturedLevels: [], redFlags: [] };

export const emptyDecision: Decision = {
  path: 'undecided',
  conservativeMeasures: [],
  conservativeDetails: '',
  augmentation: { procedure: null, levels: [], anaesthesia: null, plannedDate: null },
  referral: '',
  questions: '',
  followUpDate: null,
  sure: { sureOfChoice: null, knowsBenefitsAndRisks: null, clearAboutValues: null, enoughSupport: null },
};

const RECORD_TABLES = [
  'patients',
  'consultations',
  'notes',
  'note_entries',
  'decisions',
  'risks_discussed',
  'what_matters',
  'what_matters_revisions',
  'bone_health_plans',
  'follow_ups',
  'amendments',
  'patient_corrections',
  'audit_log',
  'settings',
  'record_fts',
  'overview_facts',
  'overview_fact_complications',
] as const;

/** A hash of every row of the record tables: equal before and after means nothing was written. */
export function recordTablesHash(t: TestCore): string {
  const hash = createHash('sha256');
  for (const table of RECORD_TABLES) {
    hash.update(table);
    hash.update(JSON.stringify(t.core.services.db.prepare(`SELECT rowid, * FROM ${table} ORDER BY rowid`).all()));
  }
  return hash.digest('hex');
}

/** Expects the call to fail with this code (and field), leaving the record tables untouched. */
export async function expectRejected(
  t: TestCore,
  name: string,
  input: unknown,
  code: ErrorCode,
  field?: string,
): Promise<void> {
  const before = recordTablesHash(t);
  const result = await t.raw(name, input);
  expect(result.ok, `${name} should fail`).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    if (field !== undefined) expect(result.error.field).toBe(field);
    if (field !== undefined && code === 'VALIDATION') expect(result.error.message).toContain(field);
  }
  expect(recordTablesHash(t), `${name} must not write`).toBe(before);
}

export function auditRows(
  t: TestCore,
): Array<{ id: number; actor: string; action: string; consultation_id: string | null; detail: string }> {
  return t.core.services.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as never;
}

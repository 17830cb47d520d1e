/**
 * The practice overview on a small fixed data set, written through core as the
 * console writes it (the bone-health plan and the visit's bone medicine by SQL:
 * their form is another helper's work on the same schema). Every expected
 * figure is counted by hand below, with the arithmetic in the comment.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  signWarningIds,
  type Decision,
  type FollowUpValues,
  type Overview,
  type spineLevels,
} from '../../../../../src-shared/contract/index.js';
import { verifyAuditChain } from '../../../../../src-main/core/audit.js';
import { mountSmallDisk } from '../../../helpers/small-disk.js';
import type { TestCore } from '../../../helpers/test-core.js';
import { auditRows, emptyDecision, emptyFindings, expectRejected, newPatient, recordsCore } from './record-fixtures.js';
import { quietVisit } from '../../../helpers/follow-up-values.js';

const DAY = 86_400_000;
const yes = { sureOfChoice: true, knowsBenefitsAndRisks: true, clearAboutValues: true, enoughSupport: true };

type SpineLevel = (typeof spineLevels)[number];

interface Spec {
  day: string;
  levels: SpineLevel[];
  decision: Partial<Decision>;
  plan?: string;
  sign?: boolean;
}

/** Moves the clock to 09:00 UTC of the day (the same local day in every time zone from −9 h to +14 h). */
function setDay(t: TestCore, day: string): void {
  t.advance(Date.parse(`${day}T09:00:00Z`) - t.now().getTime());
}

let patients = 0;
async function consultation(t: TestCore, spec: Spec): Promise<string> {
  setDay(t, spec.day);
  patients += 1;
  const patient = await newPatient(t, { displayName: `Patient ${patients}`, hospitalNumber: `H-${patients}-X` });
  const draft = await t.call('consultations.start', { patientId: patient.id });
  await t.call('consultations.updateFindings', {
    id: draft.id,
    findings: { ...emptyFindings, painNow: 7, fracturedLevels: spec.levels.map((level) => ({ level, grade: 2 })) },
    baseRevision: 0,
  });
  await t.call('consultations.updateDecision', {
    id: draft.id,
    decision: { ...emptyDecision, ...spec.decision },
    baseRevision: 0,
  });
  if (spec.plan) {
    t.core.services.db
      .prepare('INSERT INTO bone_health_plans (consultation_id, medicine, updated_at) VALUES (?, ?, ?)')
      .run(draft.id, spec.plan, t.now().toISOString());
  }
  if (spec.sign !== false) await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
  return draft.id;
}

async function visit(
  t: TestCore,
  consultationId: string,
  values: Partial<FollowUpValues> & { visitDate: string },
  boneMedicine: string | null,
  sign = true,
): Promise<void> {
  const created = await t.call('followUps.create', {
    consultationId,
    values: quietVisit(values.visitDate, values),
  });
  t.core.services.db.prepare('UPDATE follow_ups SET bone_medicine = ? WHERE id = ?').run(boneMedicine, created.id);
  if (sign) await t.call('followUps.finalize', { id: created.id });
}

const kypho = (sure: Decision['sure']): Partial<Decision> => ({
  path: 'augmentation',
  augmentation: { procedure: 'balloon-kyphoplasty', levels: ['L1'], anaesthesia: 'local', plannedDate: null },
  sure,
});

/**
 * C1 2026-01-05 L1, kyphoplasty, SURE 4, plan "started"; visits 01-19 (cement leak, bone "taking") and
 *    04-20 (adjacent fracture, new fracture T12).
 * C2 2026-01-12 T12+L1, vertebroplasty, SURE 3, no plan; visit 03-30 = 19+28+30 = 77 days after, bone "started",
 *    cement leak + lung embolism.
 * C3 2026-02-02 L2, conservative, SURE not asked, plan "referred"; visit 05-06 = 26+31+30+6 = 93 days after,
 *    bone "started" (one day too late), other complication in words.
 * C4 2026-02-16 no level, conservative, SURE 2, plan "started" (not a fracture patient: outside the share).
 * C5 2026-03-02 L3, undecided, SURE 3 answers of 4, plan "declined"; a DRAFT visit 03-20 (infection, bone
 *    "started"): drafts count nowhere.
 * C6 2026-03-16 L1, signed as kyphoplasty, amended to conservative; SURE 4; plan "continued".
 * C7 2026-04-06 T8, referred, SURE 0; visit 06-01 (56 days), bone "not-started", new fractures T9 + T10.
 * C8 2026-04-20 L4, augmentation without a procedure chosen, SURE 4, no plan; visit 05-04 (14 days) bone "taking".
 * D9 2026-04-20 a draft with a kyphoplasty: not finalized, so nowhere.
 */
async function fixedSet(): Promise<TestCore> {
  const t = await recordsCore({ start: '2026-01-05T09:00:00.000Z' });
  const c1 = await consultation(t, { day: '2026-01-05', levels: ['L1'], decision: kypho(yes), plan: 'started' });
  const c2 = await consultation(t, {
    day: '2026-01-12',
    levels: ['T12', 'L1'],
    decision: {
      path: 'augmentation',
      augmentation: { procedure: 'vertebroplasty', levels: ['L1'], anaesthesia: 'local', plannedDate: null },
      sure: { ...yes, enoughSupport: false },
    },
  });
  const c3 = await consultation(t, {
    day: '2026-02-02',
    levels: ['L2'],
    decision: { path: 'conservative' },
    plan: 'referred',
  });
  await consultation(t, {
    day: '2026-02-16',
    levels: [],
    decision: { path: 'conservative', sure: { ...yes, sureOfChoice: false, enoughSupport: false } },
    plan: 'started',
  });
  const c5 = await consultation(t, {
    day: '2026-03-02',
    levels: ['L3'],
    decision: { path: 'undecided', sure: { ...yes, clearAboutValues: null } },
    plan: 'declined',
  });
  const c6 = await consultation(t, { day: '2026-03-16', levels: ['L1'], decision: kypho(yes), plan: 'continued' });
  await t.call('consultations.amend', {
    id: c6,
    reason: 'The patient chose conservative care after all.',
    change: { section: 'decision', after: { ...emptyDecision, path: 'conservative', sure: yes } },
  });
  const c7 = await consultation(t, {
    day: '2026-04-06',
    levels: ['T8'],
    decision: {
      path: 'referred',
      referral: 'Rheumatology',
      sure: { sureOfChoice: false, knowsBenefitsAndRisks: false, clearAboutValues: false, enoughSupport: false },
    },
  });
  const c8 = await consultation(t, {
    day: '2026-04-20',
    levels: ['L4'],
    decision: {
      path: 'augmentation',
      augmentation: { procedure: null, levels: [], anaesthesia: null, plannedDate: null },
      sure: yes,
    },
  });
  await consultation(t, { day: '2026-04-20', levels: ['L2'], decision: kypho(yes), sign: false });

  setDay(t, '2026-06-02');
  await visit(t, c1, { visitDate: '2026-01-19', complications: ['cement-leak'] }, 'taking');
  await visit(t, c1, { visitDate: '2026-04-20', complications: ['adjacent-fracture'], newFractures: ['T12'] }, null);
  await visit(t, c2, { visitDate: '2026-03-30', complications: ['cement-leak', 'lung-embolism'] }, 'started');
  await visit(t, c3, { visitDate: '2026-05-06', complicationsOther: 'Pneumonia' }, 'started');
  await visit(t, c5, { visitDate: '2026-03-20', complications: ['infection-bleeding'] }, 'started', false);
  await visit(t, c7, { visitDate: '2026-06-01', newFractures: ['T9', 'T10'] }, 'not-started');
  await visit(t, c8, { visitDate: '2026-05-04' }, 'taking');
  return t;
}

const paths = (o: Overview) => Object.fromEntries(o.paths.map((p) => [p.path, p.count]));
const sure = (o: Overview) => Object.fromEntries(o.sure.map((s) => [String(s.score), s.count]));
const complications = (o: Overview) =>
  Object.fromEntries(o.complications.map((c) => [c.id, [c.consultations, c.visits]]));

describe('overview.get: the practice overview', () => {
  it('counts every figure over all finalized consultations, as amended, leaving drafts out', async () => {
    const t = await fixedSet();
    const o = await t.call('overview.get', { from: null, to: null });
    // C1…C8 finalized; the draft D9 is not counted.
    expect(o.consultations).toBe(8);
    // Signed visits: C1 two, C2, C3, C7, C8 one each = 6; C5's draft visit is not counted.
    expect(o.visits).toBe(6);
    // conservative C3, C4 and C6 (amended from kyphoplasty) = 3; kyphoplasty C1 = 1 (C6 no longer);
    // vertebroplasty C2; augmentation without procedure C8; referred C7; undecided C5. 3+1+1+1+1+1 = 8.
    expect(paths(o)).toEqual({
      conservative: 3,
      'balloon-kyphoplasty': 1,
      vertebroplasty: 1,
      'augmentation-unspecified': 1,
      referred: 1,
      undecided: 1,
    });
    // Denominator: fractured levels recorded in C1, C2, C3, C5, C6, C7, C8 = 7 (C4 has none).
    // Numerator: C1 (plan started) + C2 (visit "started" at 77 ≤ 92 days) + C6 (plan continued)
    // + C8 (visit "taking" at 14 days) = 4. Not C3 (plan referred, visit at 93 > 92 days), not C5 (declined,
    // visit unsigned), not C7 (not started); C4's plan says started but C4 has no fracture.
    expect(o.boneMedicine).toEqual({ numerator: 4, denominator: 7 });
    // SURE 4: C1, C6, C8 = 3; 3: C2; 2: C4; 1: none; 0: C7; not asked or incomplete: C3, C5 = 2. 3+1+1+0+1+2 = 8.
    expect(sure(o)).toEqual({ '0': 1, '1': 0, '2': 1, '3': 1, '4': 3, null: 2 });
    // [consultations, visits]: cement leak at C1's and C2's visits; lung embolism at C2's; adjacent fracture at
    // C1's second visit; infection only at C5's unsigned visit (0); other at C3's.
    expect(complications(o)).toEqual({
      'cement-leak': [2, 2],
      'spinal-canal': [0, 0],
      'lung-embolism': [1, 1],
      'adjacent-fracture': [1, 1],
      'infection-bleeding': [0, 0],
      other: [1, 1],
    });
    // New fractures: C1's second visit (T12) and C7's visit (T9, T10): 2 consultations, 2 visits, 1+2 = 3 levels.
    expect(o.newFractures).toEqual({ consultations: 2, visits: 2, levels: 3 });
  });

  it('filters by the consultation day, both ends inclusive; visits follow their consultation', async () => {
    const t = await fixedSet();
    const feb = await t.call('overview.get', { from: '2026-02-01', to: '2026-03-31' });
    // C3 (02-02), C4 (02-16), C5 (03-02), C6 (03-16) = 4.
    expect(feb.consultations).toBe(4);
    // conservative C3, C4, C6 = 3; undecided C5 = 1.
    expect(paths(feb)).toMatchObject({ conservative: 3, undecided: 1, 'balloon-kyphoplasty': 0, referred: 0 });
    // Fractures C3, C5, C6 = 3; medicine C6 only = 1.
    expect(feb.boneMedicine).toEqual({ numerator: 1, denominator: 3 });
    // C3's visit (05-06) counts although it lies after the range: the range selects consultations.
    expect(feb.visits).toBe(1);
    expect(complications(feb).other).toEqual([1, 1]);
    expect(feb.newFractures).toEqual({ consultations: 0, visits: 0, levels: 0 });

    // One day, both ends: C2 alone.
    const oneDay = await t.call('overview.get', { from: '2026-01-12', to: '2026-01-12' });
    expect(oneDay.consultations).toBe(1);
    expect(paths(oneDay).vertebroplasty).toBe(1);
    // Open ends: from 04-06 on = C7, C8 = 2; up to 01-05 = C1 = 1.
    expect((await t.call('overview.get', { from: '2026-04-06', to: null })).consultations).toBe(2);
    expect((await t.call('overview.get', { from: null, to: '2026-01-05' })).consultations).toBe(1);
    // An empty range: every figure 0.
    const none = await t.call('overview.get', { from: '2025-01-01', to: '2025-12-31' });
    expect(none.consultations).toBe(0);
    expect(none.boneMedicine).toEqual({ numerator: 0, denominator: 0 });
  });

  it('refuses a range whose first day is after its last, and the patient screen', async () => {
    const t = await recordsCore();
    await expectRejected(t, 'overview.get', { from: '2026-03-02', to: '2026-03-01' }, 'VALIDATION', 'to');
    await expectRejected(t, 'overview.get', { from: '2026-13-01', to: null }, 'VALIDATION', 'from');
    const patient = await t.raw('overview.get', { from: null, to: null }, 'patient');
    expect(patient).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const csv = await t.raw('overview.exportCsv', { from: null, to: null }, 'patient');
    expect(csv).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('overview.exportCsv', () => {
  it('writes the figures with shares, no identifier, 0600, audited before and after', async () => {
    const t = await fixedSet();
    const { file } = await t.call('overview.exportCsv', { from: null, to: null });
    expect(file.path).toMatch(/2026-06-02_practice-overview_start_today\.csv$/);
    expect(fs.statSync(file.path).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file.path, 'utf8');
    expect(file.bytes).toBe(Buffer.byteLength(text));
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('figure,item,count,of,percent');
    // 3 of 8 = 37.5 %; 4 of 7 = 57.142… → 57.1 %; SURE 4: 3 of 8; new fracture levels have no denominator.
    expect(lines).toContain('decision path,Conservative care,3,8,37.5');
    expect(lines.find((l) => l.startsWith('osteoporosis medicine within 3 months,'))).toMatch(/,4,7,57\.1$/);
    expect(lines).toContain('SURE score,4 of 4,3,8,37.5');
    // Cement leak at 2 of 6 signed visits = 33.3 %.
    expect(lines).toContain('complication at follow-up (visits),Cement leak,2,6,33.3');
    expect(lines).toContain('new fracture at follow-up,levels,3,,');
    for (const identifier of ['Patient ', '-X', 'Dr. Anna Weber']) expect(text).not.toContain(identifier);

    const audit = auditRows(t).filter((r) => r.action.startsWith('export'));
    expect(audit.map((r) => r.action)).toEqual(['export.started', 'export']);
    expect(audit[0]?.detail).toBe(audit[1]?.detail);
    expect(audit[1]?.detail).toContain('kind=overview-csv');
    expect(audit[1]?.detail).toContain('2026-06-02_practice-overview_start_today.csv');
    expect(verifyAuditChain(t.core.services.db).ok).toBe(true);

    // A second export never overwrites the first.
    t.advance(DAY / 24);
    const again = await t.call('overview.exportCsv', { from: null, to: null });
    expect(again.file.path).toMatch(/today-2\.csv$/);
  });

  it('leaves no file and audits the failure when the disk is full', async (ctx) => {
    const disk = mountSmallDisk(1);
    if (!disk) {
      ctx.skip();
      return;
    }
    try {
      const t = await fixedSet();
      await t.call('settings.update', { exportFolder: disk.dir });
      disk.fill(0);
      const before = fs.readdirSync(disk.dir);
      const result = await t.raw('overview.exportCsv', { from: '2026-02-01', to: null });
      expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      if (!result.ok) expect(result.error.message).toContain('Nothing was exported');
      expect(fs.readdirSync(disk.dir)).toEqual(before);
      const audit = auditRows(t).filter((r) => r.action.startsWith('export'));
      expect(audit.map((r) => r.action)).toEqual(['export.started', 'export.failed']);
    } finally {
      disk.unmount();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { RisksView } from '../../../src-shared/contract/index.js';
import { canSign, signWarnings, type SignInput } from '../../../src-shared/sign-warnings.js';
import { emptyDecision, emptyFindings } from '../src-main/core/api/record-fixtures.js';

const noRisks: RisksView = {
  items: [
    { risk: 'cement-leak', shownMs: null, suggested: false, confirmed: false },
    { risk: 'adjacent-fracture', shownMs: null, suggested: false, confirmed: false },
  ],
  otherText: '',
  reviewedAt: null,
};

/** A complete, unremarkable conservative record: nothing to warn about. */
const complete: SignInput = {
  findings: { painNow: 4, painSince: null, fracturedLevels: [{ level: 'L1', grade: 2 }], redFlags: [] },
  decision: { ...emptyDecision, path: 'conservative', followUpDate: '2026-12-20' },
  risks: noRisks,
  physicianName: 'Dr. Anna Weber',
};

const ids = (input: SignInput): string[] => signWarnings(input).map((w) => w.id);

describe('signWarnings', () => {
  it('has nothing to say about a complete conservative record', () => {
    expect(signWarnings(complete)).toEqual([]);
    expect(canSign([], new Set())).toBe(true);
  });

  it('lists red flags by name, and augmentation without any confirmed risk, procedure or level', () => {
    const warnings = signWarnings({
      ...complete,
      findings: { ...complete.findings, redFlags: ['neurological', 'tumour'] },
      decision: { ...complete.decision, path: 'augmentation' },
    });
    expect(warnings.map((w) => w.id)).toEqual([
      'red-flags',
      'augmentation-no-risks',
      'augmentation-no-procedure',
      'augmentation-no-levels',
    ]);
    expect(warnings[0]?.text).toContain('suspected tumour');
    expect(warnings.every((w) => !w.blocking)).toBe(true);
  });

  it('is satisfied by augmentation once a risk is confirmed, the procedure and levels chosen', () => {
    const risks: RisksView = {
      ...noRisks,
      reviewedAt: '2026-11-23T09:30:00.000Z',
      items: noRisks.items.map((i) => ({ ...i, confirmed: i.risk === 'adjacent-fracture' })),
    };
    const decision = {
      ...complete.decision,
      path: 'augmentation' as const,
      augmentation: {
        procedure: 'vertebroplasty' as const,
        levels: ['L1' as const],
        anaesthesia: null,
        plannedDate: null,
      },
    };
    expect(ids({ ...complete, decision, risks })).toEqual([]);
  });

  it('warns about an undecided, empty record and suggested risks not yet reviewed', () => {
    const risks: RisksView = {
      ...noRisks,
      items: noRisks.items.map((i) => ({ ...i, shownMs: 5_000, suggested: true })),
    };
    expect(ids({ findings: emptyFindings, decision: emptyDecision, risks, physicianName: 'Dr. A' })).toEqual([
      'risks-not-reviewed',
      'undecided',
      'no-levels',
      'pain-missing',
      'follow-up-missing',
    ]);
  });

  it('blocks signing without a physician name, whatever is acknowledged', () => {
    const warnings = signWarnings({ ...complete, physicianName: '  ' });
    expect(warnings.map((w) => [w.id, w.blocking])).toEqual([['physician-missing', true]]);
    expect(canSign(warnings, new Set(['physician-missing']))).toBe(false);
  });

  it('allows signing only when every warning is acknowledged', () => {
    const warnings = signWarnings({ ...complete, decision: { ...complete.decision, path: 'undecided' } });
    expect(canSign(warnings, new Set())).toBe(false);
    expect(canSign(warnings, new Set(['undecided']))).toBe(true);
  });
});

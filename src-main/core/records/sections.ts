/**
 * The findings and decision sections: defaults, canonical order (so equal
 * content is stored as equal JSON), the SURE score, and the date rules.
 */
import {
  conservativeMeasures,
  decisionSchema,
  findingsSchema,
  redFlags,
  spineLevels,
  sureQuestions,
  type Decision,
  type DecisionView,
  type Findings,
} from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';

export const EMPTY_FINDINGS: Findings = { painNow: null, painSince: null, fracturedLevels: [], redFlags: [] };

export const EMPTY_DECISION: Decision = {
  path: 'undecided',
  conservativeMeasures: [],
  conservativeDetails: '',
  augmentation: { procedure: null, levels: [], anaesthesia: null, plannedDate: null },
  referral: '',
  questions: '',
  followUpDate: null,
  sure: { sureOfChoice: null, knowsBenefitsAndRisks: null, clearAboutValues: null, enoughSupport: null },
};

const byOrder =
  <T>(order: readonly T[]) =>
  (a: T, b: T): number =>
    order.indexOf(a) - order.indexOf(b);

export function normalizeFindings(findings: Findings): Findings {
  return {
    painNow: findings.painNow,
    painSince: findings.painSince,
    fracturedLevels: [...findings.fracturedLevels]
      .sort((a, b) => byOrder(spineLevels)(a.level, b.level))
      .map((l) => ({ level: l.level, grade: l.grade })),
    redFlags: [...findings.redFlags].sort(byOrder(redFlags)),
  };
}

export function normalizeDecision(decision: Decision): Decision {
  const { augmentation: aug, sure } = decision;
  return {
    path: decision.path,
    conservativeMeasures: [...decision.conservativeMeasures].sort(byOrder(conservativeMeasures)),
    conservativeDetails: decision.conservativeDetails,
    augmentation: {
      procedure: aug.procedure,
      levels: [...aug.levels].sort(byOrder(spineLevels)),
      anaesthesia: aug.anaesthesia,
      plannedDate: aug.plannedDate,
    },
    referral: decision.referral,
    questions: decision.questions,
    followUpDate: decision.followUpDate,
    sure: {
      sureOfChoice: sure.sureOfChoice,
      knowsBenefitsAndRisks: sure.knowsBenefitsAndRisks,
      clearAboutValues: sure.clearAboutValues,
      enoughSupport: sure.enoughSupport,
    },
  };
}

/** Number of yes answers once all four are answered, else null. */
export function sureScore(sure: Decision['sure']): number | null {
  const answers = sureQuestions.map((q) => sure[q]);
  return answers.some((a) => a === null) ? null : answers.filter(Boolean).length;
}

export function decisionView(decision: Decision): DecisionView {
  return { ...decision, sureScore: sureScore(decision.sure) };
}

/** Stored JSON back to a section; anything unreadable becomes the empty section. */
export function parseFindings(json: string | null | undefined): Findings {
  const parsed = findingsSchema.safeParse({ ...EMPTY_FINDINGS, ...safeJson(json) });
  return parsed.success ? parsed.data : EMPTY_FINDINGS;
}

export function parseDecision(path: string | null | undefined, json: string | null | undefined): Decision {
  const parsed = decisionSchema.safeParse({ ...EMPTY_DECISION, ...safeJson(json), path: path ?? 'undecided' });
  return parsed.success ? parsed.data : EMPTY_DECISION;
}

function safeJson(json: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The pain cannot have begun after today. */
export function checkFindingsDates(findings: Findings, today: string, prefix: string): void {
  if (findings.painSince !== null && findings.painSince > today) {
    throw new ApiError('VALIDATION', `${prefix}.painSince: lies in the future`, `${prefix}.painSince`);
  }
}

/** Planned treatment and follow-up come on or after the consultation day. */
export function checkDecisionDates(decision: Decision, consultationDay: string, prefix: string): void {
  const checks: Array<[string | null, string]> = [
    [decision.augmentation.plannedDate, 'augmentation.plannedDate'],
    [decision.followUpDate, 'followUpDate'],
  ];
  for (const [value, name] of checks) {
    if (value !== null && value < consultationDay) {
      throw new ApiError('VALIDATION', `${prefix}.${name}: lies before the consultation`, `${prefix}.${name}`);
    }
  }
}

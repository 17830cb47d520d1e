/**
 * The record's sections as short lines of English text, shared by the
 * clinician letter and the health-record text so both say the same thing.
 */
import type { Amendment, DecisionView, Findings, RiskId } from '../../../src-shared/contract/index.js';
import type { SummaryCorrection } from './summary.js';
import {
  formatDay,
  genantLabels,
  measureLabels,
  pathLabels,
  procedureLabels,
  redFlagLabels,
  riskLabels,
} from './labels.js';

export function painLine(findings: Findings): string {
  const now = findings.painNow === null ? 'not recorded' : `${findings.painNow}/10 (NRS)`;
  const since = findings.painSince ? `, since ${formatDay(findings.painSince)}` : '';
  return `Pain now: ${now}${since}`;
}

export function levelLines(findings: Findings): string[] {
  return findings.fracturedLevels.map((l) => `${l.level}: Genant ${genantLabels[l.grade]}`);
}

export function redFlagLine(findings: Findings): string {
  return `Red flags: ${findings.redFlags.map((r) => redFlagLabels[r]).join('; ') || 'none'}`;
}

export function findingsLines(findings: Findings): string[] {
  const levels = findings.fracturedLevels.map((l) => `${l.level} grade ${l.grade}`).join(', ') || 'none';
  return [painLine(findings), `Fractured levels (Genant): ${levels}`, redFlagLine(findings)];
}

export function sureLine(decision: DecisionView): string {
  if (decision.sureScore === null) return 'SURE test: not completed';
  const conflict = decision.sureScore < 4 ? ' (below 4: possible decisional conflict)' : '';
  return `SURE test: ${decision.sureScore} of 4${conflict}`;
}

export function augmentationLine(decision: DecisionView): string {
  const a = decision.augmentation;
  const parts = [
    a.procedure ? procedureLabels[a.procedure] : 'procedure not chosen',
    `levels ${a.levels.join(', ') || 'not chosen'}`,
    a.anaesthesia ? `${a.anaesthesia} anaesthesia` : 'anaesthesia not chosen',
  ];
  if (a.plannedDate) parts.push(`planned for ${formatDay(a.plannedDate)}`);
  return parts.join(', ');
}

/** The decision as lines: path, its details, questions, follow-up, SURE. */
export function decisionLines(decision: DecisionView): string[] {
  const lines = [`Path: ${pathLabels[decision.path]}`];
  if (decision.conservativeMeasures.length) {
    lines.push(`Measures: ${decision.conservativeMeasures.map((m) => measureLabels[m]).join(', ')}`);
  }
  if (decision.conservativeDetails) lines.push(`Details: ${decision.conservativeDetails}`);
  if (decision.path === 'augmentation') lines.push(`Procedure: ${augmentationLine(decision)}`);
  if (decision.referral) lines.push(`Referred to: ${decision.referral}`);
  if (decision.questions) lines.push(`Patient's questions: ${decision.questions}`);
  lines.push(`Follow-up: ${decision.followUpDate ? formatDay(decision.followUpDate) : 'not set'}`);
  lines.push(sureLine(decision));
  return lines;
}

export function riskNames(confirmed: readonly RiskId[], otherText: string): string[] {
  return confirmed.map((risk) => (risk === 'other' ? `Other: ${otherText}` : riskLabels[risk]));
}

/** One side of an amendment as lines of text. */
export function amendmentLines(amendment: Amendment, side: 'before' | 'after'): string[] {
  switch (amendment.section) {
    case 'findings':
      return findingsLines(amendment[side]);
    case 'decision':
      return decisionLines(amendment[side]);
    case 'risks': {
      const names = riskNames(amendment[side].confirmed, amendment[side].otherText);
      return [names.length ? `Discussed: ${names.join(', ')}` : 'No risks confirmed'];
    }
    case 'notes':
      return [amendment[side].body || '(empty)'];
  }
}

/**
 * What an amendment changed: the lines of the original that are gone and the
 * lines that replaced them (all lines when the difference is not in them).
 */
export function amendmentChanges(amendment: Amendment): { before: string[]; after: string[] } {
  const before = amendmentLines(amendment, 'before');
  const after = amendmentLines(amendment, 'after');
  const gone = before.filter((line) => !after.includes(line));
  const added = after.filter((line) => !before.includes(line));
  return gone.length || added.length ? { before: gone, after: added } : { before, after };
}

const CORRECTED_FIELD_LABELS = { displayName: 'Name', birthDate: 'Born', hospitalNumber: 'Hospital number' } as const;

/** A correction of the patient's details as lines; values stay out when pseudonymized (both sides null). */
export function correctionChanges(c: SummaryCorrection): { fields: string; before: string[]; after: string[] } {
  const value = (field: keyof typeof CORRECTED_FIELD_LABELS, v: string | null): string =>
    v === null ? 'not recorded' : field === 'birthDate' ? formatDay(v) : v;
  const hidden = c.changes.every((ch) => ch.before === null && ch.after === null);
  const fields = c.changes.map((ch) => CORRECTED_FIELD_LABELS[ch.field]).join(', ');
  if (hidden) return { fields, before: [], after: [] };
  return {
    fields,
    before: c.changes.map((ch) => `${CORRECTED_FIELD_LABELS[ch.field]}: ${value(ch.field, ch.before)}`),
    after: c.changes.map((ch) => `${CORRECTED_FIELD_LABELS[ch.field]}: ${value(ch.field, ch.after)}`),
  };
}

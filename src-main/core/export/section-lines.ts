/**
 * The record's sections as short lines of text, shared by the clinician
 * letter and the health-record text so both say the same thing. The words come
 * from a `ClinicianText` (the console's language at export); without one they
 * are English (the FHIR narrative).
 */
import type { Amendment, DecisionView, Findings, RiskId } from '../../../src-shared/contract/index.js';
import type { SummaryCorrection } from './summary.js';
import { CLINICIAN_TEXT, type ClinicianText } from './clinician-text/index.js';
import { formatDay } from './labels.js';

const EN = CLINICIAN_TEXT.en;

export function painLine(findings: Findings, t: ClinicianText = EN): string {
  const now = findings.painNow === null ? t.notRecorded : t.nrs(findings.painNow);
  const since = findings.painSince ? t.painSince(formatDay(findings.painSince, t.locale)) : '';
  return t.painNow(`${now}${since}`);
}

export function levelLines(findings: Findings, t: ClinicianText = EN): string[] {
  return findings.fracturedLevels.map((l) => t.levelLine(l.level, t.genant[l.grade]));
}

export function redFlagLine(findings: Findings, t: ClinicianText = EN): string {
  return t.redFlags(findings.redFlags.map((r) => t.coded.redFlag[r]).join('; ') || t.none);
}

export function findingsLines(findings: Findings, t: ClinicianText = EN): string[] {
  const levels = findings.fracturedLevels.map((l) => t.levelGrade(l.level, l.grade)).join(', ') || t.none;
  return [painLine(findings, t), t.fracturedLevels(levels), redFlagLine(findings, t)];
}

export function sureLine(decision: DecisionView, t: ClinicianText = EN): string {
  if (decision.sureScore === null) return t.sureNotCompleted;
  return t.sure(decision.sureScore, decision.sureScore < 4);
}

export function augmentationLine(decision: DecisionView, t: ClinicianText = EN): string {
  const a = decision.augmentation;
  const parts = [
    a.procedure ? t.coded.procedure[a.procedure] : t.procedureNotChosen,
    t.levels(a.levels.join(', ') || t.notChosen),
    a.anaesthesia ? t.anaesthesia[a.anaesthesia] : t.anaesthesiaNotChosen,
  ];
  if (a.plannedDate) parts.push(t.plannedFor(formatDay(a.plannedDate, t.locale)));
  return parts.join(', ');
}

/** The follow-up date line of the decision. */
export function followUpLine(decision: DecisionView, t: ClinicianText = EN): string {
  return t.followUp(decision.followUpDate ? formatDay(decision.followUpDate, t.locale) : t.notSet);
}

/** The decision as lines: path, its details, questions, follow-up, SURE. */
export function decisionLines(decision: DecisionView, t: ClinicianText = EN): string[] {
  const lines = [t.path(t.paths[decision.path])];
  if (decision.conservativeMeasures.length) {
    lines.push(t.measures(decision.conservativeMeasures.map((m) => t.coded.measure[m]).join(', ')));
  }
  if (decision.conservativeDetails) lines.push(t.details(decision.conservativeDetails));
  if (decision.path === 'augmentation') lines.push(t.procedure(augmentationLine(decision, t)));
  if (decision.referral) lines.push(t.referredTo(decision.referral));
  if (decision.questions) lines.push(t.questions(decision.questions));
  lines.push(followUpLine(decision, t));
  lines.push(sureLine(decision, t));
  return lines;
}

export function riskNames(confirmed: readonly RiskId[], otherText: string, t: ClinicianText = EN): string[] {
  return confirmed.map((risk) => (risk === 'other' ? t.otherRisk(otherText) : t.coded.risk[risk]));
}

/** One side of an amendment as lines of text. */
export function amendmentLines(amendment: Amendment, side: 'before' | 'after', t: ClinicianText = EN): string[] {
  switch (amendment.section) {
    case 'findings':
      return findingsLines(amendment[side], t);
    case 'decision':
      return decisionLines(amendment[side], t);
    case 'risks': {
      const names = riskNames(amendment[side].confirmed, amendment[side].otherText, t);
      return [names.length ? t.discussed(names.join(', ')) : t.noRisks];
    }
    case 'notes':
      return [amendment[side].body || t.empty];
  }
}

/**
 * What an amendment changed: the lines of the original that are gone and the
 * lines that replaced them (all lines when the difference is not in them).
 */
export function amendmentChanges(amendment: Amendment, t: ClinicianText = EN): { before: string[]; after: string[] } {
  const before = amendmentLines(amendment, 'before', t);
  const after = amendmentLines(amendment, 'after', t);
  const gone = before.filter((line) => !after.includes(line));
  const added = after.filter((line) => !before.includes(line));
  return gone.length || added.length ? { before: gone, after: added } : { before, after };
}

/** A correction of the patient's details as lines; values stay out when pseudonymized (both sides null). */
export function correctionChanges(
  c: SummaryCorrection,
  t: ClinicianText = EN,
): { fields: string; before: string[]; after: string[] } {
  const value = (field: SummaryCorrection['changes'][number]['field'], v: string | null): string =>
    v === null ? t.notRecorded : field === 'birthDate' ? formatDay(v, t.locale) : v;
  const hidden = c.changes.every((ch) => ch.before === null && ch.after === null);
  const fields = c.changes.map((ch) => t.correctedFields[ch.field]).join(', ');
  if (hidden) return { fields, before: [], after: [] };
  return {
    fields,
    before: c.changes.map((ch) => `${t.correctedFields[ch.field]}${t.colon}${value(ch.field, ch.before)}`),
    after: c.changes.map((ch) => `${t.correctedFields[ch.field]}${t.colon}${value(ch.field, ch.after)}`),
  };
}

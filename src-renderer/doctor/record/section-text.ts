/** Plain-language lines for a record section, as amendments show before and after. */
import type { Amendment } from '../../../src-shared/contract/index.js';
import { formatDay, measureLabels, pathLabels, procedureLabels, redFlagLabels, riskLabels } from './format.js';

type Of<S extends Amendment['section']> = Extract<Amendment, { section: S }>['before'];

export function findingsLines(f: Of<'findings'>): string[] {
  return [
    `Pain now: ${f.painNow ?? 'not asked'}`,
    `Pain began: ${f.painSince ? formatDay(f.painSince) : 'not recorded'}`,
    `Fractured levels: ${f.fracturedLevels.map((l) => `${l.level} grade ${l.grade}`).join(', ') || 'none'}`,
    `Red flags: ${f.redFlags.map((r) => redFlagLabels[r]).join('; ') || 'none'}`,
  ];
}

export function decisionLines(d: Of<'decision'>): string[] {
  const lines = [`Path: ${pathLabels[d.path]}`];
  if (d.conservativeMeasures.length)
    lines.push(`Measures: ${d.conservativeMeasures.map((m) => measureLabels[m]).join(', ')}`);
  if (d.conservativeDetails) lines.push(`Details: ${d.conservativeDetails}`);
  if (d.path === 'augmentation') {
    const a = d.augmentation;
    const parts = [
      a.procedure ? procedureLabels[a.procedure] : 'procedure open',
      `levels ${a.levels.join(', ') || 'open'}`,
      a.anaesthesia ? `${a.anaesthesia} anaesthesia` : 'anaesthesia open',
    ];
    if (a.plannedDate) parts.push(`planned ${formatDay(a.plannedDate)}`);
    lines.push(`Augmentation: ${parts.join(', ')}`);
  }
  if (d.referral) lines.push(`Referred to: ${d.referral}`);
  if (d.questions) lines.push(`Questions: ${d.questions}`);
  if (d.followUpDate) lines.push(`Follow-up: ${formatDay(d.followUpDate)}`);
  lines.push(`SURE: ${d.sureScore === null ? 'not complete' : `${d.sureScore} of 4`}`);
  return lines;
}

export function risksLines(r: Of<'risks'>): string[] {
  const names = r.confirmed.map((risk) => (risk === 'other' ? `Other: ${r.otherText}` : riskLabels[risk]));
  return [names.length ? `Discussed: ${names.join(', ')}` : 'No risks confirmed'];
}

/** One side of an amendment as lines of text. */
export function amendmentLines(amendment: Amendment, side: 'before' | 'after'): string[] {
  switch (amendment.section) {
    case 'findings':
      return findingsLines(amendment[side]);
    case 'decision':
      return decisionLines(amendment[side]);
    case 'risks':
      return risksLines(amendment[side]);
    case 'notes':
      return [amendment[side].body || '(empty)'];
  }
}

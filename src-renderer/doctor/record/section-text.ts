/** Plain-language lines for a record section, as amendments show before and after. */
import type { Amendment } from '../../../src-shared/contract/index.js';
import { t } from '../../state/i18n.svelte.js';
import { formatDay, measureLabels, pathLabels, procedureLabels, redFlagLabels, riskLabels } from './format.js';

type Of<S extends Amendment['section']> = Extract<Amendment, { section: S }>['before'];

export function findingsLines(f: Of<'findings'>): string[] {
  return [
    t('lines.painNow', { value: f.painNow ?? t('lines.notAsked') }),
    t('lines.painBegan', { value: f.painSince ? formatDay(f.painSince) : t('lines.notRecorded') }),
    t('lines.levels', {
      value:
        f.fracturedLevels.map((l) => t('lines.levelGrade', { level: l.level, grade: l.grade })).join(', ') ||
        t('lines.none'),
    }),
    t('lines.redFlags', { value: f.redFlags.map((r) => redFlagLabels[r]).join('; ') || t('lines.none') }),
  ];
}

export function decisionLines(d: Of<'decision'>): string[] {
  const lines: string[] = [t('lines.path', { value: pathLabels[d.path] })];
  if (d.conservativeMeasures.length)
    lines.push(t('lines.measures', { value: d.conservativeMeasures.map((m) => measureLabels[m]).join(', ') }));
  if (d.conservativeDetails) lines.push(t('lines.details', { value: d.conservativeDetails }));
  if (d.path === 'augmentation') {
    const a = d.augmentation;
    const parts: string[] = [
      a.procedure ? procedureLabels[a.procedure] : t('lines.procedureOpen'),
      t('lines.levelsList', { value: a.levels.join(', ') || t('lines.open') }),
      a.anaesthesia ? t(`lines.anaesthesia.${a.anaesthesia}`) : t('lines.anaesthesiaOpen'),
    ];
    if (a.plannedDate) parts.push(t('lines.planned', { date: formatDay(a.plannedDate) }));
    lines.push(t('lines.augmentation', { value: parts.join(', ') }));
  }
  if (d.referral) lines.push(t('lines.referredTo', { value: d.referral }));
  if (d.questions) lines.push(t('lines.questions', { value: d.questions }));
  if (d.followUpDate) lines.push(t('lines.followUp', { date: formatDay(d.followUpDate) }));
  lines.push(
    t('lines.sure', {
      value: d.sureScore === null ? t('lines.notComplete') : t('lines.sureOf', { score: d.sureScore }),
    }),
  );
  return lines;
}

export function risksLines(r: Of<'risks'>): string[] {
  const names = r.confirmed.map((risk) =>
    risk === 'other' ? t('lines.otherRisk', { text: r.otherText }) : riskLabels[risk],
  );
  return [names.length ? t('lines.discussed', { value: names.join(', ') }) : t('lines.noRisks')];
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
      return [amendment[side].body || t('lines.empty')];
  }
}

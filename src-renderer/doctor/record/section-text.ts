/** Plain-language lines for a record section, as amendments show before and after. */
import { isPlanRecorded } from '../../../src-shared/bone-health-lines.js';
import type { Amendment, BoneHealthPlan } from '../../../src-shared/contract/index.js';
import { i18n, t } from '../../state/i18n.svelte.js';
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

/** A T-score as a DXA report prints it, in the console's number format: one decimal, with its sign. */
function tScore(value: number): string {
  return i18n.formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
}

/** The bone-health plan, one line per item ("Osteoporosis medicine: Started (Alendronate)"), in the console's language. */
export function boneHealthPlanLines(plan: BoneHealthPlan): string[] {
  if (!isPlanRecorded(plan)) return [t('lines.planNotRecorded')];
  const scores = [
    plan.tScoreSpine === null ? null : t('lines.tSpine', { value: tScore(plan.tScoreSpine) }),
    plan.tScoreHip === null ? null : t('lines.tHip', { value: tScore(plan.tScoreHip) }),
  ].filter((s) => s !== null);
  // The value as part of a sentence: its first letter lowered ("Bone density scan: done"; German
  // "vom Patienten abgelehnt" keeps its noun's capital).
  const item = (label: string, shown: string, detail = '') => {
    const value = shown.charAt(0).toLocaleLowerCase(i18n.intlLocale) + shown.slice(1);
    return detail ? t('lines.itemWithDetail', { label, value, detail }) : t('lines.item', { label, value });
  };
  return [
    item(
      t('boneHealth.dxa'),
      t(`boneHealth.dxaValues.${plan.dxa}`),
      scores.length > 0 ? t('lines.tScores', { value: scores.join(', ') }) : '',
    ),
    item(t('boneHealth.medicine'), t(`boneHealth.medicineValues.${plan.medicine}`), plan.medicineName),
    item(t('boneHealth.falls'), t(`boneHealth.fallsValues.${plan.fallsAssessment}`)),
    item(t('boneHealth.calciumVitaminD'), t(`boneHealth.calciumVitaminDValues.${plan.calciumVitaminD}`)),
    item(t('boneHealth.fls'), t(`boneHealth.flsValues.${plan.flsReferral}`)),
  ];
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

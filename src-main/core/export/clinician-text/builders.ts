/** Line builders shared by the French and German tables (English keeps the shared English functions). */
import {
  whatMattersIds,
  type BoneHealthPlan,
  type BoneMedicineDecision,
  type CalciumVitaminDState,
  type DxaState,
  type FallsAssessment,
  type FlsReferral,
  type WhatMatters,
  type WhatMattersAnswer,
  type WhatMattersId,
} from '../../../../src-shared/contract/index.js';
import { isPlanRecorded } from '../../../../src-shared/bone-health-lines.js';

/** "Éviter une intervention si possible : compte beaucoup"; one line when nothing was asked. */
export function whatMattersLinesWith(
  statements: Record<WhatMattersId, string>,
  answers: Record<WhatMattersAnswer, string>,
  colon: string,
): (whatMatters: WhatMatters) => string[] {
  return (whatMatters) => {
    if (whatMattersIds.every((id) => whatMatters[id] === 'not-asked')) return [answers['not-asked']];
    return whatMattersIds.map((id) => `${statements[id]}${colon}${answers[whatMatters[id]].toLowerCase()}`);
  };
}

export interface BoneHealthWords {
  colon: string;
  locale: string;
  notRecorded: string;
  dxa: string;
  medicine: string;
  falls: string;
  calcium: string;
  fls: string;
  spine: string;
  hip: string;
  lowestTScore: string;
  dxaValues: Record<DxaState, string>;
  medicineValues: Record<BoneMedicineDecision, string>;
  fallsValues: Record<FallsAssessment, string>;
  calciumValues: Record<CalciumVitaminDState, string>;
  flsValues: Record<FlsReferral, string>;
}

/** The bone-health plan as the English lines are built, in the words given (T-scores with the locale's decimal sign). */
export function boneHealthLinesWith(w: BoneHealthWords): (plan: BoneHealthPlan) => string[] {
  const tScore = new Intl.NumberFormat(w.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const lower = (label: string) => label.toLowerCase();
  return (plan) => {
    if (!isPlanRecorded(plan)) return [w.notRecorded];
    const scores = [
      plan.tScoreSpine === null ? null : `${w.spine} ${tScore.format(plan.tScoreSpine)}`,
      plan.tScoreHip === null ? null : `${w.hip} ${tScore.format(plan.tScoreHip)}`,
    ].filter((s) => s !== null);
    return [
      `${w.dxa}${w.colon}${lower(w.dxaValues[plan.dxa])}${scores.length > 0 ? ` (${w.lowestTScore} ${scores.join(', ')})` : ''}`,
      `${w.medicine}${w.colon}${lower(w.medicineValues[plan.medicine])}${plan.medicineName ? ` (${plan.medicineName})` : ''}`,
      `${w.falls}${w.colon}${lower(w.fallsValues[plan.fallsAssessment])}`,
      `${w.calcium}${w.colon}${lower(w.calciumValues[plan.calciumVitaminD])}`,
      `${w.fls}${w.colon}${lower(w.flsValues[plan.flsReferral])}`,
    ];
  };
}

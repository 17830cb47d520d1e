/**
 * The bone-health plan in English, the one wording of the console's signed
 * view, the clinician letter, the record text and the register's data
 * dictionary. The leaflet has its own plain words per language.
 */
import {
  NO_BONE_HEALTH_PLAN,
  type BoneHealthPlan,
  type BoneMedicineDecision,
  type CalciumVitaminDState,
  type DxaState,
  type FallsAssessment,
  type FlsReferral,
  type FollowUpBoneMedicine,
} from './contract/bone-health.js';

export const dxaLabels: Record<DxaState, string> = {
  'not-recorded': 'Not recorded',
  'not-needed': 'Not needed',
  ordered: 'Ordered',
  done: 'Done',
};
export const boneMedicineLabels: Record<BoneMedicineDecision, string> = {
  'not-recorded': 'Not recorded',
  started: 'Started',
  continued: 'Continued',
  referred: 'Referred',
  contraindicated: 'Contraindicated',
  declined: 'Declined',
};
export const fallsLabels: Record<FallsAssessment, string> = {
  'not-recorded': 'Not recorded',
  done: 'Done',
  referred: 'Referred',
  'not-needed': 'Not needed',
};
export const calciumVitaminDLabels: Record<CalciumVitaminDState, string> = {
  'not-recorded': 'Not recorded',
  advised: 'Advised',
  prescribed: 'Prescribed',
  'already-taking': 'Already taking',
};
export const flsLabels: Record<FlsReferral, string> = {
  'not-recorded': 'Not recorded',
  referred: 'Referred',
  'not-available': 'Not available',
  declined: 'Declined',
};
export const followUpBoneMedicineLabels: Record<FollowUpBoneMedicine, string> = {
  'not-started': 'Not started',
  started: 'Started since the last visit',
  taking: 'Taking',
  stopped: 'Stopped',
};

/** A T-score as a DXA report prints it: one decimal, with its sign. */
export function formatTScore(t: number): string {
  return `${t > 0 ? '+' : ''}${t.toFixed(1)}`;
}

export function isPlanRecorded(plan: BoneHealthPlan): boolean {
  return JSON.stringify(plan) !== JSON.stringify(NO_BONE_HEALTH_PLAN);
}

/** One line per item, "Osteoporosis medicine: started (Alendronate)"; one line when nothing was recorded. */
export function boneHealthLines(plan: BoneHealthPlan): string[] {
  if (!isPlanRecorded(plan)) return ['Not recorded'];
  const scores = [
    plan.tScoreSpine === null ? null : `spine ${formatTScore(plan.tScoreSpine)}`,
    plan.tScoreHip === null ? null : `hip ${formatTScore(plan.tScoreHip)}`,
  ].filter((s) => s !== null);
  const lower = (label: string) => label.toLowerCase();
  return [
    `Bone density scan: ${lower(dxaLabels[plan.dxa])}${scores.length > 0 ? ` (lowest T-score ${scores.join(', ')})` : ''}`,
    `Osteoporosis medicine: ${lower(boneMedicineLabels[plan.medicine])}${plan.medicineName ? ` (${plan.medicineName})` : ''}`,
    `Falls assessment: ${lower(fallsLabels[plan.fallsAssessment])}`,
    `Calcium and vitamin D: ${lower(calciumVitaminDLabels[plan.calciumVitaminD])}`,
    `Fracture liaison service: ${lower(flsLabels[plan.flsReferral])}`,
  ];
}

/**
 * The register's version-2 columns (issue 15): the bone-health plan and a
 * summary of the consultation's signed follow-up visits, one row per
 * consultation (the register's unit is the index fracture consultation; see
 * docs/register-csv.md for why not one row per visit). Coded values as in the
 * contract; empty means not recorded (or not asked), as in version 1.
 */
import { followUpComplications, type BoneHealthPlan, type FollowUp } from '../../../src-shared/contract/index.js';

export const BONE_HEALTH_COLUMNS = [
  'bone: density scan',
  'bone: T-score spine',
  'bone: T-score hip',
  'bone: medicine',
  'bone: medicine name',
  'bone: falls assessment',
  'bone: calcium vitamin D',
  'bone: FLS referral',
] as const;

export const FOLLOW_UP_COLUMNS = [
  'follow-up: visits',
  'follow-up: last visit',
  'follow-up: last pain NRS',
  'follow-up: complications',
  'follow-up: new fractures',
  'follow-up: bone medicine at last visit',
] as const;

const coded = (value: string) => (value === 'not-recorded' ? '' : value);

/** T-scores as numbers (never defused into text by the CSV writer). */
export function boneHealthCells(plan: BoneHealthPlan): Array<string | number> {
  return [
    coded(plan.dxa),
    plan.tScoreSpine ?? '',
    plan.tScoreHip ?? '',
    coded(plan.medicine),
    plan.medicineName,
    coded(plan.fallsAssessment),
    coded(plan.calciumVitaminD),
    coded(plan.flsReferral),
  ];
}

/** `visits` are the signed visits in date order. */
export function followUpCells(visits: readonly FollowUp[]): string[] {
  const last = visits.at(-1);
  const seen = new Set(visits.flatMap((v) => v.complications));
  // Every complication recorded at any visit, once, in the contract's order; "other" for one told in words.
  const complications: string[] = followUpComplications.filter((c) => seen.has(c));
  if (visits.some((v) => v.complicationsOther.trim() !== '')) complications.push('other');
  const newLevels = new Set(visits.flatMap((v) => v.newFractures));
  // The last visit at which pain was asked, which need not be the last visit.
  const lastPain = visits.findLast((v) => v.painNow !== null)?.painNow ?? null;
  return [
    String(visits.length),
    last?.visitDate ?? '',
    lastPain === null ? '' : String(lastPain),
    complications.join(' '),
    String(newLevels.size),
    last?.boneMedicine ?? '',
  ];
}

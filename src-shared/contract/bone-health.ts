/**
 * The bone-health plan of a consultation (issue 15): secondary fracture
 * prevention, the step most often missed after a vertebral fracture. One plan
 * per consultation (table `bone_health_plans`, migration 0009); the value names
 * below are the ones the migration's comments list, and the practice overview
 * reads them from the table, so they are defined here once and never renamed.
 * Doctor window only.
 */
import { z } from 'zod';
import { LIMITS } from './common.js';
import { plainLine } from './patients.js';

/** Bone density scan (DXA). */
export const dxaStates = ['not-recorded', 'not-needed', 'ordered', 'done'] as const;
/** Osteoporosis medicine: what was decided at this consultation. */
export const boneMedicineDecisions = [
  'not-recorded',
  'started',
  'continued',
  'referred',
  'contraindicated',
  'declined',
] as const;
export const fallsAssessments = ['not-recorded', 'done', 'referred', 'not-needed'] as const;
export const calciumVitaminDStates = ['not-recorded', 'advised', 'prescribed', 'already-taking'] as const;
/** Referral to a fracture liaison service. */
export const flsReferrals = ['not-recorded', 'referred', 'not-available', 'declined'] as const;
/**
 * Bone medicine seen at a follow-up visit (`follow_ups.bone_medicine`; null: not asked).
 * "started": since the last visit; "taking": already on it.
 */
export const followUpBoneMedicines = ['not-started', 'started', 'taking', 'stopped'] as const;

export type DxaState = (typeof dxaStates)[number];
export type BoneMedicineDecision = (typeof boneMedicineDecisions)[number];
export type FallsAssessment = (typeof fallsAssessments)[number];
export type CalciumVitaminDState = (typeof calciumVitaminDStates)[number];
export type FlsReferral = (typeof flsReferrals)[number];
export type FollowUpBoneMedicine = (typeof followUpBoneMedicines)[number];

/**
 * Plausible T-scores: a DXA T-score lies within about −6 and +4 in practice; the wider band
 * still catches a slip of the decimal point (−25 for −2.5) without refusing a real extreme.
 */
export const T_SCORE_MIN = -7;
export const T_SCORE_MAX = 5;
const tScore = z.number().min(T_SCORE_MIN).max(T_SCORE_MAX).nullable();

export const boneHealthPlanSchema = z
  .strictObject({
    dxa: z.enum(dxaStates),
    /** Lowest T-score at the lumbar spine; only with a scan done. */
    tScoreSpine: tScore,
    /** Lowest T-score at the hip (total hip or femoral neck); only with a scan done. */
    tScoreHip: tScore,
    medicine: z.enum(boneMedicineDecisions),
    /** The medicine's name as the physician writes it (free text: brands differ by country). */
    medicineName: plainLine(LIMITS.shortText),
    fallsAssessment: z.enum(fallsAssessments),
    calciumVitaminD: z.enum(calciumVitaminDStates),
    flsReferral: z.enum(flsReferrals),
  })
  .superRefine((plan, ctx) => {
    // A T-score belongs to a scan that was done; kept with any other answer it would be a figure no scan gave.
    if (plan.dxa !== 'done') {
      for (const key of ['tScoreSpine', 'tScoreHip'] as const) {
        if (plan[key] !== null) ctx.addIssue({ code: 'custom', message: 'only with a scan done', path: [key] });
      }
    }
  });
export type BoneHealthPlan = z.infer<typeof boneHealthPlanSchema>;

/** Nothing recorded: what a consultation without a plan row reads as. */
export const NO_BONE_HEALTH_PLAN: BoneHealthPlan = {
  dxa: 'not-recorded',
  tScoreSpine: null,
  tScoreHip: null,
  medicine: 'not-recorded',
  medicineName: '',
  fallsAssessment: 'not-recorded',
  calciumVitaminD: 'not-recorded',
  flsReferral: 'not-recorded',
};

/** Every string the bone-health plan form shows (moved into the console's message files at merge). */
import type {
  BoneMedicineDecision,
  CalciumVitaminDState,
  DxaState,
  FallsAssessment,
  FlsReferral,
} from '../../../src-shared/contract/index.js';

export const text = {
  title: 'Bone health plan',
  hint: 'Preventing the next fracture',
  dxa: 'Bone density scan',
  tScoreSpine: 'Lowest T-score, spine',
  tScoreHip: 'Lowest T-score, hip',
  medicine: 'Osteoporosis medicine',
  medicineName: 'Medicine name',
  falls: 'Falls assessment',
  calciumVitaminD: 'Calcium and vitamin D',
  fls: 'Fracture liaison service',
  conflictTitle: 'Bone health plan',
  dxaValues: {
    'not-recorded': 'Not recorded',
    'not-needed': 'Not needed',
    ordered: 'Ordered',
    done: 'Done',
  } satisfies Record<DxaState, string>,
  medicineValues: {
    'not-recorded': 'Not recorded',
    started: 'Started',
    continued: 'Continued',
    referred: 'Referred',
    contraindicated: 'Contraindicated',
    declined: 'Declined',
  } satisfies Record<BoneMedicineDecision, string>,
  fallsValues: {
    'not-recorded': 'Not recorded',
    done: 'Done',
    referred: 'Referred',
    'not-needed': 'Not needed',
  } satisfies Record<FallsAssessment, string>,
  calciumVitaminDValues: {
    'not-recorded': 'Not recorded',
    advised: 'Advised',
    prescribed: 'Prescribed',
    'already-taking': 'Already taking',
  } satisfies Record<CalciumVitaminDState, string>,
  flsValues: {
    'not-recorded': 'Not recorded',
    referred: 'Referred',
    'not-available': 'Not available',
    declined: 'Declined',
  } satisfies Record<FlsReferral, string>,
} as const;

/**
 * The bone-health plan as a FHIR R4 CarePlan of its own (secondary fracture
 * prevention), beside the decision's CarePlan: one activity per recorded item,
 * each with `detail.status` and a description in words. Text only, no codes:
 * as for the procedure, none could be verified offline (docs/fhir-codes.md).
 */
import type { CarePlan, CarePlanActivity, CarePlanActivityDetail } from '@medplum/fhirtypes';
import { formatTScore, isPlanRecorded } from '../../../src-shared/bone-health-lines.js';
import type { Refs } from './fhir-resources.js';
import type { ExportSummary } from './summary.js';

type Detail = Pick<CarePlanActivityDetail, 'status' | 'description' | 'doNotPerform'>;

function activity(text: string, detail: Detail | undefined): CarePlanActivity[] {
  return detail ? [{ detail: { code: { text }, ...detail } }] : [];
}

function activities(s: ExportSummary): CarePlanActivity[] {
  const p = s.boneHealth;
  const scores = [
    p.tScoreSpine === null ? null : `spine ${formatTScore(p.tScoreSpine)}`,
    p.tScoreHip === null ? null : `hip ${formatTScore(p.tScoreHip)}`,
  ].filter((x) => x !== null);
  const name = p.medicineName ? `: ${p.medicineName}` : '';
  const dxa: Record<typeof p.dxa, Detail | undefined> = {
    'not-recorded': undefined,
    'not-needed': undefined,
    ordered: { status: 'not-started', description: 'Bone density scan ordered' },
    done: {
      status: 'completed',
      description: `Bone density scan done${scores.length ? `; lowest T-score ${scores.join(', ')}` : ''}`,
    },
  };
  const medicine: Record<typeof p.medicine, Detail | undefined> = {
    'not-recorded': undefined,
    started: { status: 'in-progress', description: `Started${name}` },
    continued: { status: 'in-progress', description: `Continued${name}` },
    referred: { status: 'not-started', description: `Referred for a decision on osteoporosis medicine${name}` },
    contraindicated: { status: 'cancelled', doNotPerform: true, description: `Contraindicated${name}` },
    declined: { status: 'cancelled', description: `Declined by the patient${name}` },
  };
  const falls: Record<typeof p.fallsAssessment, Detail | undefined> = {
    'not-recorded': undefined,
    'not-needed': undefined,
    done: { status: 'completed', description: 'Falls risk assessed' },
    referred: { status: 'not-started', description: 'Referred for a falls assessment' },
  };
  const calcium: Record<typeof p.calciumVitaminD, Detail | undefined> = {
    'not-recorded': undefined,
    advised: { status: 'not-started', description: 'Advised' },
    prescribed: { status: 'in-progress', description: 'Prescribed' },
    'already-taking': { status: 'in-progress', description: 'Already taking' },
  };
  const fls: Record<typeof p.flsReferral, Detail | undefined> = {
    'not-recorded': undefined,
    referred: { status: 'not-started', description: 'Referred to a fracture liaison service' },
    'not-available': { status: 'cancelled', description: 'No fracture liaison service available' },
    declined: { status: 'cancelled', description: 'Referral declined by the patient' },
  };
  return [
    ...activity('Bone density scan (DXA)', dxa[p.dxa]),
    ...activity('Osteoporosis medicine', medicine[p.medicine]),
    ...activity('Falls assessment', falls[p.fallsAssessment]),
    ...activity('Calcium and vitamin D', calcium[p.calciumVitaminD]),
    ...activity('Fracture liaison service', fls[p.flsReferral]),
  ];
}

/** Null when nothing of the plan was recorded (no empty CarePlan). */
export function boneHealthCarePlan(s: ExportSummary, r: Refs): CarePlan | null {
  if (!isPlanRecorded(s.boneHealth)) return null;
  const planned = activities(s);
  return {
    resourceType: 'CarePlan',
    id: r.id('careplan-bone-health'),
    status: r.final ? 'active' : 'draft',
    intent: 'plan',
    title: 'Bone health plan (secondary fracture prevention)',
    subject: r.ref('patient'),
    encounter: r.ref('encounter'),
    created: s.startedAt,
    author: r.ref('practitioner'),
    ...(s.findings.fracturedLevels.length ? { addresses: [r.ref('condition')] } : {}),
    ...(planned.length ? { activity: planned } : {}),
  };
}

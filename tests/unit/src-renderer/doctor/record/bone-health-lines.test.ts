/**
 * The bone-health plan as the console lists it (signed summary, conflict box), in the console's language:
 * labels and values from the message files, T-scores in the locale's number format.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boneHealthPlanLines } from '../../../../../src-renderer/doctor/record/section-text.js';
import { i18n } from '../../../../../src-renderer/state/i18n.svelte.js';
import { NO_BONE_HEALTH_PLAN, type BoneHealthPlan } from '../../../../../src-shared/contract/index.js';

const plan: BoneHealthPlan = {
  dxa: 'done',
  tScoreSpine: -2.8,
  tScoreHip: -1.9,
  medicine: 'declined',
  medicineName: '',
  fallsAssessment: 'referred',
  calciumVitaminD: 'prescribed',
  flsReferral: 'not-available',
};

afterEach(() => i18n.setLocale('en'));

describe('boneHealthPlanLines', () => {
  it('English: the wording of the clinician letter', () => {
    i18n.setLocale('en');
    expect(boneHealthPlanLines({ ...plan, medicine: 'started', medicineName: 'Alendronate weekly' })).toEqual([
      'Bone density scan: done (lowest T-score spine -2.8, hip -1.9)',
      'Osteoporosis medicine: started (Alendronate weekly)',
      'Falls assessment: referred',
      'Calcium and vitamin D: prescribed',
      'Fracture liaison service: not available',
    ]);
    expect(boneHealthPlanLines(NO_BONE_HEALTH_PLAN)).toEqual(['Not recorded']);
  });

  it('French: French labels and values, a decimal comma, the space before the colon', () => {
    i18n.setLocale('fr');
    const lines = boneHealthPlanLines(plan);
    expect(lines[0]).toBe('Ostéodensitométrie : réalisée (T-score le plus bas rachis -2,8, hanche -1,9)');
    expect(lines[1]).toBe('Traitement de l’ostéoporose : refusé par le patient');
    expect(lines.join('\n')).not.toMatch(/Bone|spine|hip|Not recorded/);
    expect(boneHealthPlanLines(NO_BONE_HEALTH_PLAN)).toEqual(['Non renseigné']);
  });

  it('German: a noun inside a value keeps its capital', () => {
    i18n.setLocale('de');
    const lines = boneHealthPlanLines(plan);
    expect(lines[0]).toBe('Knochendichtemessung: durchgeführt (niedrigster T-Score Wirbelsäule -2.8, Hüfte -1.9)');
    expect(lines[1]).toBe('Osteoporose-Medikament: vom Patienten abgelehnt');
    expect(boneHealthPlanLines(NO_BONE_HEALTH_PLAN)).toEqual(['Nicht erfasst']);
  });
});

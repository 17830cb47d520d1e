/**
 * The bone-health plan in the documents: the clinician's English lines (French and German: clinician-text/; the
 * console's wording) and, for the leaflet, "What's next for your bones" in the
 * patient's language: plain words for what was agreed, only what was recorded,
 * and no figures (the T-scores stay in the clinician's documents).
 */
import type {
  BoneHealthPlan,
  BoneMedicineDecision,
  CalciumVitaminDState,
  DxaState,
  FallsAssessment,
  FlsReferral,
  Language,
} from '../../../src-shared/contract/index.js';

export { boneHealthLines } from '../../../src-shared/bone-health-lines.js';

interface BonesLeafletText {
  heading: string;
  intro: string;
  dxaOrdered: string;
  dxaDone: string;
  /** With the medicine's name as the physician wrote it, or without when none was written. */
  medicineStarted: (name: string | null) => string;
  medicineContinued: (name: string | null) => string;
  medicineReferred: string;
  medicineDeclined: string;
  medicineContraindicated: string;
  calciumAdvised: string;
  calciumPrescribed: string;
  calciumAlready: string;
  fallsDone: string;
  fallsReferred: string;
  flsReferred: string;
}

export const BONES_LEAFLET: Record<Language, BonesLeafletText> = {
  en: {
    heading: 'What’s next for your bones',
    intro: 'A broken bone in the spine often means the bones have become weak. These steps help prevent the next one.',
    dxaOrdered: 'A bone density scan has been ordered for you.',
    dxaDone: 'You have had a bone density scan.',
    medicineStarted: (name) =>
      name
        ? `You are starting a medicine for your bones: ${name}.`
        : 'You are starting a medicine to make your bones stronger.',
    medicineContinued: (name) =>
      name ? `Keep taking your medicine for your bones: ${name}.` : 'Keep taking your medicine for your bones.',
    medicineReferred: 'We have asked another doctor to advise you on a medicine for your bones.',
    medicineDeclined: 'You chose not to take a medicine for your bones for now. You can change your mind: talk to us.',
    medicineContraindicated: 'A medicine for your bones is not right for you at the moment.',
    calciumAdvised: 'Get enough calcium and vitamin D, from food or as a supplement.',
    calciumPrescribed: 'Take the calcium and vitamin D you were prescribed.',
    calciumAlready: 'Keep taking your calcium and vitamin D.',
    fallsDone: 'We talked with you about how to avoid falls.',
    fallsReferred: 'You have been referred for help with preventing falls.',
    flsReferred: 'A fracture prevention team (fracture liaison service) will get in touch with you.',
  },
  fr: {
    heading: 'La suite pour vos os',
    intro:
      'Une vertèbre cassée signifie souvent que les os sont devenus fragiles. Ces mesures aident à éviter une nouvelle fracture.',
    dxaOrdered: 'Une mesure de la densité des os (ostéodensitométrie) a été demandée pour vous.',
    dxaDone: 'Vous avez passé une mesure de la densité des os.',
    medicineStarted: (name) =>
      name
        ? `Vous commencez un médicament pour vos os : ${name}.`
        : 'Vous commencez un médicament pour renforcer vos os.',
    medicineContinued: (name) =>
      name ? `Continuez votre médicament pour les os : ${name}.` : 'Continuez votre médicament pour les os.',
    medicineReferred: 'Nous avons demandé à un autre médecin de vous conseiller un médicament pour les os.',
    medicineDeclined:
      'Vous avez choisi de ne pas prendre de médicament pour les os pour le moment. Vous pouvez changer d’avis : parlez-nous-en.',
    medicineContraindicated: 'Un médicament pour les os ne vous convient pas pour le moment.',
    calciumAdvised: 'Veillez à avoir assez de calcium et de vitamine D, par l’alimentation ou en complément.',
    calciumPrescribed: 'Prenez le calcium et la vitamine D qui vous ont été prescrits.',
    calciumAlready: 'Continuez à prendre votre calcium et votre vitamine D.',
    fallsDone: 'Nous avons parlé avec vous de la façon d’éviter les chutes.',
    fallsReferred: 'Vous êtes adressé(e) à un professionnel pour prévenir les chutes.',
    flsReferred: 'Une équipe de prévention des fractures (filière fracture) va vous contacter.',
  },
  de: {
    heading: 'Wie es für Ihre Knochen weitergeht',
    intro:
      'Ein gebrochener Wirbel bedeutet oft, dass die Knochen schwach geworden sind. Diese Schritte helfen, einen weiteren Bruch zu verhindern.',
    dxaOrdered: 'Für Sie wurde eine Knochendichtemessung veranlasst.',
    dxaDone: 'Bei Ihnen wurde die Knochendichte gemessen.',
    medicineStarted: (name) =>
      name
        ? `Sie beginnen ein Medikament für Ihre Knochen: ${name}.`
        : 'Sie beginnen ein Medikament, das Ihre Knochen stärkt.',
    medicineContinued: (name) =>
      name
        ? `Nehmen Sie Ihr Medikament für die Knochen weiter: ${name}.`
        : 'Nehmen Sie Ihr Medikament für die Knochen weiter.',
    medicineReferred: 'Eine andere Ärztin oder ein anderer Arzt berät Sie zu einem Medikament für Ihre Knochen.',
    medicineDeclined:
      'Sie haben sich entschieden, vorerst kein Medikament für die Knochen zu nehmen. Sie können es sich anders überlegen: Sprechen Sie uns an.',
    medicineContraindicated: 'Ein Medikament für die Knochen ist im Moment nicht das Richtige für Sie.',
    calciumAdvised: 'Achten Sie auf genug Kalzium und Vitamin D, über das Essen oder als Ergänzung.',
    calciumPrescribed: 'Nehmen Sie das verordnete Kalzium und Vitamin D.',
    calciumAlready: 'Nehmen Sie Ihr Kalzium und Vitamin D weiter.',
    fallsDone: 'Wir haben mit Ihnen besprochen, wie Sie Stürze vermeiden.',
    fallsReferred: 'Sie werden zur Beratung gegen Stürze überwiesen.',
    flsReferred: 'Ein Team zur Vorbeugung von Knochenbrüchen (Fracture Liaison Service) meldet sich bei Ihnen.',
  },
};

/** What was agreed, one sentence per item in the patient's language; empty when nothing that concerns them was recorded. */
export function bonesForLeaflet(plan: BoneHealthPlan, language: Language): string[] {
  const t = BONES_LEAFLET[language];
  const name = plan.medicineName.trim() || null;
  // Only what the patient is to do or expect; "not needed", "not available" and "not recorded" say nothing.
  const dxa: Partial<Record<DxaState, string>> = { ordered: t.dxaOrdered, done: t.dxaDone };
  const medicine: Partial<Record<BoneMedicineDecision, string>> = {
    started: t.medicineStarted(name),
    continued: t.medicineContinued(name),
    referred: t.medicineReferred,
    declined: t.medicineDeclined,
    contraindicated: t.medicineContraindicated,
  };
  const calcium: Partial<Record<CalciumVitaminDState, string>> = {
    advised: t.calciumAdvised,
    prescribed: t.calciumPrescribed,
    'already-taking': t.calciumAlready,
  };
  const falls: Partial<Record<FallsAssessment, string>> = { done: t.fallsDone, referred: t.fallsReferred };
  const fls: Partial<Record<FlsReferral, string>> = { referred: t.flsReferred };
  return [
    dxa[plan.dxa],
    medicine[plan.medicine],
    calcium[plan.calciumVitaminD],
    falls[plan.fallsAssessment],
    fls[plan.flsReferral],
  ].filter((line): line is string => line !== undefined);
}

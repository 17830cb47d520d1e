/**
 * English names of the record's coded values, the same in the console and in
 * the clinician's documents (both import them from here).
 */
import type { AmendableSection, RedFlag, RiskId } from './contract/index.js';

export const redFlagLabels: Record<RedFlag, string> = {
  neurological: 'New weakness, numbness, or bladder/bowel change',
  tumour: 'Suspected tumour (history of cancer, weight loss, night pain)',
  infection: 'Suspected infection (fever, infection)',
  'high-energy-trauma': 'High-energy trauma',
};

export const measureLabels = {
  'pain-medication': 'Pain medication',
  'calcium-vitamin-d': 'Calcium + vitamin D',
  'short-rest': 'Short rest',
  brace: 'Brace',
  physiotherapy: 'Physiotherapy',
  'osteoporosis-medication': 'Osteoporosis medication',
  other: 'Other',
} as const;

export const procedureLabels = {
  'balloon-kyphoplasty': 'Balloon kyphoplasty',
  vertebroplasty: 'Vertebroplasty',
} as const;

export const riskLabels: Record<RiskId, string> = {
  'cement-leak': 'Cement leak',
  'spinal-canal': 'Cement in the spinal canal',
  'lung-embolism': 'Cement travelling to the lungs',
  'adjacent-fracture': 'New fracture of a neighbouring vertebra',
  'infection-bleeding': 'Infection or bleeding',
  anaesthesia: 'Anaesthesia',
  death: 'Death (rare)',
  other: 'Other',
};

export const sectionLabels: Record<AmendableSection, string> = {
  findings: 'Clinical findings',
  decision: 'Decision',
  risks: 'Risks discussed',
  notes: 'Notes',
};

/** "1 slide", "7 slides": a count with its noun in the right number (English). */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The languages the coded values are named in (the console's and the clinician's documents). */
export type LabelLanguage = 'en' | 'fr' | 'de';

export interface CodedLabels {
  redFlag: Record<RedFlag, string>;
  measure: Record<keyof typeof measureLabels, string>;
  procedure: Record<keyof typeof procedureLabels, string>;
  risk: Record<RiskId, string>;
  section: Record<AmendableSection, string>;
}

const french: CodedLabels = {
  redFlag: {
    neurological: 'Nouvelle faiblesse, engourdissement ou trouble vésical/intestinal',
    tumour: 'Suspicion de tumeur (antécédent de cancer, perte de poids, douleur nocturne)',
    infection: 'Suspicion d’infection (fièvre, infection)',
    'high-energy-trauma': 'Traumatisme à haute énergie',
  },
  measure: {
    'pain-medication': 'Antalgiques',
    'calcium-vitamin-d': 'Calcium + vitamine D',
    'short-rest': 'Repos de courte durée',
    brace: 'Corset',
    physiotherapy: 'Physiothérapie',
    'osteoporosis-medication': 'Traitement de l’ostéoporose',
    other: 'Autre',
  },
  procedure: { 'balloon-kyphoplasty': 'Cyphoplastie par ballonnet', vertebroplasty: 'Vertébroplastie' },
  risk: {
    'cement-leak': 'Fuite de ciment',
    'spinal-canal': 'Ciment dans le canal rachidien',
    'lung-embolism': 'Migration de ciment vers les poumons',
    'adjacent-fracture': 'Nouvelle fracture d’une vertèbre voisine',
    'infection-bleeding': 'Infection ou saignement',
    anaesthesia: 'Anesthésie',
    death: 'Décès (rare)',
    other: 'Autre',
  },
  section: { findings: 'Constatations cliniques', decision: 'Décision', risks: 'Risques abordés', notes: 'Notes' },
};

const german: CodedLabels = {
  redFlag: {
    neurological: 'Neue Schwäche, Taubheit oder Blasen-/Darmstörung',
    tumour: 'Verdacht auf Tumor (Krebs in der Vorgeschichte, Gewichtsverlust, Nachtschmerz)',
    infection: 'Verdacht auf Infektion (Fieber, Infektion)',
    'high-energy-trauma': 'Hochrasanztrauma',
  },
  measure: {
    'pain-medication': 'Schmerzmittel',
    'calcium-vitamin-d': 'Kalzium + Vitamin D',
    'short-rest': 'Kurze Schonung',
    brace: 'Korsett',
    physiotherapy: 'Physiotherapie',
    'osteoporosis-medication': 'Osteoporose-Medikament',
    other: 'Andere',
  },
  procedure: { 'balloon-kyphoplasty': 'Ballon-Kyphoplastie', vertebroplasty: 'Vertebroplastie' },
  risk: {
    'cement-leak': 'Zementaustritt',
    'spinal-canal': 'Zement im Spinalkanal',
    'lung-embolism': 'Zementverschleppung in die Lunge',
    'adjacent-fracture': 'Neuer Bruch eines Nachbarwirbels',
    'infection-bleeding': 'Infektion oder Blutung',
    anaesthesia: 'Narkose',
    death: 'Tod (selten)',
    other: 'Andere',
  },
  section: { findings: 'Klinische Befunde', decision: 'Entscheidung', risks: 'Besprochene Risiken', notes: 'Notizen' },
};

const english: CodedLabels = {
  redFlag: redFlagLabels,
  measure: measureLabels,
  procedure: procedureLabels,
  risk: riskLabels,
  section: sectionLabels,
};

/** The names of the coded values in a language (English: the tables above, unchanged). */
export function labelsFor(language: LabelLanguage): CodedLabels {
  return language === 'fr' ? french : language === 'de' ? german : english;
}

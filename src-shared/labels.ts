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

/**
 * The practice overview's figures in words, the same in the console and in
 * the CSV export (English; the console's translation takes these at merge).
 */
import type { OverviewComplication, OverviewPath } from './contract/index.js';
import { riskLabels } from './labels.js';

export const overviewPathLabels: Record<OverviewPath, string> = {
  conservative: 'Conservative care',
  'balloon-kyphoplasty': 'Balloon kyphoplasty',
  vertebroplasty: 'Vertebroplasty',
  'augmentation-unspecified': 'Augmentation, procedure not chosen',
  referred: 'Referred',
  undecided: 'Undecided',
};

export const overviewComplicationLabels: Record<OverviewComplication, string> = {
  'cement-leak': riskLabels['cement-leak'],
  'spinal-canal': riskLabels['spinal-canal'],
  'lung-embolism': riskLabels['lung-embolism'],
  'adjacent-fracture': riskLabels['adjacent-fracture'],
  'infection-bleeding': riskLabels['infection-bleeding'],
  other: 'Other complication (in words)',
};

/** The share in per cent with one decimal, or null when there is nothing to divide by. */
export function sharePercent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10;
}

/** "3 of 8 (37.5 %)"; "0 of 0 (—)" when the denominator is empty. */
export function shareText(numerator: number, denominator: number): string {
  const p = sharePercent(numerator, denominator);
  return `${numerator} of ${denominator} (${p === null ? '—' : `${p} %`})`;
}

/** How the bone-medicine share is defined, shown beside it and in the CSV. */
export const BONE_MEDICINE_DEFINITION =
  'Of the finalized consultations with at least one fractured level recorded: those whose bone-health plan ' +
  'says osteoporosis medicine started or continued, or with a signed follow-up visit within 92 days after the ' +
  'consultation day at which bone medicine was started or being taken.';

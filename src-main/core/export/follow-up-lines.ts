/**
 * The signed follow-up visits of a consultation as lines of the clinician's
 * documents (English, the console's wording), one line per visit in date order.
 */
import type { FollowUp, FollowUpValues } from '../../../src-shared/contract/index.js';
import { followUpBoneMedicineLabels } from '../../../src-shared/bone-health-lines.js';
import { riskLabels } from './labels.js';

const mobility = { 'as-before': 'as before', limited: 'limited', unable: 'unable' } as const;
const medication = { none: 'none', simple: 'simple analgesics', opioid: 'opioid' } as const;

export function followUpLines(visits: readonly FollowUp[]): string[] {
  return visits.map((v) => {
    const complications = [
      ...v.complications.map((c) => riskLabels[c]),
      ...(v.complicationsOther ? [v.complicationsOther] : []),
    ];
    const parts = [
      `pain ${v.painNow ?? 'not asked'}`,
      `walking and daily activities ${v.mobility ? mobility[v.mobility] : 'not asked'}`,
      `pain medicine ${v.painMedication ? medication[v.painMedication] : 'not asked'}`,
      `complications ${complications.length ? complications.join(', ') : 'none'}`,
      `new fractures ${v.newFractures.length ? v.newFractures.join(', ') : 'none'}`,
      `bone medicine ${v.boneMedicine ? followUpBoneMedicineLabels[v.boneMedicine].toLowerCase() : 'not asked'}`,
    ];
    const signed = v.finalizedBy ? ` Signed by ${v.finalizedBy}.` : '';
    const note = v.note ? ` Note: ${v.note}` : '';
    return `${v.visitDate}: ${parts.join('; ')}.${signed}${note}`;
  });
}

/** One visit's values as labelled lines (the visit's own PDF, and each side of a correction). */
export function followUpItems(v: FollowUpValues): string[] {
  const complications = [
    ...v.complications.map((c) => riskLabels[c]),
    ...(v.complicationsOther ? [v.complicationsOther] : []),
  ];
  return [
    `Visit date: ${v.visitDate}`,
    `Pain now (NRS 0–10): ${v.painNow ?? 'not asked'}`,
    `Walking and daily activities: ${v.mobility ? mobility[v.mobility] : 'not asked'}`,
    `Pain medicine in use: ${v.painMedication ? medication[v.painMedication] : 'not asked'}`,
    `Complications since the procedure: ${complications.length ? complications.join(', ') : 'none'}`,
    `New fractures: ${v.newFractures.length ? v.newFractures.join(', ') : 'none'}`,
    `Bone medicine now: ${v.boneMedicine ? followUpBoneMedicineLabels[v.boneMedicine].toLowerCase() : 'not asked'}`,
    `Note: ${v.note || 'none'}`,
  ];
}

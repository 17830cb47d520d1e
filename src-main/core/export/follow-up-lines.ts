/**
 * The signed follow-up visits of a consultation as lines of the clinician's
 * documents (the console's wording, in its language), one line per visit in date order.
 */
import type { FollowUp, FollowUpValues } from '../../../src-shared/contract/index.js';
import { CLINICIAN_TEXT, type ClinicianText } from './clinician-text/index.js';
import { formatDay } from './labels.js';

export function followUpLines(visits: readonly FollowUp[], t: ClinicianText = CLINICIAN_TEXT.en): string[] {
  return visits.map((v) => {
    const complications = [
      ...v.complications.map((c) => t.coded.risk[c]),
      ...(v.complicationsOther ? [v.complicationsOther] : []),
    ];
    const line = t.followUpLine({
      // English keeps the ISO day it always printed; French and German write the day as the console does.
      day: t.language === 'en' ? v.visitDate : formatDay(v.visitDate, t.locale),
      pain: v.painNow === null ? t.notAsked : String(v.painNow),
      mobility: v.mobility ? t.mobility[v.mobility] : t.notAsked,
      medication: v.painMedication ? t.medication[v.painMedication] : t.notAsked,
      complications: complications.length ? complications.join(', ') : t.noneLower,
      fractures: v.newFractures.length ? v.newFractures.join(', ') : t.noneLower,
      bone: v.boneMedicine ? t.followUpBoneMedicine[v.boneMedicine] : t.notAsked,
    });
    const signed = v.finalizedBy ? t.signedBy(v.finalizedBy) : '';
    const note = v.note ? t.note(v.note) : '';
    return `${line}${signed}${note}`;
  });
}

/** One visit's values as labelled lines, in English (the visit's own PDF, and each side of a correction). */
export function followUpItems(v: FollowUpValues): string[] {
  const t = CLINICIAN_TEXT.en;
  const complications = [
    ...v.complications.map((c) => t.coded.risk[c]),
    ...(v.complicationsOther ? [v.complicationsOther] : []),
  ];
  return [
    `Visit date: ${v.visitDate}`,
    `Pain now (NRS 0–10): ${v.painNow ?? 'not asked'}`,
    `Walking and daily activities: ${v.mobility ? t.mobility[v.mobility] : 'not asked'}`,
    `Pain medicine in use: ${v.painMedication ? t.medication[v.painMedication] : 'not asked'}`,
    `Complications since the procedure: ${complications.length ? complications.join(', ') : 'none'}`,
    `New fractures: ${v.newFractures.length ? v.newFractures.join(', ') : 'none'}`,
    `Bone medicine now: ${v.boneMedicine ? t.followUpBoneMedicine[v.boneMedicine] : 'not asked'}`,
    `Note: ${v.note || 'none'}`,
  ];
}

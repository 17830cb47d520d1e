/**
 * English words for the clinician's documents (letter, record text, FHIR
 * narrative, register). The names of coded values are shared with the
 * console (src-shared/labels.ts); the longer decision names are the letter's own.
 */
import type { DecisionPath, Patient } from '../../../src-shared/contract/index.js';
export {
  countOf,
  measureLabels,
  procedureLabels,
  redFlagLabels,
  riskLabels,
  sectionLabels,
} from '../../../src-shared/labels.js';

export const pathLabels: Record<DecisionPath, string> = {
  undecided: 'Undecided',
  conservative: 'Conservative treatment',
  augmentation: 'Vertebral augmentation',
  referred: 'Referred',
};

export const sexLabels: Record<Patient['sex'], string> = {
  female: 'female',
  male: 'male',
  other: 'other',
  unknown: 'not recorded',
};

/** Genant semi-quantitative grades (Genant et al., J Bone Miner Res 1993). */
export const genantLabels: Record<1 | 2 | 3, string> = {
  1: 'grade 1, mild (20–25 % height loss)',
  2: 'grade 2, moderate (25–40 % height loss)',
  3: 'grade 3, severe (> 40 % height loss)',
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (YYYY-MM-DD) or year as "23 November 2026" ("23 novembre 2026" in fr-CH,
 * "23. November 2026" in de-CH), without time-zone shifts.
 */
export function formatDay(day: string, locale = 'en-GB'): string {
  if (/^\d{4}$/.test(day)) return day;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** "09:05" in the computer's local time, as the physician saw the clock. */
export function formatClock(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** "1 min 20 s" */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
}

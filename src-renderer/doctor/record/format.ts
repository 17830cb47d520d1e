/** Words and formats the record panels share (English console). */
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
  conservative: 'Conservative',
  augmentation: 'Augmentation',
  referred: 'Referred',
};

export const sexLabels = { female: 'female', male: 'male', other: 'other', unknown: 'sex not recorded' } as const;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));
export const formatTime = (iso: string): string => timeOnly.format(new Date(iso));
/** A calendar date (YYYY-MM-DD) in the local format, without time-zone shifts. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dateOnly.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** "1 min 20 s" */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
}

/** Today in local time, YYYY-MM-DD (for date inputs' max/min). */
export function today(): string {
  return dayOf(new Date().toISOString());
}

/** Age in whole years on a day, from a birth date or year ("about" when only the year is known). */
export function ageOn(birthDate: string | null, onIso: string): string {
  if (!birthDate) return '';
  const on = new Date(onIso);
  const year = Number(birthDate.slice(0, 4));
  if (birthDate.length === 4) return `about ${on.getFullYear() - year}`;
  const [, m = 1, d = 1] = birthDate.split('-').map(Number);
  const hadBirthday = on.getMonth() + 1 > m || (on.getMonth() + 1 === m && on.getDate() >= d);
  return String(on.getFullYear() - year - (hadBirthday ? 0 : 1));
}

export function patientName(patient: Pick<Patient, 'displayName' | 'code'>): string {
  return patient.displayName ?? patient.code;
}

export function patientLine(patient: Patient, onIso = new Date().toISOString()): string {
  const parts = [patient.displayName ? patient.code : null, patient.birthDate ? `born ${patient.birthDate}` : null];
  const age = ageOn(patient.birthDate, onIso);
  if (age) parts.push(`${age} years`);
  parts.push(sexLabels[patient.sex]);
  if (patient.hospitalNumber) parts.push(`hospital no. ${patient.hospitalNumber}`);
  return parts.filter(Boolean).join(' · ');
}

/** Splits an FTS snippet (hits between \u0002 and \u0003) into plain and highlighted parts; no HTML involved. */
export function snippetParts(snippet: string): Array<{ text: string; hit: boolean }> {
  const parts: Array<{ text: string; hit: boolean }> = [];
  for (const [index, chunk] of snippet.split('\u0002').entries()) {
    const [hit, rest] =
      index === 0 ? ['', chunk] : [chunk.split('\u0003')[0] ?? '', chunk.split('\u0003').slice(1).join('')];
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

/** The form labels of the fields a call can name in an error. */
const FIELD_LABELS: Record<string, string> = {
  displayName: 'Name',
  code: 'Pseudonymous code',
  birthDate: 'Date of birth',
  sex: 'Sex',
  hospitalNumber: 'Hospital number',
  reason: 'Reason',
  physicianName: 'Physician name',
  clinicName: 'Clinic name',
  clinicContact: 'Clinic contact',
  exportFolder: 'Export folder',
};

/**
 * A call's error as a sentence for the form: a leading "field.path: " becomes
 * the field's label (or goes), so no internal name reaches the screen.
 */
export function errorText(message: string, field?: string): string {
  const match = /^([\w.]+): (.*)$/s.exec(message);
  if (!match || (field !== undefined && match[1] !== field)) return message;
  const key = (match[1] ?? '').split('.').at(-1) ?? '';
  const rest = match[2] ?? '';
  const label = FIELD_LABELS[key];
  return label ? `${label}: ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Message of a failed call. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The console moves slides on plain keys (N, P, B, digits, arrows, space)
 * whenever focus is not in a text field. Inside the record, a focused
 * checkbox, radio or button needs those keys itself, so they stop here.
 * The clicker's page keys still reach the slides.
 */
export function keepKeysInControls(event: KeyboardEvent): void {
  const target = event.target;
  if (!(target instanceof Element)) return;
  // Clicker keys and the presenting shortcuts that no control uses still reach the console.
  if (['PageDown', 'PageUp', 'F5', 'Escape'].includes(event.key)) return;
  if (target.closest('input, select, textarea, button, summary, dialog, [contenteditable="true"]'))
    event.stopPropagation();
}

/** The local calendar day (YYYY-MM-DD) of an instant. */
export function dayOf(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Words and formats the record panels share, in the console's language. */
import type { DecisionPath, Findings, Patient } from '../../../src-shared/contract/index.js';
import type { SignWarning } from '../../../src-shared/sign-warnings.js';
import { labelsFor, type CodedLabels } from '../../../src-shared/labels.js';
import { i18n, t } from '../../state/i18n.svelte.js';
import { FORM_FIELDS, fieldLabel, shownError } from '../../state/error-text.js';

/**
 * A table of names that always answers in the console's current language:
 * every read goes to that language's table (and reads the locale rune, so a
 * template showing `riskLabels[id]` re-renders when the language changes).
 */
function localized<T extends object>(table: (labels: CodedLabels) => T): T {
  const current = (): T => table(labelsFor(i18n.locale));
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(current(), key),
    has: (_target, key) => Reflect.has(current(), key),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(current(), key),
  });
}

export const redFlagLabels = localized((labels) => labels.redFlag);
export const measureLabels = localized((labels) => labels.measure);
export const procedureLabels = localized((labels) => labels.procedure);
export const riskLabels = localized((labels) => labels.risk);
export const sectionLabels = localized((labels) => labels.section);

const PATHS: readonly DecisionPath[] = ['undecided', 'conservative', 'augmentation', 'referred'];
/** The decision paths' names (a getter per path, so each read is in the current language). */
export const pathLabels = Object.defineProperties(
  {} as Record<DecisionPath, string>,
  Object.fromEntries(PATHS.map((path) => [path, { get: () => t(`path.${path}`), enumerable: true }])),
);
type Sex = Patient['sex'];
const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
export const sexLabels = Object.defineProperties(
  {} as Record<Sex, string>,
  Object.fromEntries(SEXES.map((sex) => [sex, { get: () => t(`sex.${sex}`), enumerable: true }])),
);

/** "1 slide", "2 slides" in the console's language (nouns: `count.<noun>_one/_other`). */
export function countOf(n: number, noun: 'slide' | 'warning'): string {
  return t(`count.${noun}`, { count: n });
}

export const formatDateTime = (iso: string): string =>
  i18n.formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (iso: string): string =>
  i18n.formatDate(new Date(iso), { hour: '2-digit', minute: '2-digit' });
/** A calendar date (YYYY-MM-DD) in the local format, without time-zone shifts. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return i18n.formatDate(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1), { dateStyle: 'medium' });
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
  if (birthDate.length === 4) return t('patient.about', { age: on.getFullYear() - year });
  const [, m = 1, d = 1] = birthDate.split('-').map(Number);
  const hadBirthday = on.getMonth() + 1 > m || (on.getMonth() + 1 === m && on.getDate() >= d);
  return String(on.getFullYear() - year - (hadBirthday ? 0 : 1));
}

export function patientName(patient: Pick<Patient, 'displayName' | 'code'>): string {
  return patient.displayName ?? patient.code;
}

export function patientLine(patient: Patient, onIso = new Date().toISOString()): string {
  const parts = [
    patient.displayName ? patient.code : null,
    patient.birthDate ? t('patient.born', { date: patient.birthDate }) : null,
  ];
  const age = ageOn(patient.birthDate, onIso);
  if (age) parts.push(t('patient.years', { age }));
  parts.push(sexLabels[patient.sex]);
  if (patient.hospitalNumber) parts.push(t('patient.hospitalNo', { number: patient.hospitalNumber }));
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

/** The fields whose form label replaces their name in an error (others: the name goes). */
const LABELLED: ReadonlySet<string> = new Set(FORM_FIELDS);

/**
 * A call's error as a sentence for the form: a leading "field.path: " becomes
 * the field's label (or goes), so no internal name reaches the screen.
 */
export function errorText(message: string, field?: string): string {
  const translated = shownError(message);
  if (translated !== message) return translated;
  const match = /^([\w.]+): (.*)$/s.exec(message);
  if (!match || (field !== undefined && match[1] !== field)) return message;
  const path = match[1] ?? '';
  const rest = match[2] ?? '';
  const name = path.split('.').at(-1) ?? '';
  return LABELLED.has(name) ? `${fieldLabel(name)}: ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Message of a failed call, in the console's language. */
export function messageOf(error: unknown): string {
  return shownError(error instanceof Error ? error.message : String(error));
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

/** A sign warning in the console's language (its id names it; red flags are listed by name). */
export function warningText(warning: Pick<SignWarning, 'id'>, findings: Pick<Findings, 'redFlags'>): string {
  // English lower-cases the names inside the sentence (as src-shared/sign-warnings.ts); German keeps its capitals.
  const flags = findings.redFlags
    .map((flag) => (i18n.locale === 'de' ? redFlagLabels[flag] : redFlagLabels[flag].toLowerCase()))
    .join('; ');
  return t(`signWarnings.${warning.id}`, { flags });
}

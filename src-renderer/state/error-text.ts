/**
 * Error messages in the console's language. Core words its refusals in English
 * (the same words reach scripts and logs); the console shows them as they are
 * in English and, in French or German, through this table of the sentences
 * core and the console's models use (their variable parts carried over). A
 * sentence not in the table stays in English rather than being lost.
 */
import type { TFunction } from 'i18next';
import { i18n, t } from './i18n.svelte.js';

type Translate = (match: RegExpExecArray, t: TFunction) => string;

/** A named part of a matched sentence. */
const part = (match: RegExpExecArray, name: string): string => match.groups?.[name] ?? '';

/** Whole sentences, each matched from start to end; `$<name>` parts are passed on. */
const KNOWN: Array<[RegExp, Translate]> = [
  [/^ConsultDeck is locked\. Unlock it first\.$/, (_, t) => t('errors.locked')],
  [/^The disk is full, so this was not saved\..*$/s, (_, t) => t('errors.diskFull')],
  [/^Something went wrong inside ConsultDeck\..*$/s, (_, t) => t('errors.internal')],
  [/^Something went wrong; nothing was saved\.$/, (_, t) => t('errors.internal')],
  [
    /^Enter your name in Settings first: it signs the (record|amendment|correction|visit)\.$/,
    (_, t) => t('errors.physicianMissing'),
  ],
  [/^A finalized record cannot be deleted\..*$/s, (_, t) => t('errors.finalizedNoDelete')],
  [/^This record is still a draft: change it directly\.$/, (_, t) => t('errors.stillDraft')],
  [/^Another patient already has the code (?<code>.+)\.$/s, (m, t) => t('errors.codeTaken', { code: part(m, 'code') })],
  [/^This (consultation|entry|follow-up visit|patient) does not exist \(any more\)\.$/, (_, t) => t('errors.notFound')],
  [/^The current PIN is not right; the PIN was not changed\.$/, (_, t) => t('errors.wrongPin')],
  [
    /^Too many wrong tries\. Try again in (?<seconds>\d+) s\.$/,
    (m, t) => t('errors.tooManyTries', { seconds: part(m, 'seconds') }),
  ],
  [/^The PIN is not right\.?$/, (_, t) => t('errors.wrongPin')],
  [/^Some changes could not be saved, so the record was not signed\.$/, (_, t) => t('errors.notSignedUnsaved')],
  [/^Some changes to this record are not saved yet, so it stays open\..*$/s, (_, t) => t('errors.notClosedUnsaved')],
  [/^(?<field>[\w.]+): lies in the future$/, (m, t) => t('errors.future', { field: fieldLabel(part(m, 'field'), t) })],
  [
    /^(?<field>[\w.]+): lies before the consultation$/,
    (m, t) => t('errors.beforeConsultation', { field: fieldLabel(part(m, 'field'), t) }),
  ],
  [/^(?<field>[\w.]+): say why the details are corrected$/, (_, t) => t('errors.reasonMissing')],
  [/^(?<field>[\w.]+): say which other risk was discussed$/, (_, t) => t('errors.otherRiskMissing')],
  [/^(?<field>[\w.]+): is the same as the record now$/, (_, t) => t('errors.unchanged')],
  [
    /^(?<field>[\w.]+): no control characters$/,
    (m, t) => t('errors.controlCharacters', { field: fieldLabel(part(m, 'field'), t) }),
  ],
  [
    /^(?<field>[\w.]+): year 1900 or later$/,
    (m, t) => t('errors.year1900', { field: fieldLabel(part(m, 'field'), t) }),
  ],
  [
    /^(?<field>[\w.]+): a date \(YYYY-MM-DD\) or a year \(YYYY\)$/,
    (m, t) => t('errors.dateOrYear', { field: fieldLabel(part(m, 'field'), t) }),
  ],
  [
    /^Choosing (a folder for each export|displays) is only possible in the desktop app\.$/,
    (_, t) => t('errors.desktopOnly'),
  ],
  [/^Showing a file in its folder is only possible in the desktop app\.$/, (_, t) => t('errors.desktopOnly')],
  [
    /^The export folder (?<folder>.+?) does not exist \(any more\)\..*$/s,
    (m, t) => t('errors.folderMissing', { folder: part(m, 'folder') }),
  ],
  [
    /^The disk of the export folder (?<folder>.+?) is full\..*$/s,
    (m, t) => t('errors.folderFull', { folder: part(m, 'folder') }),
  ],
  [
    /^ConsultDeck may not write to the export folder (?<folder>.+?)\. .*$/s,
    (m, t) => t('errors.folderForbidden', { folder: part(m, 'folder') }),
  ],
  // Start-up warnings about the record file (maintenance banner); the reason core found stays as it wrote it.
  [
    /^ConsultDeck started on the backup (?<name>\S+)\. The record it replaced is kept in the data folder\.$/,
    (m, t) => t('errors.restored', { name: part(m, 'name') }),
  ],
  [/^Today's backup was skipped\. (?<why>.*)$/s, (m, t) => t('errors.backupSkipped', { why: part(m, 'why') })],
  [/^Today's backup failed: (?<why>.*)$/s, (m, t) => t('errors.backupFailed', { why: part(m, 'why') })],
  [
    /^Failed to fetch$|^NetworkError.*$|^The connection to ConsultDeck.*$|^ConsultDeck could not be reached\..*$/s,
    (_, t) => t('errors.unreachable'),
  ],
];

/**
 * Fields of the patient and settings forms: an error names them by their label ("Date of birth: …"), since the
 * message is shown above the form.
 */
export const FORM_FIELDS = [
  'displayName',
  'code',
  'birthDate',
  'sex',
  'hospitalNumber',
  'reason',
  'physicianName',
  'clinicName',
  'clinicContact',
  'exportFolder',
] as const;
/** Date fields of the record and visit sections: their error is shown beside the field, so it needs no label. */
const SECTION_DATE_FIELDS = ['painSince', 'visitDate', 'plannedDate', 'followUpDate'] as const;
const FIELDS = [...FORM_FIELDS, ...SECTION_DATE_FIELDS] as const;
type Field = (typeof FIELDS)[number];
const isField = (name: string): name is Field => (FIELDS as readonly string[]).includes(name);

/** The form label of a field a call names ("values.visitDate" → "Visit date"), or the last part of its path. */
export function fieldLabel(path: string, translate: TFunction = t): string {
  const name = path.split('.').at(-1) ?? path;
  return isField(name) ? translate(`fields.${name}`) : name;
}

/** A message from core or a model, in the console's language (English unchanged). */
export function shownError(message: string, translate: TFunction = t, locale = i18n.locale): string {
  if (locale === 'en') return message;
  for (const [pattern, translated] of KNOWN) {
    const match = pattern.exec(message.trim());
    if (match) return translated(match, translate);
  }
  return message;
}

/**
 * The consultation as text for the hospital's health record: Markdown that
 * also reads well as plain text once pasted into a system that shows it raw.
 * In the console's language at the moment of export (issue 14; English by default).
 */
import { formatClock, formatDay, formatDuration } from './labels.js';
import {
  amendmentChanges,
  correctionChanges,
  decisionLines,
  levelLines,
  painLine,
  redFlagLine,
  riskNames,
} from './section-lines.js';
import type { ExportSummary } from './summary.js';
import { followUpLines } from './follow-up-lines.js';
import { CLINICIAN_TEXT, type ClinicianText } from './clinician-text/index.js';
import { editionOf } from './edition.js';

const bullets = (lines: readonly string[], empty: string): string[] =>
  lines.length ? lines.map((line) => `- ${line}`) : [empty];

/** Continuation lines of a multi-line text indented under its bullet. */
const indent = (text: string, by = '  '): string => text.replace(/\r?\n/g, `\n${by}`);

function headerLines(s: ExportSummary, t: ClinicianText): string[] {
  const p = s.patient;
  const day = (d: string): string => formatDay(d, t.locale);
  const patient = [
    p.name ? t.patientCode(p.name, p.code) : p.code,
    p.birthDate ? t.bornOn(day(p.birthDate)) : t.birthNotRecorded,
    t.sexIs(t.sexes[p.sex]),
    ...(p.hospitalNumber ? [t.hospitalNumberIs(p.hospitalNumber)] : []),
  ];
  const record =
    s.status === 'finalized' && s.finalizedAt
      ? t.finalizedAtBy(day(s.finalizedAt.slice(0, 10)), formatClock(s.finalizedAt), s.finalizedBy ?? '')
      : t.draftUpper;
  return [
    `# ${t.title}`,
    '',
    t.patientLine(patient.join(', ')),
    t.consultationLine(day(s.day), formatClock(s.startedAt), s.physician || t.notRecorded),
    t.recordLine(record),
    ...(s.clinic.clinicName ? [t.clinicLine(s.clinic.clinicName)] : []),
  ];
}

function explainedLines(s: ExportSummary, t: ClinicianText): string[] {
  const decks = s.explained.decks.map(
    (d) => `${d.title} (${editionOf(d, t)}): ${t.slideCount(d.slides)}, ${formatDuration(d.totalMs)}`,
  );
  const risks = s.explained.risks.map((r) => `${t.coded.risk[r.risk]}${t.colon}${formatDuration(r.shownMs)}`);
  return [
    `## ${t.explained}`,
    ...bullets(decks, t.noSlides),
    '',
    `${t.riskSlidesShown}${t.colon.trimEnd()}`,
    ...bullets(risks, t.noneLower),
    '',
    `## ${t.risksConfirmed}`,
    ...bullets(riskNames(s.risks.confirmed, s.risks.otherText, t), t.noneConfirmed),
  ];
}

function notesLines(s: ExportSummary, t: ClinicianText): string[] {
  const entries = s.entries.map((e) => `${formatClock(e.at)} ${indent(e.text)}`);
  return [
    `## ${t.notes}`,
    s.notes || t.noNotes,
    ...(entries.length ? ['', `${t.entriesDuring}${t.colon.trimEnd()}`, ...bullets(entries, '')] : []),
  ];
}

function amendmentsLines(s: ExportSummary, t: ClinicianText): string[] {
  if (s.amendments.length === 0 && s.patientCorrections.length === 0) return [];
  const lines = ['', `## ${t.amendments}`];
  const day = (d: string): string => formatDay(d.slice(0, 10), t.locale);
  s.amendments.forEach((a, i) => {
    const changes = amendmentChanges(a, t);
    lines.push(
      `${i + 1}. ${t.sections[a.section]}, ${t.byOnAt(day(a.at), formatClock(a.at), a.author)}`,
      `   ${t.reason(a.reason)}`,
      `   ${t.original}`,
      ...changes.before.map((l) => `   - ${indent(l, '     ')}`),
      `   ${t.corrected}`,
      ...changes.after.map((l) => `   - ${indent(l, '     ')}`),
    );
  });
  s.patientCorrections.forEach((c, i) => {
    const changes = correctionChanges(c, t);
    lines.push(
      `${s.amendments.length + i + 1}. ${t.patientCorrected(changes.fields)}, ${t.byOnAt(day(c.at), formatClock(c.at), c.author)}`,
      ...(changes.before.length
        ? [
            `   ${t.reason(c.reason)}`,
            `   ${t.original}`,
            ...changes.before.map((l) => `   - ${l}`),
            `   ${t.corrected}`,
            ...changes.after.map((l) => `   - ${l}`),
          ]
        : [`   ${t.valuesHidden}`]),
    );
  });
  return lines;
}

/** The record text in the words of `t` (the console's language at export; English by default). */
export function recordText(s: ExportSummary, t: ClinicianText = CLINICIAN_TEXT.en): string {
  const lines = [
    ...headerLines(s, t),
    '',
    `## ${t.findings}`,
    ...bullets([painLine(s.findings, t), ...levelLines(s.findings, t), redFlagLine(s.findings, t)], ''),
    '',
    ...explainedLines(s, t),
    '',
    `## ${t.decision}`,
    ...bullets(
      decisionLines(s.decision, t).map((l) => indent(l)),
      '',
    ),
    '',
    `## ${t.whatMatters}`,
    ...bullets(t.whatMattersLines(s.whatMatters), ''),
    '',
    `## ${t.boneHealth}`,
    ...bullets(t.boneHealthLines(s.boneHealth), ''),
    '',
    ...(s.followUps.length ? [`## ${t.followUps}`, ...bullets(followUpLines(s.followUps, t), ''), ''] : []),
    ...notesLines(s, t),
    ...amendmentsLines(s, t),
    // The seal of a signed record: the digest at signing and the audit chain's head (issue 11, M5).
    ...(s.seal ? ['', t.digest(s.seal.recordDigest), t.auditRow(s.seal.auditHead.id, s.seal.auditHead.hash)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

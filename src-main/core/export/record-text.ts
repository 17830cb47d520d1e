/**
 * The consultation as text for the hospital's health record: Markdown that
 * also reads well as plain text once pasted into a system that shows it raw.
 */
import { countOf, formatClock, formatDay, formatDuration, riskLabels, sectionLabels, sexLabels } from './labels.js';
import {
  amendmentChanges,
  correctionChanges,
  decisionLines,
  levelLines,
  painLine,
  redFlagLine,
  riskNames,
} from './section-lines.js';
import { deckEdition, type ExportSummary } from './summary.js';
import { whatMattersLines } from './what-matters-text.js';
import { boneHealthLines } from './bone-health-text.js';
import { followUpLines } from './follow-up-lines.js';

const bullets = (lines: readonly string[], empty: string): string[] =>
  lines.length ? lines.map((line) => `- ${line}`) : [empty];

/** Continuation lines of a multi-line text indented under its bullet. */
const indent = (text: string, by = '  '): string => text.replace(/\r?\n/g, `\n${by}`);

function headerLines(s: ExportSummary): string[] {
  const p = s.patient;
  const patient = [
    p.name ? `${p.name} (code ${p.code})` : p.code,
    p.birthDate ? `born ${formatDay(p.birthDate)}` : 'birth date not recorded',
    `sex ${sexLabels[p.sex]}`,
    ...(p.hospitalNumber ? [`hospital number ${p.hospitalNumber}`] : []),
  ];
  const record =
    s.status === 'finalized' && s.finalizedAt
      ? `finalized ${formatDay(s.finalizedAt.slice(0, 10))} ${formatClock(s.finalizedAt)} by ${s.finalizedBy ?? ''}`
      : 'DRAFT, not signed';
  return [
    '# Consultation summary: osteoporotic vertebral fracture',
    '',
    `Patient: ${patient.join(', ')}`,
    `Consultation: ${formatDay(s.day)} ${formatClock(s.startedAt)}, physician ${s.physician || 'not recorded'}`,
    `Record: ${record}`,
    ...(s.clinic.clinicName ? [`Clinic: ${s.clinic.clinicName}`] : []),
  ];
}

function explainedLines(s: ExportSummary): string[] {
  const decks = s.explained.decks.map(
    (d) => `${d.title} (${deckEdition(d)}): ${countOf(d.slides, 'slide')}, ${formatDuration(d.totalMs)}`,
  );
  const risks = s.explained.risks.map((r) => `${riskLabels[r.risk]}: ${formatDuration(r.shownMs)}`);
  return [
    '## What was explained',
    ...bullets(decks, 'No slides were shown.'),
    '',
    'Risk slides shown:',
    ...bullets(risks, 'none'),
    '',
    '## Risks confirmed as discussed',
    ...bullets(riskNames(s.risks.confirmed, s.risks.otherText), 'None confirmed.'),
  ];
}

function notesLines(s: ExportSummary): string[] {
  const entries = s.entries.map((e) => `${formatClock(e.at)} ${indent(e.text)}`);
  return [
    '## Notes',
    s.notes || 'No notes.',
    ...(entries.length ? ['', 'Entries during the consultation:', ...bullets(entries, '')] : []),
  ];
}

function amendmentsLines(s: ExportSummary): string[] {
  if (s.amendments.length === 0 && s.patientCorrections.length === 0) return [];
  const lines = ['', '## Amendments'];
  s.amendments.forEach((a, i) => {
    const changes = amendmentChanges(a);
    lines.push(
      `${i + 1}. ${sectionLabels[a.section]}, ${formatDay(a.at.slice(0, 10))} ${formatClock(a.at)}, by ${a.author}`,
      `   Reason: ${a.reason}`,
      '   Original:',
      ...changes.before.map((l) => `   - ${indent(l, '     ')}`),
      '   Corrected:',
      ...changes.after.map((l) => `   - ${indent(l, '     ')}`),
    );
  });
  s.patientCorrections.forEach((c, i) => {
    const changes = correctionChanges(c);
    lines.push(
      `${s.amendments.length + i + 1}. Patient details corrected (${changes.fields}), ${formatDay(c.at.slice(0, 10))} ${formatClock(c.at)}, by ${c.author}`,
      ...(changes.before.length
        ? [
            `   Reason: ${c.reason}`,
            '   Original:',
            ...changes.before.map((l) => `   - ${l}`),
            '   Corrected:',
            ...changes.after.map((l) => `   - ${l}`),
          ]
        : ['   Values not shown (pseudonymized).']),
    );
  });
  return lines;
}

export function recordText(s: ExportSummary): string {
  const lines = [
    ...headerLines(s),
    '',
    '## Findings',
    ...bullets([painLine(s.findings), ...levelLines(s.findings), redFlagLine(s.findings)], ''),
    '',
    ...explainedLines(s),
    '',
    '## Decision',
    ...bullets(
      decisionLines(s.decision).map((l) => indent(l)),
      '',
    ),
    '',
    '## What matters to the patient',
    ...bullets(whatMattersLines(s.whatMatters), ''),
    '',
    '## Bone health plan',
    ...bullets(boneHealthLines(s.boneHealth), ''),
    '',
    ...(s.followUps.length ? ['## Follow-up visits', ...bullets(followUpLines(s.followUps), ''), ''] : []),
    ...notesLines(s),
    ...amendmentsLines(s),
    // The seal of a signed record: the digest at signing and the audit chain's head (issue 11, M5).
    ...(s.seal
      ? [
          '',
          `Record digest (SHA-256, at signing): ${s.seal.recordDigest}`,
          `Audit log at row ${s.seal.auditHead.id}: ${s.seal.auditHead.hash}`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

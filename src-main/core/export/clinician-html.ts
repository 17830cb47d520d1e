/**
 * The clinician summary: a one-to-two-page letter for the file or a colleague.
 * A draft carries a DRAFT watermark on every page until it is finalized;
 * amendments are listed with the original text and the reason.
 */
import { languages, type Amendment } from '../../../src-shared/contract/index.js';
import { documentHtml, escapeHtml, list, multiline } from './html.js';
import type { PdfPage } from './pdf-renderer.js';
import {
  formatClock,
  formatDay,
  formatDuration,
  genantLabels,
  riskLabels,
  sectionLabels,
  sexLabels,
} from './labels.js';
import {
  amendmentChanges,
  correctionChanges,
  decisionLines,
  painLine,
  redFlagLine,
  riskNames,
} from './section-lines.js';
import { deckEdition, type ExportSeal, type ExportSummary, type SummaryCorrection } from './summary.js';
import { whatMattersLines } from './what-matters-text.js';
import { PAIN_CHART_CSS, painChartHtml } from './pain-chart.js';
import { boneHealthLines } from './bone-health-text.js';
import { followUpLines } from './follow-up-lines.js';

const LANGUAGE_NAMES: Record<(typeof languages)[number], string> = { en: 'English', fr: 'French', de: 'German' };

const CSS = `
body { font-size: 10.5pt; line-height: 1.4; }
.letterhead { display: flex; justify-content: space-between; gap: 24px; border-bottom: 2px solid #1f3a5f; padding-bottom: 8px; }
.clinic strong { font-size: 13pt; color: #1f3a5f; }
.physician { text-align: right; }
h1 { font-size: 15pt; margin: 14px 0 8px; color: #1f3a5f; }
h2 { font-size: 11.5pt; margin: 14px 0 4px; color: #1f3a5f; border-bottom: 1px solid #c9d2e0; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 2px 8px 2px 0; }
th { font-weight: 700; width: 11em; }
.grid td, .grid th { border-bottom: 1px solid #e5e9f0; width: auto; }
ul { margin: 2px 0; padding-left: 18px; }
p { margin: 2px 0; }
.muted { color: #4b5563; }
.notes { white-space: normal; }
.amendment { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #b45309; break-inside: avoid; }
.signature { margin-top: 16px; break-inside: avoid; }
.closing { break-inside: avoid; }
.signature .line { margin-top: 26px; border-top: 1px solid #111827; width: 60%; padding-top: 2px; }
.seal { margin-top: 10px; font-size: 7pt; color: #374151; word-break: break-all; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: 700;
  color: rgba(185, 28, 28, 0.13); transform: rotate(-30deg); z-index: 0; }
`;

const row = (label: string, value: string): string => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`;

function header(s: ExportSummary): string {
  const clinic = s.clinic.clinicName || 'Clinic';
  return `<header class="letterhead">
  <div class="clinic"><strong>${escapeHtml(clinic)}</strong><br>${multiline(s.clinic.clinicContact)}</div>
  <div class="physician">${escapeHtml(s.physician || 'Physician not recorded')}<br>${escapeHtml(formatDay(s.day))}</div>
</header>
<h1>Consultation summary: osteoporotic vertebral fracture</h1>`;
}

function patientTable(s: ExportSummary): string {
  const p = s.patient;
  const status =
    s.status === 'finalized' && s.finalizedAt
      ? `Finalized ${formatDay(s.finalizedAt.slice(0, 10))} by ${s.finalizedBy ?? ''}`
      : 'Draft, not signed';
  return `<table>
${row('Patient', escapeHtml(p.label))}
${p.name ? row('Code', escapeHtml(p.code)) : ''}
${row('Born', escapeHtml(p.birthDate ? formatDay(p.birthDate) : 'not recorded'))}
${row('Sex', escapeHtml(sexLabels[p.sex]))}
${p.hospitalNumber ? row('Hospital number', escapeHtml(p.hospitalNumber)) : ''}
${row('Consultation', escapeHtml(`${formatDay(s.day)}, ${formatClock(s.startedAt)}, in ${LANGUAGE_NAMES[s.language]}`))}
${row('Record', escapeHtml(status))}
</table>`;
}

function findings(s: ExportSummary): string {
  const levels = s.findings.fracturedLevels
    .map((l) => `<tr><td>${l.level}</td><td>Genant ${escapeHtml(genantLabels[l.grade])}</td></tr>`)
    .join('');
  return `<h2>Findings</h2>
<p>${escapeHtml(painLine(s.findings))}</p>
${levels ? `<table class="grid"><tr><th>Level</th><th>Grade</th></tr>${levels}</table>` : '<p>No fractured level recorded.</p>'}
<p>${escapeHtml(redFlagLine(s.findings))}</p>`;
}

function explained(s: ExportSummary): string {
  const decks = s.explained.decks
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.title)}<br><span class="muted">${escapeHtml(deckEdition(d))}</span></td><td>${d.slides}</td><td>${formatDuration(d.totalMs)}</td></tr>`,
    )
    .join('');
  const risks = s.explained.risks.map((r) => `${riskLabels[r.risk]}: ${formatDuration(r.shownMs)}`);
  return `<h2>What was explained</h2>
${decks ? `<table class="grid"><tr><th>Slides</th><th>Slides shown</th><th>Time</th></tr>${decks}</table>` : '<p class="muted">No slides were shown.</p>'}
<p><strong>Risk slides shown</strong></p>
${list(risks, 'No risk slide was shown.')}
<h2>Risks confirmed as discussed</h2>
${list(riskNames(s.risks.confirmed, s.risks.otherText), 'No risk was confirmed as discussed.')}`;
}

function notes(s: ExportSummary): string {
  const entries = s.entries.map((e) => `${formatClock(e.at)}: ${e.text}`);
  return `<h2>Notes</h2>
${s.notes ? `<p class="notes">${multiline(s.notes)}</p>` : '<p class="muted">No notes.</p>'}
${entries.length ? `<p><strong>Entries during the consultation</strong></p>${list(entries, '')}` : ''}`;
}

function amendment(a: Amendment, index: number): string {
  const changes = amendmentChanges(a);
  return `<div class="amendment">
<p><strong>${index + 1}. ${escapeHtml(sectionLabels[a.section])}</strong>, ${escapeHtml(formatDay(a.at.slice(0, 10)))} by ${escapeHtml(a.author)}</p>
<p>Reason: ${escapeHtml(a.reason)}</p>
<p>Original:</p>${list(changes.before, '(empty)')}
<p>Corrected:</p>${list(changes.after, '(empty)')}
</div>`;
}

/** A correction of the patient's details, as an amendment: the original values kept beside the reason. */
function correction(c: SummaryCorrection): string {
  const changes = correctionChanges(c);
  const values = changes.before.length
    ? `<p>Reason: ${escapeHtml(c.reason)}</p><p>Original:</p>${list(changes.before, '')}<p>Corrected:</p>${list(changes.after, '')}`
    : '<p class="muted">Values not shown (pseudonymized).</p>';
  return `<div class="amendment">
<p><strong>Patient details corrected (${escapeHtml(changes.fields)})</strong>, ${escapeHtml(formatDay(c.at.slice(0, 10)))} by ${escapeHtml(c.author)}</p>
${values}
</div>`;
}

/** The signed digest and the audit chain's head, so a paper copy can prove a later change (issue 11, M5). */
function sealLines(seal: ExportSeal): string[] {
  return [
    `Record digest (SHA-256, at signing): ${seal.recordDigest}`,
    `Audit log at row ${seal.auditHead.id}: ${seal.auditHead.hash}`,
  ];
}

function seal(s: ExportSummary): string {
  if (!s.seal) return '';
  return `<p class="seal" data-seal>${sealLines(s.seal).map(escapeHtml).join('<br>')}</p>`;
}

/**
 * The page footer of the clinician PDF: a signed record's seal on every page,
 * so a single page of a paper copy can be checked (`npm run audit:check`); a
 * draft has none (it carries the DRAFT watermark instead).
 */
export function clinicianPage(s: ExportSummary): PdfPage {
  return s.seal ? { footer: sealLines(s.seal) } : {};
}

function signature(s: ExportSummary): string {
  if (s.status === 'finalized' && s.finalizedAt) {
    return `<div class="signature"><p>Signed electronically by ${escapeHtml(s.finalizedBy ?? '')} on ${escapeHtml(formatDay(s.finalizedAt.slice(0, 10)))} at ${formatClock(s.finalizedAt)}.</p>
<div class="line">${escapeHtml(s.finalizedBy ?? '')}</div>${seal(s)}</div>`;
  }
  return `<div class="signature"><p>This record is a draft and has not been signed.</p>
<div class="line">Signature and date</div></div>`;
}

export function clinicianHtml(s: ExportSummary): string {
  const followUp = s.decision.followUpDate ? formatDay(s.decision.followUpDate) : 'not set';
  // The follow-up is one line of the decision (a heading of its own once left it alone on a page 2),
  // and the signature is kept together with the section before it.
  const decision = [...decisionLines(s.decision).filter((l) => !l.startsWith('Follow-up')), `Follow-up: ${followUp}`];
  const items = [...s.amendments.map((a, i) => amendment(a, i)), ...s.patientCorrections.map((c) => correction(c))];
  const last = items.pop();
  const closing =
    last === undefined
      ? `<div class="closing">${notes(s)}${signature(s)}</div>`
      : `<h2>Amendments</h2>${items.join('')}<div class="closing">${last}${signature(s)}</div>`;
  const body = `${s.status === 'draft' ? '<div class="watermark" aria-hidden="true">DRAFT</div>' : ''}
${header(s)}
${patientTable(s)}
${findings(s)}
${explained(s)}
<h2>Decision</h2>
${list(decision, '')}
<h2>What matters to the patient</h2>
${list(whatMattersLines(s.whatMatters), '')}
${painChartHtml(s.painChart)}
<h2>Bone health plan</h2>
${list(boneHealthLines(s.boneHealth), '')}
${s.followUps.length ? `<h2>Follow-up visits</h2>\n${list(followUpLines(s.followUps), '')}` : ''}
${last === undefined ? '' : notes(s)}
${closing}`;
  return documentHtml({
    lang: 'en',
    title: `Consultation summary ${s.patient.label} ${s.day}`,
    paper: s.clinic.paperSize,
    css: CSS + PAIN_CHART_CSS,
    body,
  });
}

/**
 * The clinician summary: a one-to-two-page letter for the file or a colleague,
 * in the console's language at the moment of export (issue 14; English by default).
 * A draft carries a DRAFT watermark on every page until it is finalized;
 * amendments are listed with the original text and the reason.
 */
import type { Amendment } from '../../../src-shared/contract/index.js';
import { LETTER_CSS, documentHtml, escapeHtml, list, multiline } from './html.js';
import type { PdfPage } from './pdf-renderer.js';
import { formatClock, formatDay, formatDuration } from './labels.js';
import {
  amendmentChanges,
  correctionChanges,
  decisionLines,
  followUpLine,
  painLine,
  redFlagLine,
  riskNames,
} from './section-lines.js';
import type { ExportSeal, ExportSummary, SummaryCorrection } from './summary.js';
import { PAIN_CHART_CSS, painChartHtml } from './pain-chart.js';
import { followUpLines } from './follow-up-lines.js';
import { CLINICIAN_TEXT, type ClinicianText } from './clinician-text/index.js';
import { editionOf } from './edition.js';

const CSS = `${LETTER_CSS}
.grid td, .grid th { border-bottom: 1px solid #e5e9f0; width: auto; }
.notes { white-space: normal; }
.closing { break-inside: avoid; }
.signature .line { margin-top: 26px; border-top: 1px solid #111827; width: 60%; padding-top: 2px; }
.seal { margin-top: 10px; font-size: 7pt; color: #374151; word-break: break-all; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: 700;
  color: rgba(185, 28, 28, 0.13); transform: rotate(-30deg); z-index: 0; }
/* ENTWURF, BROUILLON: longer than DRAFT, smaller so the word stays on the page. */
.watermark.wide { font-size: 68pt; }
`;

const row = (label: string, value: string): string => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`;

function header(s: ExportSummary, t: ClinicianText): string {
  const clinic = s.clinic.clinicName || t.clinic;
  return `<header class="letterhead">
  <div class="clinic"><strong>${escapeHtml(clinic)}</strong><br>${multiline(s.clinic.clinicContact)}</div>
  <div class="physician">${escapeHtml(s.physician || t.physicianMissing)}<br>${escapeHtml(formatDay(s.day, t.locale))}</div>
</header>
<h1>${escapeHtml(t.title)}</h1>`;
}

function patientTable(s: ExportSummary, t: ClinicianText): string {
  const p = s.patient;
  const day = (d: string): string => formatDay(d, t.locale);
  const status =
    s.status === 'finalized' && s.finalizedAt
      ? t.finalizedBy(day(s.finalizedAt.slice(0, 10)), s.finalizedBy ?? '')
      : t.draftNotSigned;
  return `<table>
${row(t.patient, escapeHtml(p.label))}
${p.name ? row(t.code, escapeHtml(p.code)) : ''}
${row(t.born, escapeHtml(p.birthDate ? day(p.birthDate) : t.notRecorded))}
${row(t.sex, escapeHtml(t.sexes[p.sex]))}
${p.hospitalNumber ? row(t.hospitalNumber, escapeHtml(p.hospitalNumber)) : ''}
${row(t.consultation, escapeHtml(t.consultationWhen(day(s.day), formatClock(s.startedAt), t.slideLanguages[s.language])))}
${row(t.record, escapeHtml(status))}
</table>`;
}

function findings(s: ExportSummary, t: ClinicianText): string {
  const levels = s.findings.fracturedLevels
    .map((l) => `<tr><td>${l.level}</td><td>Genant ${escapeHtml(t.genant[l.grade])}</td></tr>`)
    .join('');
  return `<h2>${escapeHtml(t.findings)}</h2>
<p>${escapeHtml(painLine(s.findings, t))}</p>
${levels ? `<table class="grid"><tr><th>${escapeHtml(t.level)}</th><th>${escapeHtml(t.grade)}</th></tr>${levels}</table>` : `<p>${escapeHtml(t.noLevel)}</p>`}
<p>${escapeHtml(redFlagLine(s.findings, t))}</p>`;
}

function explained(s: ExportSummary, t: ClinicianText): string {
  const decks = s.explained.decks
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.title)}<br><span class="muted">${escapeHtml(editionOf(d, t))}</span></td><td>${d.slides}</td><td>${formatDuration(d.totalMs)}</td></tr>`,
    )
    .join('');
  const risks = s.explained.risks.map((r) => `${t.coded.risk[r.risk]}${t.colon}${formatDuration(r.shownMs)}`);
  return `<h2>${escapeHtml(t.explained)}</h2>
${decks ? `<table class="grid"><tr><th>${escapeHtml(t.slidesColumn)}</th><th>${escapeHtml(t.slidesShown)}</th><th>${escapeHtml(t.time)}</th></tr>${decks}</table>` : `<p class="muted">${escapeHtml(t.noSlides)}</p>`}
<p><strong>${escapeHtml(t.riskSlidesShown)}</strong></p>
${list(risks, t.noRiskSlide)}
<h2>${escapeHtml(t.risksConfirmed)}</h2>
${list(riskNames(s.risks.confirmed, s.risks.otherText, t), t.noRiskConfirmed)}`;
}

function notes(s: ExportSummary, t: ClinicianText): string {
  const entries = s.entries.map((e) => `${formatClock(e.at)}${t.colon}${e.text}`);
  return `<h2>${escapeHtml(t.notes)}</h2>
${s.notes ? `<p class="notes">${multiline(s.notes)}</p>` : `<p class="muted">${escapeHtml(t.noNotes)}</p>`}
${entries.length ? `<p><strong>${escapeHtml(t.entriesDuring)}</strong></p>${list(entries, '')}` : ''}`;
}

function amendment(a: Amendment, index: number, t: ClinicianText): string {
  const changes = amendmentChanges(a, t);
  return `<div class="amendment">
<p><strong>${index + 1}. ${escapeHtml(t.sections[a.section])}</strong>, ${escapeHtml(t.byOn(formatDay(a.at.slice(0, 10), t.locale), a.author))}</p>
<p>${escapeHtml(t.reason(a.reason))}</p>
<p>${escapeHtml(t.original)}</p>${list(changes.before, t.empty)}
<p>${escapeHtml(t.corrected)}</p>${list(changes.after, t.empty)}
</div>`;
}

/** A correction of the patient's details, as an amendment: the original values kept beside the reason. */
function correction(c: SummaryCorrection, t: ClinicianText): string {
  const changes = correctionChanges(c, t);
  const values = changes.before.length
    ? `<p>${escapeHtml(t.reason(c.reason))}</p><p>${escapeHtml(t.original)}</p>${list(changes.before, '')}<p>${escapeHtml(t.corrected)}</p>${list(changes.after, '')}`
    : `<p class="muted">${escapeHtml(t.valuesHidden)}</p>`;
  return `<div class="amendment">
<p><strong>${escapeHtml(t.patientCorrected(changes.fields))}</strong>, ${escapeHtml(t.byOn(formatDay(c.at.slice(0, 10), t.locale), c.author))}</p>
${values}
</div>`;
}

/** The signed digest and the audit chain's head, so a paper copy can prove a later change (issue 11, M5). */
function sealLines(seal: ExportSeal, t: ClinicianText): string[] {
  return [t.digest(seal.recordDigest), t.auditRow(seal.auditHead.id, seal.auditHead.hash)];
}

function seal(s: ExportSummary, t: ClinicianText): string {
  if (!s.seal) return '';
  return `<p class="seal" data-seal>${sealLines(s.seal, t).map(escapeHtml).join('<br>')}</p>`;
}

/**
 * The page footer of the clinician PDF: a signed record's seal on every page,
 * so a single page of a paper copy can be checked (`npm run audit:check`); a
 * draft has none (it carries the DRAFT watermark instead).
 */
export function clinicianPage(s: ExportSummary, t: ClinicianText = CLINICIAN_TEXT.en): PdfPage {
  return s.seal ? { footer: sealLines(s.seal, t) } : {};
}

function signature(s: ExportSummary, t: ClinicianText): string {
  if (s.status === 'finalized' && s.finalizedAt) {
    const signed = t.signedElectronically(
      s.finalizedBy ?? '',
      formatDay(s.finalizedAt.slice(0, 10), t.locale),
      formatClock(s.finalizedAt),
    );
    return `<div class="signature"><p>${escapeHtml(signed)}</p>
<div class="line">${escapeHtml(s.finalizedBy ?? '')}</div>${seal(s, t)}</div>`;
  }
  return `<div class="signature"><p>${escapeHtml(t.draftSignature)}</p>
<div class="line">${escapeHtml(t.signatureAndDate)}</div></div>`;
}

/** The letter's HTML in the words of `t` (the console's language at export; English by default). */
export function clinicianHtml(s: ExportSummary, t: ClinicianText = CLINICIAN_TEXT.en): string {
  // The follow-up is one line of the decision (a heading of its own once left it alone on a page 2),
  // and the signature is kept together with the section before it.
  const follow = followUpLine(s.decision, t);
  const decision = [...decisionLines(s.decision, t).filter((l) => l !== follow), follow];
  const items = [
    ...s.amendments.map((a, i) => amendment(a, i, t)),
    ...s.patientCorrections.map((c) => correction(c, t)),
  ];
  const last = items.pop();
  const closing =
    last === undefined
      ? `<div class="closing">${notes(s, t)}${signature(s, t)}</div>`
      : `<h2>${escapeHtml(t.amendments)}</h2>${items.join('')}<div class="closing">${last}${signature(s, t)}</div>`;
  const h2 = (text: string): string => `<h2>${escapeHtml(text)}</h2>`;
  const body = `${s.status === 'draft' ? `<div class="watermark${t.watermark.length > 5 ? ' wide' : ''}" aria-hidden="true">${escapeHtml(t.watermark)}</div>` : ''}
${header(s, t)}
${patientTable(s, t)}
${findings(s, t)}
${explained(s, t)}
${h2(t.decision)}
${list(decision, '')}
${h2(t.whatMatters)}
${list(t.whatMattersLines(s.whatMatters), '')}
${painChartHtml(s.painChart, t)}
${h2(t.boneHealth)}
${list(t.boneHealthLines(s.boneHealth), '')}
${s.followUps.length ? `${h2(t.followUps)}\n${list(followUpLines(s.followUps, t), '')}` : ''}
${last === undefined ? '' : notes(s, t)}
${closing}`;
  return documentHtml({
    lang: t.language,
    title: t.documentTitle(s.patient.label, s.day),
    paper: s.clinic.paperSize,
    css: CSS + PAIN_CHART_CSS,
    body,
  });
}

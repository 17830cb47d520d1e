/**
 * A follow-up visit's own document (issue 15: a visit is exported like a consultation): the patient, the
 * index consultation and its procedure, the visit as it stands, every correction with the original values and
 * the reason, and the signature. Only a signed visit is exported. The page footer carries the audit chain's
 * head at export, so a paper copy can be checked against the audit log (`npm run audit:check`).
 */
import type { FollowUp } from '../../../src-shared/contract/index.js';
import { LETTER_CSS, documentHtml, escapeHtml, list, multiline } from './html.js';
import type { PdfPage } from './pdf-renderer.js';
import { formatClock, formatDay, sexLabels } from './labels.js';
import { decisionLines } from './section-lines.js';
import { followUpItems } from './follow-up-lines.js';
import type { ExportSummary } from './summary.js';

const row = (label: string, value: string): string =>
  `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/** The footer of every page: the audit chain's head when the visit was exported. */
export function visitPage(s: ExportSummary): PdfPage {
  return s.seal ? { footer: [`Audit log at row ${s.seal.auditHead.id}: ${s.seal.auditHead.hash}`] } : {};
}

export function visitHtml(s: ExportSummary, visit: FollowUp): string {
  const p = s.patient;
  const procedure = decisionLines(s.decision).filter(
    (line) => line.startsWith('Path') || line.startsWith('Augmentation'),
  );
  const corrections = visit.amendments.map((a, i) => {
    // Only the items the correction changed, each as it was and as it is.
    const before = followUpItems(a.before);
    const after = followUpItems(a.after);
    const changed = before.map((_line, n) => n).filter((n) => before[n] !== after[n]);
    return `<div class="amendment">
<p><strong>${i + 1}. Corrected</strong> ${escapeHtml(formatDay(a.at.slice(0, 10)))} by ${escapeHtml(a.author)}</p>
<p>Reason: ${escapeHtml(a.reason)}</p>
<p>Original:</p>${list(
      changed.map((n) => before[n] ?? ''),
      '',
    )}
<p>Corrected:</p>${list(
      changed.map((n) => after[n] ?? ''),
      '',
    )}
</div>`;
  });
  const signed = visit.finalizedAt
    ? `Signed electronically by ${visit.finalizedBy ?? ''} on ${formatDay(visit.finalizedAt.slice(0, 10))} at ${formatClock(visit.finalizedAt)}.`
    : 'This visit is a draft and has not been signed.';
  const body = `<header class="letterhead">
  <div class="clinic"><strong>${escapeHtml(s.clinic.clinicName || 'Clinic')}</strong><br>${multiline(s.clinic.clinicContact)}</div>
  <div class="physician">${escapeHtml(visit.finalizedBy || s.physician || 'Physician not recorded')}<br>${escapeHtml(formatDay(visit.visitDate))}</div>
</header>
<h1>Follow-up visit: osteoporotic vertebral fracture</h1>
<table>
${row('Patient', p.label)}
${p.name ? row('Code', p.code) : ''}
${row('Born', p.birthDate ? formatDay(p.birthDate) : 'not recorded')}
${row('Sex', sexLabels[p.sex])}
${p.hospitalNumber ? row('Hospital number', p.hospitalNumber) : ''}
${row('Index consultation', `${formatDay(s.day)}, signed by ${s.finalizedBy ?? ''}`)}
${row('Visit', formatDay(visit.visitDate))}
</table>
<h2>Decision at the index consultation</h2>
${list(procedure, '')}
<h2>At this visit${visit.amendments.length ? ' (as corrected)' : ''}</h2>
${list(followUpItems(visit), '')}
${corrections.length ? `<h2>Corrections</h2>${corrections.join('')}` : ''}
<div class="signature"><p>${escapeHtml(signed)}</p></div>`;
  return documentHtml({
    lang: 'en',
    title: `Follow-up visit ${p.label} ${visit.visitDate}`,
    paper: s.clinic.paperSize,
    css: LETTER_CSS,
    body,
  });
}

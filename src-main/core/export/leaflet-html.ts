/**
 * The take-home leaflet for the patient, in the consultation's language, made
 * from the record: what we talked about, the decision with its specifics, what
 * comes next, every risk confirmed as discussed (and only those), when to call,
 * and how. An unsigned record's leaflet carries a DRAFT watermark. Large type (15 pt
 * and up). Never the notes, never anything about another patient.
 */
import type { RiskId } from '../../../src-shared/contract/index.js';
import { documentHtml, escapeHtml, list, multiline } from './html.js';
import type { LeafletText } from './leaflet-text.js';
import { LEAFLET_TEXT } from './leaflet-texts.js';
import type { ExportSummary } from './summary.js';
import { WHAT_MATTERS_LEAFLET, whatMattersForLeaflet } from './what-matters-text.js';
import { BONES_LEAFLET, bonesForLeaflet } from './bone-health-text.js';

const CSS = `
body { font-size: 15pt; line-height: 1.45; }
h1 { font-size: 24pt; margin: 0 0 4px; color: #1f3a5f; }
h2 { font-size: 17pt; margin: 18px 0 6px; color: #1f3a5f; break-after: avoid; }
p { margin: 4px 0; }
ul { margin: 4px 0; padding-left: 24px; }
li { margin: 2px 0; }
.meta { font-size: 14pt; color: #374151; border-bottom: 2px solid #1f3a5f; padding-bottom: 8px; }
.risk { display: flex; gap: 14px; align-items: center; margin: 8px 0; break-inside: avoid; }
.risk svg { flex: none; }
.warning { border: 3px solid #b91c1c; border-radius: 8px; padding: 6px 14px; margin-top: 16px; break-inside: avoid; }
.warning h2 { color: #b91c1c; margin-top: 4px; }
.contact { break-inside: avoid; }
.matters { break-inside: avoid; }
.bones { break-inside: avoid; }
.matters table { border-collapse: collapse; margin: 6px 0; }
.matters td { padding: 3px 18px 3px 0; vertical-align: top; border-bottom: 1px solid #d1d5db; }
.matters td + td { white-space: nowrap; }
.write-in { border-bottom: 1px solid #111827; height: 1.6em; width: 70%; }
.draft-note { color: #b91c1c; font-weight: 700; }
.seal { margin-top: 14px; font-size: 8pt; color: #4b5563; break-inside: avoid; }
.watermark { position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 100pt; font-weight: 700;
  color: rgba(185, 28, 28, 0.13); transform: rotate(-30deg); z-index: 0; }
`;

function formatDay(day: string, t: LeafletText): string {
  const format = new Intl.DateTimeFormat(t.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** 100 dots in a 10 × 10 grid, the first `n` filled: a natural frequency people can see. */
export function iconArray(n: number, label: string): string {
  const dots: string[] = [];
  for (let i = 0; i < 100; i += 1) {
    const [x, y] = [(i % 10) * 12 + 6, Math.floor(i / 10) * 12 + 6];
    dots.push(`<circle cx="${x}" cy="${y}" r="4.8" fill="${i < n ? '#b45309' : '#d1d5db'}"/>`);
  }
  return `<svg width="120" height="120" viewBox="0 0 120 120" role="img" aria-label="${escapeHtml(label)}">${dots.join('')}</svg>`;
}

function talkedAbout(s: ExportSummary, t: LeafletText): string {
  const topics = [...new Set(s.explained.decks.map((d) => d.topic ?? 'other'))].map((topic) => t.topics[topic]);
  return `<h2>${escapeHtml(t.talkedAbout)}</h2>${topics.length ? list(topics, '') : `<p>${escapeHtml(t.noTopics)}</p>`}`;
}

function augmentationChoice(s: ExportSummary, t: LeafletText): string {
  const a = s.decision.augmentation;
  // "You chose" only when the method is chosen and nothing needs working up first.
  if (s.findings.redFlags.length > 0 || a.procedure === null) return `<p>${escapeHtml(t.cementOpen)}</p>`;
  const lines = [a.procedure === 'balloon-kyphoplasty' ? t.kyphoplasty : t.vertebroplasty];
  if (a.levels.length) lines.push(t.levels(a.levels.join(', ')));
  if (a.anaesthesia) lines.push(a.anaesthesia === 'local' ? t.local : t.general);
  if (a.plannedDate) lines.push(`${t.plannedDate}${t.colon}${formatDay(a.plannedDate, t)}`);
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}

function choice(s: ExportSummary, t: LeafletText): string {
  const d = s.decision;
  let body: string;
  switch (d.path) {
    case 'conservative':
      body = `<p>${escapeHtml(t.conservative)}</p>${list(
        d.conservativeMeasures.map((m) => t.measures[m]),
        '',
      )}`;
      break;
    case 'augmentation':
      body = augmentationChoice(s, t);
      break;
    case 'referred':
      body = `<p>${escapeHtml(t.referred)}</p>`;
      break;
    case 'undecided':
      body = `<p>${escapeHtml(t.undecided)}</p>`;
      break;
  }
  const followUp = d.followUpDate ? `${t.followUp}${t.colon}${formatDay(d.followUpDate, t)}` : t.noFollowUp;
  const workUp = s.findings.redFlags.length > 0 ? `<p><strong>${escapeHtml(t.redFlagsNext)}</strong></p>` : '';
  const open =
    d.path === 'undecided' ||
    (d.path === 'augmentation' && (s.findings.redFlags.length > 0 || d.augmentation.procedure === null));
  return `<h2>${escapeHtml(open ? t.choiceOpen : t.choice)}</h2>${body}
<h2>${escapeHtml(t.next)}</h2>${workUp}<p><strong>${escapeHtml(followUp)}</strong></p><p>${escapeHtml(t.bringQuestions)}</p>`;
}

function riskLine(risk: RiskId, s: ExportSummary, t: LeafletText): string {
  switch (risk) {
    case 'cement-leak': {
      const leak = s.decision.augmentation.procedure === 'vertebroplasty' ? 55 : 18;
      return `<div class="risk">${iconArray(leak, t.outOf100(leak))}<p>${escapeHtml(t.riskLeak)}</p></div>`;
    }
    case 'spinal-canal':
      return `<p>${escapeHtml(t.riskCanal)}</p>`;
    case 'lung-embolism':
      return `<p>${escapeHtml(t.riskLungs)}</p>`;
    case 'adjacent-fracture':
      return `<p>${escapeHtml(t.riskAdjacent)}</p>`;
    case 'infection-bleeding':
      return `<p>${escapeHtml(t.riskInfectionBleeding)}</p>`;
    case 'anaesthesia':
      return `<p>${escapeHtml(t.riskAnaesthesia)}</p>`;
    case 'death':
      return `<p>${escapeHtml(t.riskDeath)}</p>`;
    case 'other':
      return s.risks.otherText ? `<p>${escapeHtml(t.riskOther(s.risks.otherText))}</p>` : '';
  }
}

/** Exactly the risks the doctor confirmed as discussed, in the record's words; none, none printed. */
function risks(s: ExportSummary, t: LeafletText): string {
  if (s.risks.confirmed.length === 0) {
    return s.decision.path === 'augmentation'
      ? `<h2>${escapeHtml(t.risksHeading)}</h2><p>${escapeHtml(t.risksLater)}</p>`
      : '';
  }
  return `<h2>${escapeHtml(t.risksHeading)}</h2>${s.risks.confirmed.map((r) => riskLine(r, s, t)).join('\n')}`;
}

/** The statements the patient answered, in their language; nothing when none was asked. */
function whatMatters(s: ExportSummary): string {
  const answered = whatMattersForLeaflet(s.whatMatters, s.language);
  if (answered.length === 0) return '';
  const t = WHAT_MATTERS_LEAFLET[s.language];
  const rows = answered
    .map((a) => `<tr><td>${escapeHtml(a.statement)}</td><td><strong>${escapeHtml(a.answer)}</strong></td></tr>`)
    .join('');
  return `<div class="matters"><h2>${escapeHtml(t.heading)}</h2><p>${escapeHtml(t.intro)}</p><table>${rows}</table></div>`;
}

/** "What's next for your bones": what was agreed to prevent the next fracture; nothing when nothing was. */
function bones(s: ExportSummary): string {
  const lines = bonesForLeaflet(s.boneHealth, s.language);
  if (lines.length === 0) return '';
  const t = BONES_LEAFLET[s.language];
  return `<div class="bones" data-bones><h2>${escapeHtml(t.heading)}</h2><p>${escapeHtml(t.intro)}</p>${list(lines, '')}</div>`;
}

function contact(s: ExportSummary, t: LeafletText): string {
  const doctor = s.physician ? `<p>${escapeHtml(`${t.doctor}${t.colon}${s.physician}`)}</p>` : '';
  const name = s.clinic.clinicName ? `<p><strong>${escapeHtml(s.clinic.clinicName)}</strong></p>` : '';
  const how = s.clinic.clinicContact.trim()
    ? `<p>${multiline(s.clinic.clinicContact.trim())}</p>`
    : `<p>${escapeHtml(t.noContact)}</p><p class="write-in"></p>`;
  return `<div class="contact"><h2>${escapeHtml(t.contact)}</h2>${name}${how}${doctor}</div>`;
}

/** The decks shown with their version and evidence date (IPDAS certifying items), in small print. */
function decksUsed(s: ExportSummary, t: LeafletText): string {
  if (s.explained.decks.length === 0) return '';
  const lines = s.explained.decks.map((d) => {
    const reviewed = d.evidenceReviewed === null ? null : formatDay(d.evidenceReviewed, t);
    const translation = d.translationReview === null ? '' : `; ${t.translation}${t.colon}${d.translationReview}`;
    // The topic in plain words: deck titles may use clinical terms the leaflet avoids.
    return `${t.topics[d.topic ?? 'other']}${t.colon}${t.deckEdition(d.version, reviewed)}${translation}`;
  });
  return `<div class="meta"><h2>${escapeHtml(t.decksUsed)}</h2>${list(lines, '')}</div>`;
}

/**
 * A signed leaflet's short seal, in small print at its end: the first 16 hex digits of the
 * record's digest at signing and of the audit chain's head (issue 11, M5), enough for the clinic
 * to match a leaflet to its record; the full values are on the clinician PDF. None on a draft.
 */
function shortSeal(s: ExportSummary, t: LeafletText): string {
  if (!s.seal) return '';
  const { recordDigest, auditHead } = s.seal;
  const code = `${recordDigest.slice(0, 16)} · ${auditHead.id}:${auditHead.hash.slice(0, 16)}`;
  return `<p class="seal" data-seal>${escapeHtml(`${t.seal}${t.colon}${code}`)}</p>`;
}

export function leafletHtml(s: ExportSummary): string {
  const t = LEAFLET_TEXT[s.language];
  const meta = [s.clinic.clinicName, formatDay(s.day, t)].filter(Boolean).join(' · ');
  const draft = s.status === 'draft';
  const body = `${draft ? `<div class="watermark" aria-hidden="true">${escapeHtml(t.draft)}</div>` : ''}
<h1>${escapeHtml(t.title)}</h1>
${draft ? `<p class="draft-note">${escapeHtml(t.draftNote)}</p>` : ''}
<p class="meta">${escapeHtml(`${t.forPatient}${t.colon}${s.patient.label}`)}<br>${escapeHtml(meta)}</p>
${talkedAbout(s, t)}
${whatMatters(s)}
${choice(s, t)}
${risks(s, t)}
${bones(s)}
<div class="warning"><h2>${escapeHtml(t.warning)}</h2>${list(t.warningSigns, '')}<p>${escapeHtml(t.emergency)}</p></div>
${contact(s, t)}
${decksUsed(s, t)}
${shortSeal(s, t)}`;
  return documentHtml({ lang: s.language, title: t.title, paper: s.clinic.paperSize, css: CSS, body });
}

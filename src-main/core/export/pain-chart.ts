/**
 * The pain chart in the clinician PDF (issue 15, item 3): the index
 * consultation's pain and its signed follow-up visits, the procedure marked,
 * drawn as SVG from the same geometry as the console's chart
 * (`src-shared/timeline-chart.ts`), with a table giving the same values
 * (screen readers, and a reader who wants numbers). A document carries what
 * was signed, so draft visits are left out. No chart without a visit.
 */
import type { PainPoint } from '../../../src-shared/contract/index.js';
import { CHART, chartGeometry } from '../../../src-shared/timeline-chart.js';
import type { Db } from '../db/open.js';
import { buildTimeline, listFollowUps, readIndexConsultations } from '../records/follow-ups.js';
import { escapeHtml } from './html.js';
import { CLINICIAN_TEXT, type ClinicianText } from './clinician-text/index.js';
import { formatDay } from './labels.js';

export interface PainChart {
  points: PainPoint[];
  /** The procedure's planned date (as amended), or null. */
  procedureDate: string | null;
}

/** The chart's data for one index consultation; null when it has no signed visit with a pain score. */
export function readPainChart(db: Db, consultationId: string, patientId: string): PainChart | null {
  const index = readIndexConsultations(db, patientId).find((c) => c.id === consultationId);
  if (!index) return null;
  const visits = listFollowUps(db, consultationId).filter((v) => v.status === 'finalized');
  const timeline = buildTimeline(patientId, [index], visits);
  if (!timeline.points.some((p) => p.kind === 'visit')) return null;
  return { points: timeline.points, procedureDate: index.procedureDate };
}

export const PAIN_CHART_CSS = `
.pain-chart { break-inside: avoid; margin: 4px 0; }
.pain-chart svg { width: 100%; max-width: 17cm; height: auto; }
.pain-chart .grid-line { stroke: #e4e8ef; }
.pain-chart .axis { font-size: 11px; fill: #374151; }
.pain-chart .pain-line { fill: none; stroke: #1f3a5f; stroke-width: 2.5; }
.pain-chart .pain-point { fill: #1f3a5f; }
.pain-chart .pain-point.consultation { fill: #fff; stroke: #1f3a5f; stroke-width: 2.5; }
.pain-chart .procedure { stroke: #b45309; stroke-width: 2; stroke-dasharray: 6 4; }
.pain-chart .procedure-label { font-size: 11px; font-weight: 700; fill: #8a3d05; }
`;

/** The section's HTML (heading, SVG, table) in the document's language, or '' when there is nothing to chart. */
export function painChartHtml(chart: PainChart | null | undefined, t: ClinicianText = CLINICIAN_TEXT.en): string {
  if (!chart) return '';
  const day = (d: string): string => formatDay(d, t.locale);
  const procedures = chart.procedureDate ? [chart.procedureDate] : [];
  const g = chartGeometry(chart.points, procedures, t.locale);
  const label = t.chartLabel(
    chart.points.map((p) => t.chartPoint(p.pain, day(p.date))).join(', '),
    chart.procedureDate ? day(chart.procedureDate) : null,
  );
  const svg = `<svg viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">
${g.yTicks.map((tick) => `<line class="grid-line" x1="${CHART.left}" x2="${CHART.width - CHART.right}" y1="${tick.y}" y2="${tick.y}"/><text class="axis" x="${CHART.left - 8}" y="${tick.y + 4}" text-anchor="end">${tick.value}</text>`).join('')}
${g.xTicks.map((tick) => `<text class="axis" x="${tick.x}" y="${CHART.height - 12}" text-anchor="middle">${escapeHtml(tick.label)}</text>`).join('')}
${g.procedures.map((p) => `<line class="procedure" x1="${p.x}" x2="${p.x}" y1="${CHART.top}" y2="${CHART.height - CHART.bottom}"/><text class="procedure-label" x="${p.x + 4}" y="${CHART.top + 10}">${escapeHtml(t.chartProcedure)}</text>`).join('')}
<path class="pain-line" d="${g.path}"/>
${g.dots.map((d) => `<circle class="pain-point ${d.kind}" cx="${d.x}" cy="${d.y}" r="5"/>`).join('')}
</svg>`;
  const rows = chart.points
    .map(
      (p) =>
        `<tr><td>${escapeHtml(day(p.date))}</td><td>${escapeHtml(t.seenAt[p.kind === 'consultation' ? 'consultation' : 'visit'])}</td><td>${p.pain}</td><td>${escapeHtml(t.since(p.daysFromProcedure))}</td></tr>`,
    )
    .join('');
  const head = t.chartColumns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  return `<h2>${escapeHtml(t.painOverTime)}</h2>
<figure class="pain-chart">${svg}
<figcaption class="muted">${escapeHtml(t.chartCaption(chart.procedureDate !== null))}</figcaption>
</figure>
<table class="grid"><tr>${head}</tr>${rows}</table>`;
}

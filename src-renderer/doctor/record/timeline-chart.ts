/**
 * The geometry of the pain chart: d3-scale places dates and NRS scores, d3-shape
 * draws the line; Svelte renders the SVG from these numbers (d3 never touches
 * the DOM, so the chart stays declarative, printable and testable).
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { PainPoint } from '../../../src-shared/contract/index.js';

export const CHART = { width: 720, height: 240, top: 16, right: 24, bottom: 36, left: 40 } as const;

export interface ChartGeometry {
  path: string;
  dots: Array<PainPoint & { x: number; y: number }>;
  procedures: Array<{ date: string; x: number }>;
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; value: number }>;
}

const DAY = 86_400_000;
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
// Within half a year ticks are days apart, so they name the day; over longer spans, the month.

/** `locale`: the console's (Intl) locale, for the month names of the ticks. */
export function chartGeometry(
  points: readonly PainPoint[],
  procedureDates: readonly string[],
  locale?: string,
): ChartGeometry {
  const dayTicks = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const monthTicks = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const times = [...points.map((p) => p.date), ...procedureDates].map((d) => utc(d).getTime());
  const first = times.length > 0 ? Math.min(...times) : Date.now();
  const last = times.length > 0 ? Math.max(...times) : first;
  // A few days either side, so a point on the first or last day is not on the axis.
  const pad = Math.max(3 * DAY, (last - first) * 0.04);
  const x = scaleUtc()
    .domain([new Date(first - pad), new Date(last + pad)])
    .range([CHART.left, CHART.width - CHART.right]);
  const y = scaleLinear()
    .domain([0, 10])
    .range([CHART.height - CHART.bottom, CHART.top]);
  const dots = points.map((p) => ({ ...p, x: x(utc(p.date)), y: y(p.pain) }));
  const path =
    line<{ x: number; y: number }>()
      .x((d) => d.x)
      .y((d) => d.y)(dots) ?? '';
  return {
    path,
    dots,
    procedures: procedureDates.map((date) => ({ date, x: x(utc(date)) })),
    xTicks: x.ticks(6).map((t) => ({ x: x(t), label: (last - first < 183 * DAY ? dayTicks : monthTicks).format(t) })),
    yTicks: [0, 2, 4, 6, 8, 10].map((value) => ({ y: y(value), value })),
  };
}

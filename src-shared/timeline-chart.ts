/**
 * The geometry of the pain chart, one module for every place that draws it:
 * the console's timeline (renderer), the clinician PDF (core) and "your
 * progress" on the patient screen. d3-scale places the days and NRS scores,
 * d3-shape draws the line; each caller renders SVG from these numbers (d3
 * never touches a DOM, so the chart stays declarative, printable and testable).
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { PainPoint, Progress } from './contract/index.js';

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

const drawLine = (dots: ReadonlyArray<{ x: number; y: number }>): string =>
  line<{ x: number; y: number }>()
    .x((d) => d.x)
    .y((d) => d.y)(dots) ?? '';

/** The chart over calendar dates (console, clinician PDF); `locale` names the tick labels' language. */
export function chartGeometry(
  points: readonly PainPoint[],
  procedureDates: readonly string[],
  locale?: string,
): ChartGeometry {
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
  // Within half a year ticks are days apart, so they name the day; over longer spans, the month.
  const format = new Intl.DateTimeFormat(
    locale,
    last - first < 183 * DAY
      ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
      : { month: 'short', year: 'numeric', timeZone: 'UTC' },
  );
  return {
    path: drawLine(dots),
    dots,
    procedures: procedureDates.map((date) => ({ date, x: x(utc(date)) })),
    xTicks: x.ticks(6).map((t) => ({ x: x(t), label: format.format(t) })),
    yTicks: [0, 2, 4, 6, 8, 10].map((value) => ({ y: y(value), value })),
  };
}

/** The patient screen's chart: large, for a 16:9 screen seen from a chair. */
export const PROGRESS_CHART = { width: 1600, height: 760, top: 40, right: 60, bottom: 120, left: 120 } as const;

/** Up to 16 weeks the axis counts weeks; longer, months (of 30.44 days, a year's twelfth). */
export const WEEKS_UP_TO_DAYS = 16 * 7;
const MONTH_DAYS = 365.25 / 12;

export interface ProgressGeometry {
  unit: 'weeks' | 'months';
  path: string;
  dots: Array<Progress['points'][number] & { x: number; y: number }>;
  procedures: Array<{ day: number; x: number }>;
  /** Whole weeks or months after the first consultation. */
  xTicks: Array<{ x: number; value: number }>;
  yTicks: Array<{ y: number; value: number }>;
}

/** "Your progress": days after the first consultation on x, counted in weeks or months; no dates. */
export function progressGeometry(progress: Progress): ProgressGeometry {
  const C = PROGRESS_CHART;
  const lastDay = Math.max(0, ...progress.points.map((p) => p.day), ...progress.procedures);
  const unit = lastDay <= WEEKS_UP_TO_DAYS ? 'weeks' : 'months';
  const perUnit = unit === 'weeks' ? 7 : MONTH_DAYS;
  // At least two units wide, and a little room after the last point.
  const span = Math.max(2, (lastDay / perUnit) * 1.05);
  const x = scaleLinear()
    .domain([0, span])
    .range([C.left, C.width - C.right]);
  const y = scaleLinear()
    .domain([0, 10])
    .range([C.height - C.bottom, C.top]);
  const at = (day: number) => x(day / perUnit);
  const dots = progress.points.map((p) => ({ ...p, x: at(p.day), y: y(p.pain) }));
  return {
    unit,
    path: drawLine(dots),
    dots,
    procedures: progress.procedures.map((day) => ({ day, x: at(day) })),
    xTicks: x
      .ticks(8)
      .filter((t) => Number.isInteger(t))
      .map((value) => ({ x: x(value), value })),
    yTicks: [0, 2, 4, 6, 8, 10].map((value) => ({ y: y(value), value })),
  };
}

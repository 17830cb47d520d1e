import { describe, expect, it } from 'vitest';
import type { PainPoint } from '../../../src-shared/contract/index.js';
import { CHART, chartGeometry, progressGeometry } from '../../../src-shared/timeline-chart.js';

const point = (date: string, pain: number, kind: PainPoint['kind'], id: string): PainPoint => ({
  date,
  pain,
  kind,
  id,
  daysFromProcedure: null,
});

describe('chartGeometry', () => {
  it('places dates and pain scores where a hand computation puts them', () => {
    // 1–11 March: 10 days, padded by 3 days each side (the minimum), so the axis spans 16 days
    // over 656 px (720 − 40 − 24); pain 0–10 spans 188 px (240 − 36 down to 16).
    const { dots, path, procedures, yTicks } = chartGeometry(
      [point('2027-03-01', 5, 'consultation', 'a'), point('2027-03-11', 10, 'visit', 'b')],
      ['2027-03-06'],
    );
    expect(dots.map((d) => [Math.round(d.x), Math.round(d.y)])).toEqual([
      [163, 110], // 40 + 3/16 × 656 = 163; 204 − 5/10 × 188 = 110
      [573, 16], // 40 + 13/16 × 656 = 573; pain 10 at the top
    ]);
    expect(procedures.map((p) => Math.round(p.x))).toEqual([368]); // 40 + 8/16 × 656
    expect(path).toMatch(/^M163,110L573,16$/);
    expect(yTicks[0]).toEqual({ y: CHART.height - CHART.bottom, value: 0 });
  });

  it('draws a single point without a line segment, and nothing for no points', () => {
    const one = chartGeometry([point('2027-03-01', 4, 'visit', 'a')], []);
    expect(one.dots).toHaveLength(1);
    expect(one.dots[0]?.x).toBeCloseTo((CHART.left + CHART.width - CHART.right) / 2);
    expect(one.path).toMatch(/^M[\d.]+,[\d.]+Z$/); // a lone move: no visible segment
    expect(chartGeometry([], []).dots).toEqual([]);
  });
});

describe('progressGeometry', () => {
  it('counts weeks up to 16 weeks, placing days and scores where a hand computation puts them', () => {
    // Last day 42 = 6 weeks; the axis spans 6 × 1.05 = 6.3 weeks over 1420 px (1600 − 120 − 60);
    // pain 0–10 spans 600 px (760 − 120 down to 40).
    const g = progressGeometry({
      points: [
        { day: 0, pain: 8, kind: 'consultation' },
        { day: 14, pain: 3, kind: 'visit' },
        { day: 42, pain: 2, kind: 'visit' },
      ],
      procedures: [7],
    });
    expect(g.unit).toBe('weeks');
    expect(g.dots.map((d) => [Math.round(d.x), Math.round(d.y)])).toEqual([
      [120, 160], // day 0 at the left; 640 − 8/10 × 600 = 160
      [571, 460], // 120 + 2/6.3 × 1420 = 570.8; 640 − 3/10 × 600 = 460
      [1472, 520], // 120 + 6/6.3 × 1420 = 1472.4; 640 − 2/10 × 600 = 520
    ]);
    expect(g.procedures.map((p) => Math.round(p.x))).toEqual([345]); // 120 + 1/6.3 × 1420 = 345.4
    expect(g.xTicks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(g.path.match(/[ML]/g)).toHaveLength(3);
  });

  it('counts months beyond 16 weeks, and keeps a single first visit two units wide', () => {
    // Day 365 = 12 months (of 30.4375 days): months, spanning 12 × 1.05 = 12.6.
    const year = progressGeometry({
      points: [
        { day: 0, pain: 7, kind: 'consultation' },
        { day: 365, pain: 1, kind: 'visit' },
      ],
      procedures: [],
    });
    expect(year.unit).toBe('months');
    expect(Math.round(year.dots[1]?.x ?? 0)).toBe(1472); // 120 + 12/12.6 × 1420 = 1472.4
    // One point on day 0: the axis is 2 weeks wide (the minimum), the point at its left end.
    const single = progressGeometry({ points: [{ day: 0, pain: 5, kind: 'consultation' }], procedures: [] });
    expect(single.unit).toBe('weeks');
    expect(single.xTicks.at(-1)?.value).toBe(2);
    expect(single.path).toMatch(/^M120,340Z?$/);
  });
});

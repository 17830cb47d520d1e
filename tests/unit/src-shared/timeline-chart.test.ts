import { describe, expect, it } from 'vitest';
import type { PainPoint } from '../../../src-shared/contract/index.js';
import { CHART, chartGeometry } from '../../../src-shared/timeline-chart.js';

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

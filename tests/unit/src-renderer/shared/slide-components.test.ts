import { describe, expect, it } from 'vitest';
import { ICON_TONES, iconArrayModel } from '../../../../src-renderer/shared/slide-components.js';

const RED = ICON_TONES.harm;

describe('icon array colours', () => {
  it('draws a harm in red, and only the declared number of dots', () => {
    const model = iconArrayModel({ highlight: '8', total: '1000', tone: 'harm', label: 'about 8 in 1,000' });
    expect(model.fills).toHaveLength(1000);
    expect(model.fills.filter((fill) => fill === RED)).toHaveLength(8);
    expect(model.label).toBe('about 8 in 1,000');
  });

  it('never draws good news in red', () => {
    const model = iconArrayModel({ highlight: '53', total: '100', tone: 'good', label: 'about 53 in 100' });
    expect(model.fills.filter((fill) => fill === ICON_TONES.good)).toHaveLength(53);
    expect(model.fills).not.toContain(RED);
  });

  it('is not red unless the slide declares a harm (no tone, or an unknown tone)', () => {
    expect(iconArrayModel({ highlight: '80', total: '100' }).fills).not.toContain(RED);
    expect(iconArrayModel({ highlight: '80', total: '100', tone: 'alarm' }).tone).toBe('neutral');
  });

  it('keeps the highlight within the array', () => {
    expect(iconArrayModel({ highlight: '250', total: '100', tone: 'harm' }).highlight).toBe(100);
    expect(iconArrayModel({ highlight: 'x', total: '7' })).toMatchObject({ total: 100, highlight: 0 });
  });
});

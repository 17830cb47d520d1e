import { describe, expect, it } from 'vitest';
import { choosePatientTarget, type DisplayInfo } from '../../../../src-main/electron/displays.js';

const display = (id: number, x: number, y: number, width: number, height: number): DisplayInfo => ({
  id,
  bounds: { x, y, width, height },
});

const laptop = display(1, 0, 0, 1440, 900);
const projector = display(2, 1440, 0, 1920, 1080);
const tv = display(3, -3840, -400, 3840, 2160);
const small = display(4, 0, 900, 1024, 768);

function overlaps(a: DisplayInfo['bounds'], b: DisplayInfo['bounds']): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return Math.max(0, w) * Math.max(0, h);
}

describe('choosePatientTarget', () => {
  it('with one display, opens a movable window inside it that leaves most of the console visible', () => {
    const target = choosePatientTarget([laptop], laptop.id, null);
    expect(target.kind).toBe('window');
    const { bounds } = target;
    // Inside the console's display…
    expect(bounds.x).toBeGreaterThanOrEqual(laptop.bounds.x);
    expect(bounds.y).toBeGreaterThanOrEqual(laptop.bounds.y);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(laptop.bounds.x + laptop.bounds.width);
    expect(bounds.y + bounds.height).toBeLessThanOrEqual(laptop.bounds.y + laptop.bounds.height);
    // …covering at most half of it, in a 16:9 shape.
    expect(bounds.width * bounds.height).toBeLessThanOrEqual((laptop.bounds.width * laptop.bounds.height) / 2);
    expect(bounds.width / bounds.height).toBeCloseTo(16 / 9, 1);
  });

  it('with one display not at the origin, places the window on that display', () => {
    const offset = display(9, 2000, 500, 1600, 1000);
    const { bounds } = choosePatientTarget([offset], offset.id, null);
    expect(overlaps(bounds, offset.bounds)).toBe(bounds.width * bounds.height);
  });

  it('ignores a saved display that is the only display (the console)', () => {
    expect(choosePatientTarget([laptop], laptop.id, laptop.id).kind).toBe('window');
  });

  it('with two displays, fills the one without the console', () => {
    expect(choosePatientTarget([laptop, projector], laptop.id, null)).toEqual({
      kind: 'display',
      displayId: projector.id,
      bounds: projector.bounds,
    });
  });

  it('with the console on the secondary display, fills the primary one', () => {
    expect(choosePatientTarget([laptop, projector], projector.id, null)).toEqual({
      kind: 'display',
      displayId: laptop.id,
      bounds: laptop.bounds,
    });
  });

  it('keeps the saved display when it is still connected and is not the console', () => {
    const target = choosePatientTarget([laptop, projector, small], laptop.id, small.id);
    expect(target).toEqual({ kind: 'display', displayId: small.id, bounds: small.bounds });
  });

  it("never puts the patient screen on the console's display, even when that one was saved", () => {
    const target = choosePatientTarget([laptop, projector], laptop.id, laptop.id);
    expect(target).toMatchObject({ kind: 'display', displayId: projector.id });
  });

  it('falls back to the largest other display when the saved one is gone', () => {
    const target = choosePatientTarget([laptop, small, projector], laptop.id, 77);
    expect(target).toMatchObject({ kind: 'display', displayId: projector.id });
  });

  it('with three displays and nothing saved, picks the largest one other than the console', () => {
    expect(choosePatientTarget([small, laptop, projector], small.id, null)).toMatchObject({
      displayId: projector.id,
    });
    // Order of the list does not matter.
    expect(choosePatientTarget([projector, laptop, small], small.id, null)).toMatchObject({
      displayId: projector.id,
    });
    // Even when the console is the largest, it is never chosen.
    expect(choosePatientTarget([small, laptop, projector], projector.id, null)).toMatchObject({
      displayId: laptop.id,
    });
  });

  it('handles displays at negative coordinates, keeping their bounds exactly', () => {
    expect(choosePatientTarget([laptop, tv], laptop.id, null)).toEqual({
      kind: 'display',
      displayId: tv.id,
      bounds: { x: -3840, y: -400, width: 3840, height: 2160 },
    });
    const { bounds } = choosePatientTarget([tv], tv.id, null);
    expect(overlaps(bounds, tv.bounds)).toBe(bounds.width * bounds.height);
    expect(bounds.x).toBeLessThan(0);
  });

  it('returns a target with a usable size even with no display listed', () => {
    const { bounds } = choosePatientTarget([], 1, null);
    expect(bounds.width).toBeGreaterThan(0);
    expect(bounds.height).toBeGreaterThan(0);
  });
});

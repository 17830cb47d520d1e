import { describe, expect, it } from 'vitest';
import { reactToDisplays, type DisplayInfo } from '../../../../src-main/electron/displays.js';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const tv: DisplayInfo = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
const projector: DisplayInfo = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 720 } };

describe('reacting to display hot-plug', () => {
  it('hides the patient screen at once when its display is unplugged', () => {
    expect(reactToDisplays([laptop], 1, { displayId: 2, visible: true })).toEqual({ kind: 'hide-patient' });
  });

  it('never moves slides onto the console display uninvited: no offer when only the console is left', () => {
    expect(reactToDisplays([laptop], 1, { displayId: 2, visible: false })).toEqual({ kind: 'none' });
  });

  it('offers a display that comes back while the patient screen is hidden', () => {
    expect(reactToDisplays([laptop, tv], 1, { displayId: 2, visible: false })).toEqual({
      kind: 'offer-move',
      displayId: 2,
    });
  });

  it('offers a new display while the patient screen is in a window', () => {
    expect(reactToDisplays([laptop, projector], 1, { displayId: null, visible: true })).toEqual({
      kind: 'offer-move',
      displayId: 3,
    });
  });

  it('leaves things alone when the patient screen is on its display and another is plugged in', () => {
    expect(reactToDisplays([laptop, tv, projector], 1, { displayId: 2, visible: true })).toEqual({ kind: 'none' });
  });

  it('offers the largest other display when several appear, never the console one', () => {
    const reaction = reactToDisplays([projector, laptop, tv], 1, { displayId: null, visible: false });
    expect(reaction).toEqual({ kind: 'offer-move', displayId: 2 });
  });

  it('hides when the console moved onto the patient display (it was unplugged and the console took its id)', () => {
    expect(reactToDisplays([tv], 2, { displayId: 3, visible: true })).toEqual({ kind: 'hide-patient' });
  });
});

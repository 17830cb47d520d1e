import { describe, expect, it } from 'vitest';
import { actionForKey, type KeyAction, type KeyInput } from '../../../../src-renderer/state/keyboard.js';

const press = (key: string, extra: Partial<KeyInput> = {}, pending = ''): KeyAction | null =>
  actionForKey({ key, inTextField: false, ...extra }, pending);

/** Typing a run of keys: each digit's action carries the number typed so far into the next key. */
function type(keys: string[]): Array<KeyAction | null> {
  let pending = '';
  return keys.map((key) => {
    const action = press(key, {}, pending);
    if (action?.kind === 'digit') pending = action.digits;
    return action;
  });
}

describe('actionForKey', () => {
  it.each(['ArrowRight', 'ArrowDown', ' ', 'PageDown', 'n', 'N'])('%j goes to the next step', (key) => {
    expect(press(key)).toEqual({ kind: 'next' });
  });

  it.each(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P'])('%j goes to the previous step', (key) => {
    expect(press(key)).toEqual({ kind: 'prev' });
  });

  it('Home goes to the first slide and End to the last', () => {
    expect(press('Home')).toEqual({ kind: 'first' });
    expect(press('End')).toEqual({ kind: 'last' });
  });

  it.each(['b', 'B', '.'])('%j blacks out the patient screen', (key) => {
    expect(press(key)).toEqual({ kind: 'black' });
  });

  it.each(['w', 'W', ','])('%j whites out the patient screen', (key) => {
    expect(press(key)).toEqual({ kind: 'white' });
  });

  it('Escape and F5 are escape and start', () => {
    expect(press('Escape')).toEqual({ kind: 'escape' });
    expect(press('F5')).toEqual({ kind: 'start' });
  });

  it('a slide number then Enter goes to that slide', () => {
    expect(type(['1', '2', 'Enter'])).toEqual([
      { kind: 'digit', digits: '1' },
      { kind: 'digit', digits: '12' },
      { kind: 'goto', slideNumber: 12 },
    ]);
    expect(type(['0', '7', 'Enter']).at(-1)).toEqual({ kind: 'goto', slideNumber: 7 });
  });

  it('keeps only the last four digits typed', () => {
    expect(type(['1', '2', '3', '4', '5', 'Enter']).at(-1)).toEqual({ kind: 'goto', slideNumber: 2345 });
  });

  it('Enter without digits does nothing', () => {
    expect(press('Enter')).toBeNull();
  });

  it.each(['ArrowRight', ' ', 'n', 'b', 'w', '5', 'Enter', 'Home', 'F5', 'Escape'])(
    'does nothing for %j while typing in a text field',
    (key) => {
      expect(actionForKey({ key, inTextField: true }, '12')).toBeNull();
    },
  );

  it.each([{ ctrlKey: true }, { metaKey: true }, { altKey: true }])(
    'leaves shortcuts with a modifier (%j) to the browser and the system',
    (modifier) => {
      for (const key of ['ArrowRight', 'ArrowLeft', 'n', 'p', 'b', 'w', 'r', '1', 'Enter', 'F5', 'Home']) {
        expect(press(key, modifier, '3')).toBeNull();
      }
    },
  );

  it.each(['a', 'x', 'Tab', 'Shift', 'F1', 'Backspace', 'Delete'])('ignores the unrelated key %j', (key) => {
    expect(press(key)).toBeNull();
  });
});

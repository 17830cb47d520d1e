import { describe, expect, it, vi } from 'vitest';
import { setupSingleInstance, type FocusableWindow } from '../../../../src-main/electron/single-instance.js';

function fakeApp(gotLock: boolean) {
  const listeners: Array<() => void> = [];
  return {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((_event: 'second-instance', listener: () => void) => listeners.push(listener)),
    secondLaunch: () => listeners.forEach((l) => l()),
  };
}

function fakeWindow(minimized: boolean): FocusableWindow & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isMinimized: () => minimized,
    restore: () => calls.push('restore'),
    show: () => calls.push('show'),
    focus: () => calls.push('focus'),
  };
}

describe('setupSingleInstance', () => {
  it('a second launch quits at once and starts nothing', () => {
    const app = fakeApp(false);
    expect(setupSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('the first instance brings its console forward, restored, when another launch is tried', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    expect(setupSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.secondLaunch();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a launch before the console exists is ignored rather than failing', () => {
    const app = fakeApp(true);
    setupSingleInstance(app, () => null);
    expect(() => app.secondLaunch()).not.toThrow();
  });
});

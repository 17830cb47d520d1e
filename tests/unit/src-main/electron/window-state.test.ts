import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clampToDisplays,
  readWindowState,
  setupWindowState,
  type WindowState,
} from '../../../../src-main/electron/window-state.js';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1400 };
const state = (s: Partial<WindowState>): WindowState => ({
  x: 100,
  y: 40,
  width: 1200,
  height: 800,
  maximized: false,
  ...s,
});

describe('clampToDisplays', () => {
  it('keeps a window that fits where it was', () => {
    expect(clampToDisplays(state({}), [laptop, monitor], laptop)).toEqual(state({}));
    expect(clampToDisplays(state({ x: 2000, y: 100 }), [laptop, monitor], laptop)).toEqual(state({ x: 2000, y: 100 }));
  });

  it('centres on the primary display a window saved on a monitor that is gone', () => {
    expect(clampToDisplays(state({ x: 2000, y: 100, maximized: true }), [laptop], laptop)).toEqual({
      x: 120,
      y: 30,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('shrinks a window larger than the display and moves it fully inside', () => {
    expect(clampToDisplays(state({ x: 1500, y: -50, width: 3000, height: 1600 }), [laptop, monitor], laptop)).toEqual(
      state({ x: 1440, y: 0, width: 2560, height: 1400 }),
    );
  });

  it('pulls a window hanging off the edge back inside', () => {
    expect(clampToDisplays(state({ x: 400, y: 100 }), [laptop], laptop)).toEqual(state({ x: 240, y: 60 }));
  });
});

describe('setupWindowState', () => {
  let dir = '';
  afterEach(() => {
    vi.useRealTimers();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function fakeWindow(bounds = { x: 10, y: 20, width: 1000, height: 700 }) {
    const handlers = new Map<string, () => void>();
    return {
      handlers,
      bounds,
      maximized: false,
      getNormalBounds: vi.fn(function (this: { bounds: typeof bounds }) {
        return this.bounds;
      }),
      isMaximized: vi.fn(function (this: { maximized: boolean }) {
        return this.maximized;
      }),
      setBounds: vi.fn(),
      maximize: vi.fn(),
      isDestroyed: () => false,
      on: vi.fn((event: string, handler: () => void) => handlers.set(event, handler)),
    };
  }
  const screen = { getAllDisplays: () => [{ workArea: laptop }], getPrimaryDisplay: () => ({ workArea: laptop }) };

  it('saves the bounds after a move, and the next start restores them clamped and maximized', () => {
    vi.useFakeTimers();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-winstate-'));
    const file = path.join(dir, 'window-state.json');
    const first = fakeWindow();
    setupWindowState(first as never, { screen: screen as never, file, debounceMs: 100 });
    expect(first.setBounds).not.toHaveBeenCalled();
    first.bounds = { x: 600, y: 120, width: 1000, height: 700 };
    first.handlers.get('move')?.();
    expect(fs.existsSync(file)).toBe(false);
    vi.advanceTimersByTime(100);
    first.maximized = true;
    first.handlers.get('maximize')?.();
    expect(readWindowState(file)).toEqual({ x: 600, y: 120, width: 1000, height: 700, maximized: true });

    const second = fakeWindow();
    setupWindowState(second as never, { screen: screen as never, file });
    expect(second.setBounds).toHaveBeenCalledWith({ x: 440, y: 120, width: 1000, height: 700 });
    expect(second.maximize).toHaveBeenCalled();
  });

  it('ignores a damaged state file', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-winstate-'));
    const file = path.join(dir, 'window-state.json');
    fs.writeFileSync(file, '{"x": "left"');
    const win = fakeWindow();
    setupWindowState(win as never, { screen: screen as never, file });
    expect(win.setBounds).not.toHaveBeenCalled();
  });
});

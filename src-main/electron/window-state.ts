/**
 * The console window's size, position and maximized state, saved when it
 * changes and restored at the next start, clamped to the displays present
 * (a window saved on an unplugged monitor must not open off-screen). The
 * patient screen's display is remembered by display-control.ts.
 */
import fs from 'node:fs';
import type { BrowserWindow, Rectangle, Screen } from 'electron';

export interface WindowState {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Smallest console that still shows the presenter view. */
export const MIN_SIZE = { width: 800, height: 600 } as const;
/** Part of the window that must lie on a display for its saved position to be kept. */
const VISIBLE_FRACTION = 0.5;

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open the window: the saved bounds, shrunk to fit and moved inside
 * the work area of the display it mostly lies on; centred on the primary
 * display when no display shows at least half of it.
 */
export function clampToDisplays(saved: WindowState, workAreas: readonly Rectangle[], primary: Rectangle): WindowState {
  const best = workAreas.map((area) => ({ area, shared: overlap(saved, area) })).sort((a, b) => b.shared - a.shared)[0];
  const onScreen = best && best.shared >= VISIBLE_FRACTION * saved.width * saved.height;
  const area = onScreen ? best.area : primary;
  const width = Math.max(Math.min(saved.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(Math.min(saved.height, area.height), Math.min(MIN_SIZE.height, area.height));
  const clamp = (value: number, start: number, room: number): number => Math.min(Math.max(value, start), start + room);
  const x = onScreen ? clamp(saved.x, area.x, area.width - width) : area.x + Math.round((area.width - width) / 2);
  const y = onScreen ? clamp(saved.y, area.y, area.height - height) : area.y + Math.round((area.height - height) / 2);
  return { x, y, width, height, maximized: saved.maximized };
}

export function readWindowState(file: string): WindowState | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WindowState>;
    const numbers = [value.x, value.y, value.width, value.height];
    if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
    if ((value.width ?? 0) <= 0 || (value.height ?? 0) <= 0) return null;
    return { ...(value as WindowState), maximized: value.maximized === true };
  } catch {
    return null;
  }
}

/** Written to a temp file then renamed: a crash mid-write leaves the previous state. */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state));
  fs.renameSync(temp, file);
}

type StateWindow = Pick<
  BrowserWindow,
  'getNormalBounds' | 'isMaximized' | 'setBounds' | 'maximize' | 'on' | 'isDestroyed'
>;

/** Restores the saved state now (call before showing), then saves on every change, debounced. */
export function setupWindowState(
  win: StateWindow,
  deps: { screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>; file: string; debounceMs?: number },
): void {
  const saved = readWindowState(deps.file);
  if (saved) {
    const placed = clampToDisplays(
      saved,
      deps.screen.getAllDisplays().map((d) => d.workArea),
      deps.screen.getPrimaryDisplay().workArea,
    );
    win.setBounds({ x: placed.x, y: placed.y, width: placed.width, height: placed.height });
    if (placed.maximized) win.maximize();
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (win.isDestroyed()) return;
    try {
      writeWindowState(deps.file, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      // Losing the window position is not worth interrupting a consultation for.
      console.warn('[consultdeck] window state not saved', error);
    }
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, deps.debounceMs ?? 500);
  };
  for (const event of ['resize', 'move'] as const) win.on(event as 'resize', later);
  win.on('maximize', save);
  win.on('unmaximize', save);
  win.on('close', save);
}

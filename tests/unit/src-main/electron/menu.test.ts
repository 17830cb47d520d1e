import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { actionForKey } from '../../../../src-renderer/state/keyboard.js';
import { menuTemplate, setupMenu, type MenuCommand } from '../../../../src-main/electron/menu.js';

const submenu = (menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
  (menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];

function build(packaged: boolean) {
  const run = vi.fn<(command: MenuCommand) => void>();
  return { run, menu: menuTemplate({ packaged, isMac: false, run }) };
}

describe('application menu', () => {
  it('has File, View, Presentation and Help', () => {
    expect(build(true).menu.map((m) => m.label)).toEqual(['File', 'View', 'Presentation', 'Help']);
  });

  it('runs the command of each item clicked', () => {
    const { menu, run } = build(true);
    const clicked = (label: string, item: string): void => {
      const entry = submenu(menu, label).find((m) => m.label === item);
      (entry?.click as (() => void) | undefined)?.();
    };
    clicked('Presentation', 'Next');
    clicked('Presentation', 'Black Screen');
    clicked('File', 'Open Decks Folder');
    clicked('Help', 'Save Diagnostic Bundle…');
    clicked('View', 'Record');
    expect(run.mock.calls.map((c) => c[0])).toEqual([
      'next',
      'black',
      'open-decks-folder',
      'diagnostic-bundle',
      'show-record',
    ]);
  });

  it("shows the console's own keys for presenting, without registering them (typing in a note must not present)", () => {
    const items = submenu(build(true).menu, 'Presentation').filter((m) => m.accelerator);
    const keyOf: Record<string, string> = { F5: 'F5', Right: 'ArrowRight', Left: 'ArrowLeft', B: 'b', W: 'w' };
    const expected: Record<string, string> = {
      Start: 'start',
      Next: 'next',
      Previous: 'prev',
      'Black Screen': 'black',
      'White Screen': 'white',
    };
    expect(items).toHaveLength(5);
    for (const item of items) {
      expect(item.registerAccelerator).toBe(false);
      const key = keyOf[String(item.accelerator)] ?? '';
      // The same key in the console window does the same thing.
      expect(actionForKey({ key, inTextField: false }, '')?.kind).toBe(expected[String(item.label)]);
    }
  });

  it('offers DevTools and reload only in development builds', () => {
    const roles = (packaged: boolean): unknown[] => submenu(build(packaged).menu, 'View').map((m) => m.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
    expect(roles(true)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('installs the template as the application menu', () => {
    const built = { id: 'menu' };
    const Menu = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    setupMenu({ Menu: Menu as never, packaged: true, platform: 'darwin', run: () => undefined });
    const template = Menu.buildFromTemplate.mock.calls[0] as unknown as [MenuItemConstructorOptions[]];
    expect(submenu(template[0], 'File').some((m) => m.label === 'Quit ConsultDeck')).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});

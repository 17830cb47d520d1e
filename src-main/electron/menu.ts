/**
 * The application menu, from one pure template function (unit-tested without
 * Electron), and the thin glue that installs it. Accelerators shown for the
 * presentation items are the console's in-window keys (state/keyboard.ts):
 * they are displayed but not registered, because a registered plain key (B,
 * W, arrows) would fire while the physician types a note; the page handles
 * the key itself, the menu item does the same thing on a click.
 */
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';

export type MenuCommand =
  | 'print-summary'
  | 'print-leaflet'
  | 'open-decks-folder'
  | 'lock'
  | 'quit'
  | 'show-present'
  | 'show-record'
  | 'show-settings'
  | 'present-start'
  | 'next'
  | 'prev'
  | 'black'
  | 'white'
  | 'identify-screens'
  | 'about'
  | 'diagnostic-bundle';

export interface MenuOptions {
  /** Packaged builds have no DevTools and no reload. */
  packaged: boolean;
  isMac: boolean;
  run: (command: MenuCommand) => void;
}

/** A key the page handles: shown beside the item, never registered. */
const pageKey = (accelerator: string): Pick<MenuItemConstructorOptions, 'accelerator' | 'registerAccelerator'> => ({
  accelerator,
  registerAccelerator: false,
});

export function menuTemplate({ packaged, isMac, run }: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, extra: MenuItemConstructorOptions = {}) => ({
    label,
    click: () => run(command),
    ...extra,
  });
  const developer: MenuItemConstructorOptions[] = packaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];
  return [
    {
      label: 'File',
      submenu: [
        item('Print Clinician Summary…', 'print-summary', { accelerator: 'CmdOrCtrl+P' }),
        item('Print Patient Leaflet…', 'print-leaflet'),
        { type: 'separator' },
        item('Open Decks Folder', 'open-decks-folder'),
        { type: 'separator' },
        item('Lock', 'lock', { accelerator: 'CmdOrCtrl+L' }),
        { type: 'separator' },
        item(isMac ? 'Quit ConsultDeck' : 'Quit', 'quit', { accelerator: 'CmdOrCtrl+Q' }),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Present', 'show-present', { accelerator: 'CmdOrCtrl+1' }),
        item('Record', 'show-record', { accelerator: 'CmdOrCtrl+2' }),
        item('Settings', 'show-settings', { accelerator: 'CmdOrCtrl+3' }),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    {
      label: 'Presentation',
      submenu: [
        item('Start', 'present-start', pageKey('F5')),
        item('Next', 'next', pageKey('Right')),
        item('Previous', 'prev', pageKey('Left')),
        { type: 'separator' },
        item('Black Screen', 'black', pageKey('B')),
        item('White Screen', 'white', pageKey('W')),
        { type: 'separator' },
        item('Identify Screens', 'identify-screens'),
      ],
    },
    {
      label: 'Help',
      submenu: [item('About ConsultDeck', 'about'), item('Save Diagnostic Bundle…', 'diagnostic-bundle')],
    },
  ];
}

export interface MenuDeps {
  Menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>;
  packaged: boolean;
  platform: NodeJS.Platform;
  run: (command: MenuCommand) => void;
}

export function setupMenu(deps: MenuDeps): void {
  const template = menuTemplate({ packaged: deps.packaged, isMac: deps.platform === 'darwin', run: deps.run });
  deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(template));
}

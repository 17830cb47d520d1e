/**
 * Electron transport: one ipcMain.handle per contract call, each checking
 * that the sender is one of our windows and taking its role from the window
 * (the patient screen may only make presentation calls — the registry
 * enforces roles). Pushes go to windows whose role may receive them.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { callNames, type Role } from '../../src-shared/contract/index.js';
import { deliversTo, type Core } from '../core/create-core.js';
import { EVENT_CHANNEL } from '../../src-shared/bridge.js';
import { isTrustedSender } from './guards.js';

export function setupIpc(
  ipcMain: IpcMain,
  core: Core,
  windows: Map<number, { role: Role; contents: WebContents }>,
): () => void {
  for (const name of callNames) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown) => {
      const win = windows.get(event.sender.id);
      if (!win || !isTrustedSender(event.senderFrame, event.sender.id, windows)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Calls are accepted from ConsultDeck windows only.' },
        };
      }
      return core.dispatch(name, input, { role: win.role, windowId: String(event.sender.id) });
    });
  }
  const unsubscribe = core.subscribe((event, payload) => {
    for (const { role, contents } of windows.values()) {
      if (deliversTo(event, role) && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const name of callNames) ipcMain.removeHandler(name);
  };
}

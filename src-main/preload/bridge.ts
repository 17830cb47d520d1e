/**
 * The only bridge between a window and the main process: `invoke` and
 * `subscribe`, with names checked against the contract and against the
 * window's role, so the patient screen's bridge cannot even send a records
 * call (main checks again). No Node, no raw ipcRenderer in the page.
 */
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import type { ConsultDeckBridge } from '../../src-shared/bridge.js';
import { BRIDGE_KEY, EVENT_CHANNEL } from '../../src-shared/bridge.js';
import { calls, events, isCallName, isEventName, type Role } from '../../src-shared/contract/index.js';

export function createBridge(role: Role, ipcRenderer: IpcRenderer): ConsultDeckBridge {
  return {
    invoke(name, input) {
      if (!isCallName(name) || !calls[name].roles.includes(role)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'FORBIDDEN', message: `This window may not call ${String(name)}.` },
        });
      }
      return ipcRenderer.invoke(name, input) as ReturnType<ConsultDeckBridge['invoke']>;
    },
    subscribe(event, listener) {
      if (!isEventName(event) || !events[event].roles.includes(role)) return () => undefined;
      const handler = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
        if (name === event) listener(payload);
      };
      ipcRenderer.on(EVENT_CHANNEL, handler);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    },
  };
}

export function exposeBridge(role: Role, contextBridge: ContextBridge, ipcRenderer: IpcRenderer): void {
  contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(role, ipcRenderer));
}

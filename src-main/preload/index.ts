/**
 * The only bridge between a window and the main process: `invoke` and
 * `subscribe`, with names checked against the contract. No Node, no raw
 * ipcRenderer in the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ConsultDeckBridge } from '../../src-shared/bridge.js';
import { BRIDGE_KEY } from '../../src-shared/bridge.js';
import { isCallName, isEventName } from '../../src-shared/contract/index.js';
import { EVENT_CHANNEL } from '../electron/channels.js';

const bridge: ConsultDeckBridge = {
  invoke(name, input) {
    if (!isCallName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown call ${String(name)}.` } });
    }
    return ipcRenderer.invoke(name, input) as ReturnType<ConsultDeckBridge['invoke']>;
  },
  subscribe(event, listener) {
    if (!isEventName(event)) return () => undefined;
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);

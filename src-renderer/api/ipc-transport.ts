/** Electron: the preload bridge on window.consultdeck. */
import type { ConsultDeckBridge } from '../../src-shared/bridge.js';
import type { Transport } from './transport.js';

export function createIpcTransport(bridge: ConsultDeckBridge): Transport {
  return {
    kind: 'ipc',
    invoke: (name, input) => bridge.invoke(name, input),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
    // The IPC channel is open as soon as the preload ran; a reloaded window is a new page.
    onConnect(listener) {
      let active = true;
      queueMicrotask(() => active && listener());
      return () => {
        active = false;
      };
    },
  };
}

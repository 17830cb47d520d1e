/** Electron: the preload bridge on window.consultdeck. */
import type { ConsultDeckBridge } from '../../src-shared/bridge.js';
import type { Transport } from './transport.js';

export function createIpcTransport(bridge: ConsultDeckBridge): Transport {
  return {
    kind: 'ipc',
    invoke: (name, input) => bridge.invoke(name, input),
    subscribe: (event, listener) => bridge.subscribe(event, listener),
    // IPC does not drop; a reloaded window starts fresh and fetches state.
    onReconnect: () => () => undefined,
  };
}

/** Picks the transport at start-up: the Electron bridge if present, else HTTP. */
import { BRIDGE_KEY, type ConsultDeckBridge } from '../../src-shared/bridge.js';
import { ApiClient } from './client.js';
import { createHttpTransport } from './http-transport.js';
import { createIpcTransport } from './ipc-transport.js';

export function createClient(): ApiClient {
  const bridge = (window as unknown as Record<string, ConsultDeckBridge | undefined>)[BRIDGE_KEY];
  if (bridge) return new ApiClient(createIpcTransport(bridge));
  const token = new URLSearchParams(window.location.search).get('t') ?? '';
  return new ApiClient(createHttpTransport(token));
}

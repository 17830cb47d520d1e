/** Picks the transport at start-up: the Electron bridge if present, else HTTP. */
import { BRIDGE_KEY, type ConsultDeckBridge } from '../../src-shared/bridge.js';
import { ApiClient } from './client.js';
import { createHttpTransport } from './http-transport.js';
import { createIpcTransport } from './ipc-transport.js';

export function createClient(): ApiClient {
  const bridge = (window as unknown as Record<string, ConsultDeckBridge | undefined>)[BRIDGE_KEY];
  if (bridge) return new ApiClient(createIpcTransport(bridge));
  // Browser mode: the session is an HttpOnly cookie (never in the URL); calls name the window's role,
  // which the host accepts only with that role's cookie (src-main/host/tokens.ts).
  const role = window.location.pathname.startsWith('/patient/') ? 'patient' : 'doctor';
  return new ApiClient(createHttpTransport(role));
}

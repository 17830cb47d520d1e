/**
 * What the Electron preload exposes on `window.consultdeck`: two functions,
 * nothing else. Browser mode has no bridge and uses HTTP/WebSocket instead.
 */
import type { CallResult } from './envelope.js';

export interface ConsultDeckBridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** Returns a function that stops the subscription. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export const BRIDGE_KEY = 'consultdeck';

/** The one IPC channel that carries pushes to windows (main sends, the preload listens); calls use their contract names. */
export const EVENT_CHANNEL = 'consultdeck:event';

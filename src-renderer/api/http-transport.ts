/**
 * Browser mode: calls are POSTs to /api/<name>, pushes arrive on a WebSocket.
 * The token comes from the page URL (?t=…), given by the host at start-up.
 */
import { TOKEN_HEADER, callResultSchema, pushSchema, type CallResult } from '../../src-shared/envelope.js';
import type { Transport } from './transport.js';

export function createHttpTransport(token: string, origin = window.location.origin): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  let retryMs = 100;
  let opened = false;

  function connect(): void {
    const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/events?t=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      retryMs = 100;
      if (opened) for (const listener of reconnectListeners) listener();
      opened = true;
    };
    socket.onmessage = (message: MessageEvent<string>) => {
      const parsed = pushSchema.safeParse(JSON.parse(message.data));
      if (!parsed.success) return;
      for (const listener of listeners.get(parsed.data.event) ?? []) listener(parsed.data.payload);
    };
    socket.onclose = () => {
      // The host restarted or the laptop slept: keep trying, calmly.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 2000);
    };
  }
  connect();

  return {
    kind: 'http',
    async invoke(name, input): Promise<CallResult<unknown>> {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'ConsultDeck is not reachable. Is it still running?' },
        };
      }
      if (response.status === 401)
        return { ok: false, error: { code: 'UNAUTHORIZED', message: 'This window is not authorised.' } };
      const parsed = callResultSchema.safeParse(await response.json());
      return parsed.success
        ? (parsed.data as CallResult<unknown>)
        : { ok: false, error: { code: 'INTERNAL', message: 'The answer from ConsultDeck was not understood.' } };
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}

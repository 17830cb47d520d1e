/**
 * Browser mode: pushes arrive on a WebSocket, and calls go over it too while
 * it is open (one hop less when presenting), else as POSTs to /api/<name>.
 * The window proves its role with its session cookie (a one-time launch code gave it); it names the role in
 * the socket query and the call header (see src-main/host/tokens.ts).
 */
import {
  TOKEN_HEADER,
  callResultSchema,
  parseFrame,
  pushSchema,
  socketAnswerSchema,
  type CallResult,
  type SocketCall,
} from '../../src-shared/envelope.js';
import type { Transport } from './transport.js';

const DISCONNECTED: CallResult<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'ConsultDeck is not reachable. Is it still running?' },
};
const UNREADABLE: CallResult<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The answer from ConsultDeck was not understood.' },
};

export function createHttpTransport(token: string, origin = window.location.origin): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectListeners = new Set<() => void>();
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  let nextId = 1;
  let retryMs = 100;
  let socket: WebSocket | null = null;

  function connect(): void {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/events?t=${encodeURIComponent(token)}`);
    socket = ws;
    ws.onopen = () => {
      retryMs = 100;
      // Every open, the first included: whatever was pushed before it opened never arrived.
      for (const listener of connectListeners) listener();
    };
    ws.onmessage = (message: MessageEvent<string>) => {
      const data = parseFrame(message.data);
      const answer = socketAnswerSchema.safeParse(data);
      if (answer.success) {
        pending.get(answer.data.id)?.(answer.data.result as CallResult<unknown>);
        pending.delete(answer.data.id);
        return;
      }
      // An answer frame that does not read as one still settles its call.
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && pending.has(id)) {
        pending.get(id)?.(UNREADABLE);
        pending.delete(id);
        return;
      }
      const parsed = pushSchema.safeParse(data);
      if (!parsed.success) return;
      for (const listener of listeners.get(parsed.data.event) ?? []) listener(parsed.data.payload);
    };
    ws.onclose = () => {
      socket = null;
      // Calls in flight on the closed socket: answer them; the caller may retry.
      for (const resolve of pending.values()) resolve(DISCONNECTED);
      pending.clear();
      // The host restarted or the laptop slept: keep trying, calmly.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 400);
    };
  }
  connect();

  return {
    kind: 'http',
    async invoke(name, input): Promise<CallResult<unknown>> {
      if (socket?.readyState === WebSocket.OPEN) {
        const id = nextId++;
        const open = socket;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          const frame: SocketCall = { id, name, input: input ?? {} };
          open.send(JSON.stringify(frame));
        });
      }
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
      return parsed.success ? (parsed.data as CallResult<unknown>) : UNREADABLE;
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    onConnect(listener) {
      connectListeners.add(listener);
      return () => connectListeners.delete(listener);
    },
  };
}

/**
 * A transport for unit tests of the window models (rune classes): `answer` plays core for calls, `push` delivers an
 * event as core would, `connect` opens the channel (every listener of `onConnect` runs).
 */
import type { CallResult } from '../../../src-shared/envelope.js';
import type { Transport } from '../../../src-renderer/api/transport.js';

export function fakeTransport(answer: (name: string, input: unknown) => Promise<unknown> | unknown) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connects = new Set<() => void>();
  const calls: string[] = [];
  const transport: Transport = {
    kind: 'http',
    async invoke(name: string, input: unknown): Promise<CallResult<unknown>> {
      calls.push(name);
      try {
        return { ok: true, value: await answer(name, input) };
      } catch (error) {
        return { ok: false, error: { code: 'NOT_FOUND', message: String(error) } };
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    onConnect(listener) {
      connects.add(listener);
      return () => connects.delete(listener);
    },
  };
  return {
    transport,
    /** Names of the calls made, in order. */
    calls,
    push(event: string, payload: unknown): void {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    connect(): void {
      for (const listener of connects) listener();
    },
  };
}

/** Lets pending promise callbacks and zero-delay timers run. */
export const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 0));

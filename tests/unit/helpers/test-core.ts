/**
 * A real core on a fresh SQLite file in a temp folder, with a fixed clock that
 * tests can move. Calls go through `dispatch`, as from a window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallName, CallOutput, EventName, Role } from '../../../src-shared/contract/index.js';
import type { CallResult } from '../../../src-shared/envelope.js';
import { createCore, type Core } from '../../../src-main/core/create-core.js';

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Moves the fixed clock forward. */
  advance(ms: number): void;
  now(): Date;
  call<N extends CallName>(name: N, input: unknown, role?: Role): Promise<CallOutput<N>>;
  raw(name: string, input: unknown, role?: Role): Promise<CallResult<unknown>>;
  pushes: Array<{ event: EventName; payload: unknown }>;
  close(): void;
}

export function makeTestCore(options: { dataDir?: string; start?: string } = {}): TestCore {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-test-'));
  let now = new Date(options.start ?? '2026-11-23T09:00:00.000Z').getTime();
  const core = createCore({ dataDir, appRoot, mode: 'browser', version: 'test', clock: () => new Date(now) });
  const pushes: TestCore['pushes'] = [];
  core.subscribe((event, payload) => pushes.push({ event, payload }));
  const raw = (name: string, input: unknown, role: Role = 'doctor'): Promise<CallResult<unknown>> =>
    core.dispatch(name, input, { role, windowId: `test-${role}` });
  return {
    core,
    dataDir,
    pushes,
    advance: (ms) => {
      now += ms;
    },
    now: () => new Date(now),
    raw,
    async call(name, input, role) {
      const result = await raw(name, input, role);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    close: () => core.close(),
  };
}

/**
 * RecordFollower: core says where its record is (a push or the heartbeat); the window fetches to catch up,
 * one fetch at a time, and a newer revision seen meanwhile fetches once more — never a fetch per push,
 * never a stale stop. A restarted core (new epoch) is followed even though its revisions begin again.
 */
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import type { Transport } from '../../../../src-renderer/api/transport.js';
import { RecordFollower } from '../../../../src-renderer/state/record-follow.svelte.js';

/** A transport whose pushes the test sends by hand. */
function pushable() {
  const listeners = new Map<string, Array<(payload: unknown) => void>>();
  const transport: Transport = {
    kind: 'http',
    invoke: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'not used' } }),
    subscribe(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
    onConnect: () => () => undefined,
  };
  const push = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { client: new ApiClient(transport), push };
}

/** A fetch the test finishes when it wants, counting how many were started. */
function gatedFetch() {
  const gates: Array<() => void> = [];
  return {
    get started() {
      return gates.length;
    },
    fetch: () => new Promise<void>((resolve) => gates.push(resolve)),
    finish: (index: number) => gates[index]?.(),
  };
}

const beat = (epoch: string, record: number) => ({ epoch, presentation: 0, record, settings: 0 });

describe('RecordFollower', () => {
  it('fetches once for a burst of changes while a fetch is on its way, then once more for the newest', async () => {
    const { client, push } = pushable();
    const fetches = gatedFetch();
    new RecordFollower(client, fetches.fetch);
    push('sync.heartbeat', beat('run-1', 0));
    push('consultations.changed', { revision: 1 });
    expect(fetches.started).toBe(1);
    for (const revision of [2, 3, 4, 5]) push('consultations.changed', { revision });
    expect(fetches.started).toBe(1);
    fetches.finish(0);
    await expect.poll(() => fetches.started).toBe(2);
    fetches.finish(1);
    // Nothing newer came: no third fetch, and an old revision (a late heartbeat) starts none either.
    push('sync.heartbeat', beat('run-1', 4));
    await Promise.resolve();
    expect(fetches.started).toBe(2);
  });

  it('catches up from the heartbeat when a push was lost, and follows a restarted core from revision 0', async () => {
    const { client, push } = pushable();
    const fetches = gatedFetch();
    new RecordFollower(client, fetches.fetch);
    push('sync.heartbeat', beat('run-1', 3));
    expect(fetches.started).toBe(1);
    fetches.finish(0);
    push('sync.heartbeat', beat('run-1', 3));
    await Promise.resolve();
    expect(fetches.started).toBe(1);
    // Core restarted: its revision is lower, yet the window fetches again.
    push('sync.heartbeat', beat('run-2', 0));
    await expect.poll(() => fetches.started).toBe(2);
  });

  it('keeps following after a fetch that failed', async () => {
    const { client, push } = pushable();
    let calls = 0;
    new RecordFollower(client, () => {
      calls += 1;
      return Promise.reject(new Error('offline'));
    });
    push('sync.heartbeat', beat('run-1', 1));
    await expect.poll(() => calls).toBe(1);
    push('consultations.changed', { revision: 2 });
    await expect.poll(() => calls).toBe(2);
  });
});

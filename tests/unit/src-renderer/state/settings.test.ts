/**
 * The doctor window's one settings reader: a save in another window reaches it by push, a missed push by the
 * heartbeat, an older answer never replaces a newer push, and a restarted core is read afresh.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../src-shared/contract/index.js';
import type { CallResult } from '../../../../src-shared/envelope.js';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import type { Transport } from '../../../../src-renderer/api/transport.js';
import { SettingsModel } from '../../../../src-renderer/state/settings.svelte.js';

function settings(physicianName: string): Settings {
  return {
    physicianName,
    clinicName: 'Spine clinic',
    clinicContact: '',
    idleLockMinutes: 5,
    paperSize: 'A4',
    exportFolder: '',
  };
}

function fakeCore() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const connects = new Set<() => void>();
  let release: (() => void) | null = null;
  const fake = {
    current: settings('Dr A'),
    gets: 0,
    /** Hold the next `settings.get` answer until `answer()` (a slow answer). */
    hold: false,
    answer() {
      release?.();
    },
    push(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    connect() {
      for (const listener of connects) listener();
    },
    transport: {
      kind: 'http',
      async invoke(name: string): Promise<CallResult<unknown>> {
        if (name !== 'settings.get') return { ok: false, error: { code: 'NOT_FOUND', message: name } };
        fake.gets += 1;
        const value = fake.current;
        if (fake.hold) await new Promise<void>((resolve) => (release = resolve));
        return { ok: true, value };
      },
      subscribe(event: string, listener: (payload: unknown) => void) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
      onConnect(listener: () => void) {
        connects.add(listener);
        return () => connects.delete(listener);
      },
    } satisfies Transport,
  };
  return fake;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const beat = (settingsRevision: number, epoch = 'run-1') => ({
  epoch,
  presentation: 0,
  record: 0,
  settings: settingsRevision,
});

describe('SettingsModel', () => {
  it('takes a snapshot when its channel opens, the first time included', async () => {
    const fake = fakeCore();
    const model = new SettingsModel(new ApiClient(fake.transport));
    expect(model.value).toBeNull();
    fake.connect();
    await settle();
    expect(model.value?.physicianName).toBe('Dr A');
  });

  it('shows a save made in another window as soon as core pushes it, and ignores an older push', async () => {
    const fake = fakeCore();
    const model = new SettingsModel(new ApiClient(fake.transport));
    fake.push('settings.changed', { revision: 2, settings: settings('Dr B') });
    expect(model.value?.physicianName).toBe('Dr B');
    fake.push('settings.changed', { revision: 1, settings: settings('Dr Old') });
    expect(model.value?.physicianName).toBe('Dr B');
  });

  it('heals a missed push from the heartbeat, with one fetch, and then stops fetching', async () => {
    const fake = fakeCore();
    const model = new SettingsModel(new ApiClient(fake.transport));
    fake.push('sync.heartbeat', beat(0));
    await settle();
    fake.current = settings('Dr C'); // saved elsewhere; its push was lost
    fake.push('sync.heartbeat', beat(1));
    await settle();
    expect(model.value?.physicianName).toBe('Dr C');
    const gets = fake.gets;
    fake.push('sync.heartbeat', beat(1));
    fake.push('sync.heartbeat', beat(1));
    await settle();
    expect(fake.gets).toBe(gets);
  });

  it('keeps a push that arrived while an older answer was on its way', async () => {
    const fake = fakeCore();
    const model = new SettingsModel(new ApiClient(fake.transport));
    fake.hold = true;
    const loading = model.load();
    await settle();
    fake.push('settings.changed', { revision: 3, settings: settings('Dr New') });
    fake.answer();
    await loading;
    expect(model.value?.physicianName).toBe('Dr New');
  });

  it('reads a restarted core afresh even though its revisions begin again', async () => {
    const fake = fakeCore();
    const model = new SettingsModel(new ApiClient(fake.transport));
    fake.push('sync.heartbeat', beat(0, 'run-1'));
    fake.push('settings.changed', { revision: 7, settings: settings('Dr A') });
    await settle();
    fake.current = settings('Dr Restarted');
    fake.push('sync.heartbeat', beat(0, 'run-2'));
    await settle();
    expect(model.value?.physicianName).toBe('Dr Restarted');
  });
});

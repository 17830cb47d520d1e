/**
 * The doctor window's one settings reader: a save in another window reaches it by push, a missed push by the
 * heartbeat, an older answer never replaces a newer push, and a restarted core is read afresh.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../src-shared/contract/index.js';
import { ApiClient } from '../../../../src-renderer/api/client.js';
import { fakeTransport, settle } from '../../helpers/fake-transport.js';
import { SettingsModel } from '../../../../src-renderer/state/settings.svelte.js';

function settings(physicianName: string): Settings {
  return {
    physicianName,
    clinicName: 'Spine clinic',
    clinicContact: '',
    idleLockMinutes: 5,
    paperSize: 'A4',
    exportFolder: '',
    consoleLanguage: 'en',
  };
}

/** Core answers `settings.get` with `current` (held back while `hold` is set, until `answer()`). */
function fakeCore() {
  let release: (() => void) | null = null;
  const core = {
    current: settings('Dr A'),
    hold: false,
    answer() {
      release?.();
    },
    get gets() {
      return fake.calls.filter((name) => name === 'settings.get').length;
    },
  };
  const fake = fakeTransport(async (name) => {
    if (name !== 'settings.get') throw new Error(name);
    const value = core.current;
    if (core.hold) await new Promise<void>((resolve) => (release = resolve));
    return value;
  });
  return Object.assign(core, { transport: fake.transport, push: fake.push, connect: fake.connect });
}

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

import { describe, expect, it, vi } from 'vitest';
import type { IpcRenderer } from 'electron';
import { calls } from '../../../../src-shared/contract/index.js';
import { createBridge } from '../../../../src-main/preload/bridge.js';

function fakeIpc(): IpcRenderer & { invoke: ReturnType<typeof vi.fn> } {
  return {
    invoke: vi.fn(async () => ({ ok: true, value: {} })),
    on: vi.fn(),
    removeListener: vi.fn(),
  } as unknown as IpcRenderer & {
    invoke: ReturnType<typeof vi.fn>;
  };
}

describe('preload bridge', () => {
  it("the patient screen's bridge refuses every records call without sending it", async () => {
    const ipc = fakeIpc();
    const bridge = createBridge('patient', ipc);
    const doctorOnly = Object.entries(calls).filter(([, spec]) => !spec.roles.includes('patient'));
    expect(doctorOnly.length).toBeGreaterThan(10);
    for (const [name] of doctorOnly) {
      expect(await bridge.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
    await bridge.invoke('presentation.get', {});
    expect(ipc.invoke).toHaveBeenCalledWith('presentation.get', {});
  });

  it('refuses names that are not in the contract', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge('doctor', ipc);
    expect(await bridge.invoke('require', 'fs')).toMatchObject({ ok: false });
    expect(ipc.invoke).not.toHaveBeenCalled();
    expect(bridge.subscribe('not.an.event', () => undefined)).toBeTypeOf('function');
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('exposes only invoke and subscribe', () => {
    expect(Object.keys(createBridge('doctor', fakeIpc())).sort()).toEqual(['invoke', 'subscribe']);
  });
});

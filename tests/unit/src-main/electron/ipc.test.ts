import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callNames,
  eventNames,
  events,
  type PresentationState,
  type Role,
} from '../../../../src-shared/contract/index.js';
import type { CallResult } from '../../../../src-shared/envelope.js';
import { APP_ORIGIN } from '../../../../src-main/electron/guards.js';
import { EVENT_CHANNEL } from '../../../../src-shared/bridge.js';
import { setupIpc } from '../../../../src-main/electron/ipc.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

// Nothing here may load the real electron module (it would fetch its binary).
vi.mock('electron', () => ({}));

type Listener = (event: IpcMainInvokeEvent, input: unknown) => unknown;

/** ipcMain as the main process sees it: one handler per channel. */
class FakeIpcMain {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

interface FakeWindow {
  id: number;
  role: Role;
  send: ReturnType<typeof vi.fn>;
  destroyed: boolean;
}

let t: TestCore;
let ipc: FakeIpcMain;
let windows: Map<number, { role: Role; contents: WebContents }>;
let fakes: FakeWindow[];
let dispose: () => void;

function addWindow(id: number, role: Role): FakeWindow {
  const fake: FakeWindow = { id, role, send: vi.fn(), destroyed: false };
  const contents = { id, send: fake.send, isDestroyed: () => fake.destroyed } as unknown as WebContents;
  windows.set(id, { role, contents });
  fakes.push(fake);
  return fake;
}

beforeEach(() => {
  t = makeTestCore();
  ipc = new FakeIpcMain();
  windows = new Map();
  fakes = [];
  addWindow(1, 'doctor');
  addWindow(2, 'patient');
  dispose = setupIpc(ipc as unknown as IpcMain, t.core, windows);
});
afterEach(() => {
  dispose();
  t.close();
});

/** An invoke as Electron delivers it, from window `senderId` and a frame at `url`. */
function invoke(
  name: string,
  input: unknown,
  senderId: number,
  frame: { url: string; parent: unknown } | null = { url: `${APP_ORIGIN}/doctor/`, parent: null },
): Promise<CallResult<unknown>> {
  const handler = ipc.handlers.get(name);
  if (!handler) throw new Error(`no handler for ${name}`);
  const event = { sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
  return Promise.resolve(handler(event, input) as CallResult<unknown>);
}

describe('setupIpc', () => {
  it('registers exactly one handler per contract call, and removes them all on dispose', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...callNames].sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
    dispose = () => undefined;
  });

  it('refuses a call from a window that is not ours, without reaching core', async () => {
    const dispatch = vi.spyOn(t.core, 'dispatch');
    const result = await invoke('presentation.next', {}, 99);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect((await t.call('presentation.get', {})).revision).toBe(0);
  });

  it('refuses a call from a subframe of our own window, without reaching core', async () => {
    const dispatch = vi.spyOn(t.core, 'dispatch');
    const frame = { url: `${APP_ORIGIN}/doctor/`, parent: { url: `${APP_ORIGIN}/doctor/` } };
    const result = await invoke('presentation.next', {}, 1, frame);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from our window once it shows a foreign page, or when its frame is gone', async () => {
    const dispatch = vi.spyOn(t.core, 'dispatch');
    for (const frame of [
      { url: 'https://example.com/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      null,
    ]) {
      expect(await invoke('presentation.next', {}, 1, frame)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(t.pushes).toEqual([]);
  });

  it('dispatches a doctor window call with the doctor role and the window id', async () => {
    const dispatch = vi.spyOn(t.core, 'dispatch');
    const result = await invoke('presentation.next', {}, 1);
    expect(result).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('presentation.next', {}, { role: 'doctor', windowId: '1' });
  });

  it("dispatches the patient window's calls with the patient role, so it may read but not steer", async () => {
    const dispatch = vi.spyOn(t.core, 'dispatch');
    const patientFrame = { url: `${APP_ORIGIN}/patient/`, parent: null };
    const read = await invoke('presentation.get', {}, 2, patientFrame);
    expect(read.ok).toBe(true);
    const steer = await invoke('presentation.next', {}, 2, patientFrame);
    expect(steer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).toHaveBeenLastCalledWith('presentation.next', {}, { role: 'patient', windowId: '2' });
    expect((await t.call('presentation.get', {})).revision).toBe(0);
  });

  it('pushes a presentation change to the doctor and patient windows on the event channel', async () => {
    const result = await invoke('presentation.next', {}, 1);
    const state = (result as { value: PresentationState }).value;
    for (const fake of fakes) {
      expect(fake.send).toHaveBeenCalledExactlyOnceWith(EVENT_CHANNEL, 'presentation.changed', state);
    }
  });

  it('does not push to a window that has closed', async () => {
    fakes[1].destroyed = true;
    await invoke('presentation.next', {}, 1);
    expect(fakes[0].send).toHaveBeenCalledTimes(1);
    expect(fakes[1].send).not.toHaveBeenCalled();
  });

  it.each(eventNames.map((name) => [name]))('pushes %s only to windows whose role receives it', async (name) => {
    const payload = await t.call('presentation.get', {});
    t.core.services.emit(name, payload);
    for (const fake of fakes) {
      const receives = events[name].roles.includes(fake.role);
      expect(fake.send.mock.calls.length, `${fake.role} window`).toBe(receives ? 1 : 0);
    }
  });

  it('stops pushing after dispose', async () => {
    dispose();
    dispose = () => undefined;
    await t.call('presentation.next', {});
    for (const fake of fakes) expect(fake.send).not.toHaveBeenCalled();
  });
});

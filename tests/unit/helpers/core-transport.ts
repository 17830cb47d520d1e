/**
 * A doctor window's transport straight onto a real test core, as the IPC bridge would be: calls go through
 * `dispatch`, core's pushes reach the window's listeners. `onCall` sees each call's name (to count reads).
 */
import type { Transport } from '../../../src-renderer/api/transport.js';
import type { TestCore } from './test-core.js';

export function coreTransport(
  t: TestCore,
  windowId: string,
  onCall: (name: string) => void = () => undefined,
): Transport {
  return {
    kind: 'ipc',
    invoke(name, input) {
      onCall(name);
      return t.core.dispatch(name, input, { role: 'doctor', windowId });
    },
    subscribe(event, listener) {
      return t.core.subscribe((pushed, payload) => {
        if (pushed === event) listener(payload);
      });
    },
    onConnect: () => () => undefined,
  };
}

/** The one thing the renderer knows about how it talks to core. */
import type { CallResult } from '../../src-shared/envelope.js';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Called after the event channel comes back, so state can be fetched again. */
  onReconnect(listener: () => void): () => void;
}

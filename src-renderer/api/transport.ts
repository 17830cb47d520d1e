/** The one thing the renderer knows about how it talks to core. */
import type { CallResult } from '../../src-shared/envelope.js';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /**
   * Called each time the event channel opens, the first time included: pushes sent before it opened
   * were never received, so state is fetched then.
   */
  onConnect(listener: () => void): () => void;
}

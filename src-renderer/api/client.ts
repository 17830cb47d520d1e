/** The typed client every component uses; it never knows the transport. */
import {
  calls,
  events,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
} from '../../src-shared/contract/index.js';
import type { ErrorBody } from '../../src-shared/errors.js';
import type { Transport } from './transport.js';

export class CallError extends Error {
  readonly code: ErrorBody['code'];
  readonly field: string | undefined;
  /** On a CONFLICT: what core holds now (see ErrorBody). */
  readonly current: ErrorBody['current'];
  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'CallError';
    this.code = body.code;
    this.field = body.field;
    this.current = body.current;
  }
}

export class ApiClient {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  get transportKind(): Transport['kind'] {
    return this.#transport.kind;
  }

  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const result = await this.#transport.invoke(name, input);
    if (!result.ok) throw new CallError(result.error);
    return calls[name].output.parse(result.value) as CallOutput<N>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.#transport.subscribe(event, (raw) => {
      const parsed = events[event].payload.safeParse(raw);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    });
  }

  /** Each time the event channel opens (the first time included). */
  onConnect(listener: () => void): () => void {
    return this.#transport.onConnect(listener);
  }
}

/**
 * The shape of a call's handler, derived from the contract. Kept apart from
 * the registry that assembles the areas, so an area's file never imports the
 * registry that imports it (no import cycle).
 */
import type { CallName, CallOutput, ParsedInput } from '../../src-shared/contract/index.js';
import type { CallContext } from './context.js';

export type Handler<N extends CallName> = (
  input: ParsedInput<N>,
  ctx: CallContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type Handlers = { [N in CallName]: Handler<N> };

/** The handlers of one area: exactly the calls named `<area>.…`. */
export type AreaHandlers<A extends string> = { [N in Extract<CallName, `${A}.${string}`>]: Handler<N> };

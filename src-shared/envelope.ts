/**
 * The wire envelope, written once for both transports (Electron IPC and
 * HTTP/WebSocket): a call answers `{ ok, value | error }`, a push is
 * `{ event, payload }`.
 */
import { z } from 'zod';
import { errorCodes, type ErrorBody } from './errors.js';

/** Largest request body either transport accepts (bytes of JSON). */
export const MAX_MESSAGE_BYTES = 512 * 1024;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export const errorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  field: z.string().optional(),
  current: z.object({ section: z.string(), revision: z.int(), value: z.unknown() }).optional(),
});

export const callResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorBodySchema }),
]);

export const pushSchema = z.object({ event: z.string(), payload: z.unknown() });
export type Push = z.infer<typeof pushSchema>;

/**
 * Browser mode also carries calls over its WebSocket (one hop less while
 * presenting): a call frame `{ id, name, input }` is answered by
 * `{ id, result }`. Both ends parse with these schemas; the host closes a
 * socket that sends anything else, the window ignores an unreadable frame.
 */
export const socketCallSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string().min(1).max(100),
  input: z.unknown().default({}),
});
export type SocketCall = z.infer<typeof socketCallSchema>;

export const socketAnswerSchema = z.object({ id: z.number().int().nonnegative(), result: callResultSchema });
export type SocketAnswer = z.infer<typeof socketAnswerSchema>;

/** Reads one text frame as JSON, or null when it is not JSON. */
export function parseFrame(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Header carrying the per-run token in browser mode. */
export const TOKEN_HEADER = 'x-consultdeck-token';

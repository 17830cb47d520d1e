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

/** Header carrying the per-run token in browser mode. */
export const TOKEN_HEADER = 'x-consultdeck-token';

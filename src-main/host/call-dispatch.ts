/**
 * Core's calls from a browser window, by either road: `POST /api/<name>` (cookie or token, Origin checked)
 * and a frame `{ id, name, input }` on the window's socket (one hop less while presenting), answered by
 * `{ id, result }`. Both end in the one `core.dispatch`, which checks role, input and output.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import {
  MAX_MESSAGE_BYTES,
  TOKEN_HEADER,
  parseFrame,
  socketCallSchema,
  type CallResult,
  type SocketAnswer,
  type SocketCall,
} from '../../src-shared/envelope.js';
import type { Role } from '../../src-shared/contract/index.js';
import { deny, type HostContext } from './host-context.js';
import { originAllowed } from './socket-guards.js';
import { callerRole } from './tokens.js';

export async function answerHttpCall(
  ctx: HostContext,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
): Promise<void> {
  // Another page on 127.0.0.1 (any port) is "same site" and would get our cookie: its Origin is refused.
  if (!originAllowed(req.headers.origin, ctx.port)) return deny(res);
  const role = callerRole(ctx.tokens, ctx.port, req.headers[TOKEN_HEADER] as string | undefined, req.headers.cookie);
  if (!role) return deny(res);
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  const body = await readBody(req);
  const result = body === null ? tooLarge() : await dispatchBody(ctx, name, body, role);
  const close = body === null ? { connection: 'close' } : {};
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...close });
  res.end(JSON.stringify(result));
}

function tooLarge(): CallResult<unknown> {
  return { ok: false, error: { code: 'TOO_LARGE', message: `The request is larger than ${MAX_MESSAGE_BYTES} bytes.` } };
}

async function dispatchBody(ctx: HostContext, name: string, body: string, role: Role): Promise<CallResult<unknown>> {
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } };
  }
  return ctx.core.dispatch(name, input, { role, windowId: `http-${role}` });
}

/** A frame that is not a call closes the socket (1008); an answer to a socket closed meanwhile is dropped. */
export async function answerSocketCall(
  ctx: HostContext,
  ws: WebSocket,
  role: Role,
  text: string | null,
): Promise<void> {
  const message = parseSocketCall(text);
  if (!message) {
    ws.close(1008, 'not a call');
    return;
  }
  const result = await ctx.core.dispatch(message.name, message.input, { role, windowId: `ws-${role}` });
  const answer: SocketAnswer = { id: message.id, result };
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(answer));
}

function parseSocketCall(text: string | null): SocketCall | null {
  if (text === null) return null;
  const parsed = socketCallSchema.safeParse(parseFrame(text));
  return parsed.success ? parsed.data : null;
}

/** The body as text, or null when it exceeds the message limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MESSAGE_BYTES) {
        // Stop reading but keep the socket, so the TOO_LARGE answer gets out.
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

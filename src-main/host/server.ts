/**
 * Browser-mode transport: the built renderer and core's calls over HTTP, and
 * core's pushes over a WebSocket, on 127.0.0.1 only. Every request carries a
 * per-run token; without it the answer is 401 and nothing is touched.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
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
import { contentSecurityPolicy } from '../core/csp.js';
import { deliversTo, type Core } from '../core/create-core.js';
import { callerRole, hasAnySession, hasSession, sessionCookie, type RunTokens } from './tokens.js';
import { isDeckAssetType, resolveInside, sendFile } from './static-files.js';
import { LaunchCodes } from './launch-codes.js';
import { BUFFERED_BYTES_CAP, originAllowed } from './socket-guards.js';

export interface HostOptions {
  core: Core;
  tokens: RunTokens;
  rendererDir: string;
  port: number;
  /** One-time launch codes (a clock can be given in tests). */
  codes?: LaunchCodes;
}

export interface Host {
  port: number;
  /** A fresh one-time address for a window of this role (single use, 30 s). */
  launchUrl(role: Role): string;
  close(): Promise<void>;
}

const PAGES: Record<string, Role> = { '/doctor/': 'doctor', '/patient/': 'patient' };

export async function startHost(options: HostOptions): Promise<Host> {
  const { core, tokens } = options;
  const codes = options.codes ?? new LaunchCodes();
  let port = options.port;
  const rendererDir = path.resolve(options.rendererDir);
  const csp = (): string => contentSecurityPolicy({ connect: [`ws://127.0.0.1:${port}`] });

  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      console.error('[consultdeck] request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refuse other host names so a web page cannot reach us by DNS rebinding.
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const common = {
      'content-security-policy': csp(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (url.pathname.startsWith('/api/')) return handleCall(req, res, url.pathname.slice(5));
    const pageRole = PAGES[url.pathname] ?? PAGES[url.pathname.replace(/index\.html$/, '')];
    if (pageRole) {
      const code = url.searchParams.get('code');
      if (code !== null) {
        // The launch code is used up here, whatever the answer; the session goes into a cookie, and the
        // redirect leaves an address without the code in the browser's history.
        if (codes.redeem(code) !== pageRole) return deny(res, EXPIRED_LINK);
        res.writeHead(303, {
          ...common,
          location: url.pathname,
          'set-cookie': sessionCookie(tokens, port, pageRole),
          'cache-control': 'no-store',
        });
        res.end();
        return;
      }
      // A reload: the session cookie set with the code.
      if (!hasSession(tokens, port, pageRole, req.headers.cookie)) return deny(res, EXPIRED_LINK);
      sendFile(res, path.join(rendererDir, pageRole, 'index.html'), { ...common, 'cache-control': 'no-store' });
      return;
    }
    if (req.method !== 'GET' || !hasAnySession(tokens, port, req.headers.cookie)) return deny(res);
    const deckAsset = /^\/decks\/([a-z0-9-]+)\/(.+)$/.exec(url.pathname);
    const deckFile = deckAsset
      ? core.services.library.assetPath(deckAsset[1] as string, decodeSafe(deckAsset[2] as string))
      : null;
    const file = deckAsset
      ? deckFile && isDeckAssetType(deckFile)
        ? deckFile
        : null
      : resolveInside(rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, common).end();
      return;
    }
    sendFile(res, file, common);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    // Another page on 127.0.0.1 (any port) is "same site" and would get our cookie: its Origin is refused.
    if (!originAllowed(req.headers.origin, port)) return deny(res);
    const role = callerRole(tokens, port, req.headers[TOKEN_HEADER] as string | undefined, req.headers.cookie);
    if (!role) return deny(res);
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const body = await readBody(req);
    let result: CallResult<unknown>;
    if (body === null) {
      result = {
        ok: false,
        error: { code: 'TOO_LARGE', message: `The request is larger than ${MAX_MESSAGE_BYTES} bytes.` },
      };
    } else {
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body);
      } catch {
        input = undefined;
      }
      result =
        input === undefined
          ? { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } }
          : await core.dispatch(name, input, { role, windowId: `http-${role}` });
    }
    const close = body === null ? { connection: 'close' } : {};
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...close });
    res.end(JSON.stringify(result));
  }

  const sockets = new Map<WebSocket, Role>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // A socket error before the upgrade completes must not end the host.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const role = callerRole(tokens, port, url.searchParams.get('t'), req.headers.cookie);
    const hostOk = req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
    // Browsers send the page's Origin with every WebSocket: only our own pages may open one.
    if (url.pathname !== '/events' || !role || !hostOk || !originAllowed(req.headers.origin, port)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, role);
      ws.on('close', () => sockets.delete(ws));
      // An oversized or malformed frame must close this socket, not end the host.
      ws.on('error', () => ws.terminate());
      // Calls may also come over the socket (one hop less than HTTP while
      // presenting): `{ id, name, input }` answered by `{ id, result }`.
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        void answerSocketCall(ws, role, isBinary ? null : data.toString('utf8'));
      });
    });
  });
  async function answerSocketCall(ws: WebSocket, role: Role, text: string | null): Promise<void> {
    const message = parseSocketCall(text);
    if (!message) {
      ws.close(1008, 'not a call');
      return;
    }
    const result = await core.dispatch(message.name, message.input, { role, windowId: `ws-${role}` });
    const answer: SocketAnswer = { id: message.id, result };
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(answer));
  }

  const unsubscribe = core.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const [ws, role] of sockets) {
      if (!deliversTo(event, role)) continue;
      // A window that stops reading would grow the host's memory without end: it is closed instead, and
      // takes a full snapshot when it reconnects (every connect resyncs, see http-transport.ts).
      if (ws.bufferedAmount > BUFFERED_BYTES_CAP) {
        console.error(
          `[consultdeck] closing a ${role} window that stopped reading (${ws.bufferedAmount} bytes queued)`,
        );
        sockets.delete(ws);
        ws.terminate();
        continue;
      }
      ws.send(message, (error) => {
        if (error) ws.terminate();
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    launchUrl: (role) => `${base}/${role}/?code=${codes.issue(role)}`,
    async close() {
      unsubscribe();
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseSocketCall(text: string | null): SocketCall | null {
  if (text === null) return null;
  const parsed = socketCallSchema.safeParse(parseFrame(text));
  return parsed.success ? parsed.data : null;
}

const EXPIRED_LINK =
  'This ConsultDeck link has been used or has expired (a link opens one window, once, within 30 seconds). ' +
  'Press Enter in the terminal running ConsultDeck for fresh links.';

function deny(res: ServerResponse, message = 'Unauthorized'): void {
  res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
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

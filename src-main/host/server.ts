/**
 * Browser-mode transport: the built renderer and core's calls over HTTP, and core's pushes over a
 * WebSocket, on 127.0.0.1 only. Every request carries a per-run session; without it the answer is 401
 * and nothing is touched. This file is the host's lifecycle and its routing; each job is its own module:
 * pages and launch codes (`page-sessions.ts`), files (`static-files.ts`), calls (`call-dispatch.ts`),
 * sockets (`socket-upgrade.ts`, with the Origin check) and pushes with backpressure (`push-fanout.ts`).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../src-shared/contract/index.js';
import type { Core } from '../core/create-core.js';
import { answerHttpCall } from './call-dispatch.js';
import { hostAllowed, requestUrl, type HostContext } from './host-context.js';
import { LaunchCodes } from './launch-codes.js';
import { pageRole, servePage } from './page-sessions.js';
import { WindowSockets } from './push-fanout.js';
import { acceptWindowSockets } from './socket-upgrade.js';
import { serveAsset } from './static-files.js';
import type { RunTokens } from './tokens.js';

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

export async function startHost(options: HostOptions): Promise<Host> {
  const ctx: HostContext = {
    core: options.core,
    tokens: options.tokens,
    codes: options.codes ?? new LaunchCodes(),
    rendererDir: path.resolve(options.rendererDir),
    port: options.port,
  };
  const server = http.createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      console.error('[consultdeck] request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const windows = new WindowSockets(ctx.core);
  const wss = acceptWindowSockets(server, ctx, windows);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  ctx.port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${ctx.port}`;
  return {
    port: ctx.port,
    launchUrl: (role) => `${base}/${role}/?code=${ctx.codes.issue(role)}`,
    async close() {
      windows.close();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function route(ctx: HostContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!hostAllowed(ctx, req.headers.host)) {
    res.writeHead(421).end();
    return;
  }
  const url = requestUrl(ctx, req.url);
  if (url.pathname.startsWith('/api/')) return answerHttpCall(ctx, req, res, url.pathname.slice(5));
  const role = pageRole(url.pathname);
  if (role) return servePage(ctx, req, res, url, role);
  serveAsset(ctx, req, res, url);
}

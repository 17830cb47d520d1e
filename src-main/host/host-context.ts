/**
 * What every part of the browser-mode host shares: core, the run's tokens and launch codes, the renderer
 * folder and the port (known once listening: port 0 asks the OS for a free one). Each part of `startHost`
 * takes this and nothing else, so it can be read and tested alone.
 */
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../core/csp.js';
import type { Core } from '../core/create-core.js';
import type { LaunchCodes } from './launch-codes.js';
import type { RunTokens } from './tokens.js';

export interface HostContext {
  readonly core: Core;
  readonly tokens: RunTokens;
  readonly codes: LaunchCodes;
  /** Absolute path of the built renderer. */
  readonly rendererDir: string;
  /** The listening port; read at each request, never copied before `listen` resolved. */
  port: number;
}

/** Refuse other host names so a web page cannot reach us by DNS rebinding. */
export function hostAllowed(ctx: HostContext, host: string | undefined): boolean {
  return host === `127.0.0.1:${ctx.port}` || host === `localhost:${ctx.port}`;
}

export function requestUrl(ctx: HostContext, url: string | undefined): URL {
  return new URL(url ?? '/', `http://127.0.0.1:${ctx.port}`);
}

/** Headers of every page and file: the CSP (sockets to this port only), no sniffing, no referrer. */
export function commonHeaders(ctx: HostContext): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy({ connect: [`ws://127.0.0.1:${ctx.port}`] }),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

export function deny(res: ServerResponse, message = 'Unauthorized'): void {
  res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

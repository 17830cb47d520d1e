/** Streams files over HTTP; which files may be served (and as what) is core's rule (core/file-rules.ts). */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasAnySession } from './tokens.js';
import { commonHeaders, deny, type HostContext } from './host-context.js';

export { contentType, isDeckAssetType, resolveInside } from '../core/file-rules.js';
import { contentType, isDeckAssetType, resolveInside } from '../core/file-rules.js';

/**
 * The renderer's scripts and styles, and deck assets (`/decks/<id>/<file>`), to a window with a session:
 * GET only, a path inside its folder, a deck asset only of a type a slide shows.
 */
export function serveAsset(ctx: HostContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  if (req.method !== 'GET' || !hasAnySession(ctx.tokens, ctx.port, req.headers.cookie)) return deny(res);
  const deckAsset = /^\/decks\/([a-z0-9-]+)\/(.+)$/.exec(url.pathname);
  let file: string | null;
  if (deckAsset) {
    const deckFile = ctx.core.services.library.assetPath(deckAsset[1] as string, decodeSafe(deckAsset[2] as string));
    file = deckFile && isDeckAssetType(deckFile) ? deckFile : null;
  } else {
    file = resolveInside(ctx.rendererDir, url.pathname);
  }
  if (!file) {
    res.writeHead(404, commonHeaders(ctx)).end();
    return;
  }
  sendFile(res, file, commonHeaders(ctx));
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}

/**
 * Streams a file. The file may vanish, be renamed away, turn out unreadable or be a folder between the
 * check and the read: each ends this one answer (404/403/500, or a cut connection once bytes have
 * gone out), never the host. The status is written only once the file is open.
 */
export function sendFile(res: ServerResponse, file: string, headers: Record<string, string> = {}): void {
  const stream = fs.createReadStream(file);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`[consultdeck] could not send ${file}: ${error.message}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = error.code === 'ENOENT' ? 404 : error.code === 'EACCES' || error.code === 'EPERM' ? 403 : 500;
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end();
  });
  stream.once('open', () => {
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-cache', ...headers });
    stream.pipe(res);
  });
  // A window that goes away mid-answer: the file is closed at once.
  res.once('close', () => stream.destroy());
}

/** Serves files from one folder, refusing anything that resolves outside it. */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Deck assets are pictures and PDFs only: never anything a page could run. */
const DECK_ASSET_TYPES = new Set(['.svg', '.png', '.jpg', '.jpeg', '.webp', '.pdf']);

export function isDeckAssetType(file: string): boolean {
  return DECK_ASSET_TYPES.has(path.extname(file).toLowerCase());
}

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The file for a URL path inside root, or null (traversal, missing, a folder). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const real = fs.realpathSync(file);
    const realRoot = fs.realpathSync(root);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
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

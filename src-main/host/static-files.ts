/** Streams files over HTTP; which files may be served (and as what) is core's rule (core/file-rules.ts). */
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';

export { contentType, isDeckAssetType, resolveInside } from '../core/file-rules.js';
import { contentType } from '../core/file-rules.js';

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

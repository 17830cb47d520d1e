/**
 * Serves the renderer and deck assets on app://consultdeck with the CSP as a
 * response header. Nothing is loaded from file:// or the network.
 */
import fs from 'node:fs';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../core/csp.js';
import type { DeckLibrary } from '../core/decks/library.js';
import { contentType, isDeckAssetType, resolveInside } from '../core/file-rules.js';

export const SCHEME = 'app';

export function handleAppProtocol(protocol: Protocol, rendererDir: string, library: DeckLibrary): void {
  const csp = contentSecurityPolicy({ connect: [] });
  protocol.handle(SCHEME, (request) => {
    const url = new URL(request.url);
    const deckAsset = /^\/decks\/([a-z0-9-]+)\/(.+)$/.exec(url.pathname);
    const pathname = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    const file =
      url.host !== 'consultdeck'
        ? null
        : deckAsset
          ? deckAssetFile(library, deckAsset[1] as string, deckAsset[2] as string)
          : resolveInside(rendererDir, pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(file), {
      headers: {
        'content-type': contentType(file),
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

function deckAssetFile(library: DeckLibrary, deckId: string, rel: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return null;
  }
  const file = library.assetPath(deckId, decoded);
  return file && isDeckAssetType(file) ? file : null;
}

/**
 * The two window pages and their sessions: `/doctor/?code=…` redeems a one-time launch code and answers a
 * 303 to the page with the role's session cookie (so the history holds no code); a reload is served on the
 * cookie alone. Anything else is refused with a line telling the doctor how to get a fresh link.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Role } from '../../src-shared/contract/index.js';
import { commonHeaders, deny, type HostContext } from './host-context.js';
import { sendFile } from './static-files.js';
import { hasSession, sessionCookie } from './tokens.js';

const PAGES: Record<string, Role> = { '/doctor/': 'doctor', '/patient/': 'patient' };

const EXPIRED_LINK =
  'This ConsultDeck link has been used or has expired (a link opens one window, once, within 30 seconds). ' +
  'Press Enter in the terminal running ConsultDeck for fresh links.';

/** The role whose page this path is (`/doctor/`, `/doctor/index.html`), or null. */
export function pageRole(pathname: string): Role | null {
  return PAGES[pathname] ?? PAGES[pathname.replace(/index\.html$/, '')] ?? null;
}

export function servePage(ctx: HostContext, req: IncomingMessage, res: ServerResponse, url: URL, role: Role): void {
  const { tokens, codes, port } = ctx;
  const code = url.searchParams.get('code');
  if (code !== null) {
    // The launch code is used up here, whatever the answer; the session goes into a cookie, and the
    // redirect leaves an address without the code in the browser's history.
    if (codes.redeem(code) !== role) return deny(res, EXPIRED_LINK);
    res.writeHead(303, {
      ...commonHeaders(ctx),
      location: url.pathname,
      'set-cookie': sessionCookie(tokens, port, role),
      'cache-control': 'no-store',
    });
    res.end();
    return;
  }
  // A reload: the session cookie set with the code.
  if (!hasSession(tokens, port, role, req.headers.cookie)) return deny(res, EXPIRED_LINK);
  sendFile(res, path.join(ctx.rendererDir, role, 'index.html'), { ...commonHeaders(ctx), 'cache-control': 'no-store' });
}

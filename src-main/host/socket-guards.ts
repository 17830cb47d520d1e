/** Checks the host makes on every call and socket, kept out of server.ts so each is tested alone. */

/**
 * Bytes a window's WebSocket may have queued before it is closed. A push is a few KiB (the
 * presentation state); 1 MiB is hundreds of them unread, far beyond a window that is merely busy.
 */
export const BUFFERED_BYTES_CAP = 1024 * 1024;

/**
 * Whether a request's Origin may reach the host: none (a tool, not a page), or our own page's.
 * Cookies are shared by every port of 127.0.0.1 and SameSite counts them as one site, so a page
 * from another local service would otherwise be sent the session cookie with its request.
 */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

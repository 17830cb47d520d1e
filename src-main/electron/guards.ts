/**
 * App-wide guards, as pure decisions plus one installer: no navigation away
 * from our pages, no new windows, no permissions, no webviews, and IPC only
 * from the main frame of our own windows.
 */
import type { App, Session, WebContents } from 'electron';

export const APP_ORIGIN = 'app://consultdeck';

export function isOurUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** A sender is trusted when it is one of our windows' main frame on our origin. */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  senderId: number,
  knownWindows: ReadonlyMap<number, unknown>,
): boolean {
  if (!frame || frame.parent !== null) return false;
  return knownWindows.has(senderId) && isOurUrl(frame.url);
}

export function installGuards(app: App, session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isOurUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

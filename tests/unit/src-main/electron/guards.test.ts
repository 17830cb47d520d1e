import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, installGuards, isOurUrl, isTrustedSender } from '../../../../src-main/electron/guards.js';

// Nothing here may load the real electron module (it would fetch its binary).
vi.mock('electron', () => ({}));

describe('isOurUrl', () => {
  it.each([
    'app://consultdeck/doctor/',
    'app://consultdeck/patient/index.html',
    'app://consultdeck/decks/x/assets/a.svg',
  ])('accepts our page %s', (url) => {
    expect(isOurUrl(url)).toBe(true);
  });

  it.each([
    'file:///etc/passwd',
    'file:///app/out/renderer/doctor/index.html',
    'http://127.0.0.1:5173/doctor/',
    'http://localhost/',
    'https://consultdeck/',
    'https://example.com/app://consultdeck/',
    'app://consultdeck.evil.example/',
    'app://consultdeckx/doctor/',
    'app://evil/consultdeck/',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isOurUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const known = new Map<number, unknown>([
    [1, { role: 'doctor' }],
    [2, { role: 'patient' }],
  ]);
  const main = (url = `${APP_ORIGIN}/doctor/`) => ({ url, parent: null });

  it('trusts the main frame of one of our windows on our origin', () => {
    expect(isTrustedSender(main(), 1, known)).toBe(true);
    expect(isTrustedSender(main(`${APP_ORIGIN}/patient/`), 2, known)).toBe(true);
  });

  it('refuses a subframe, even inside our window and on our origin', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/doctor/`, parent: main() }, 1, known)).toBe(false);
  });

  it('refuses a window that is not one of ours', () => {
    expect(isTrustedSender(main(), 3, known)).toBe(false);
  });

  it('refuses our window once it shows a page that is not ours', () => {
    expect(isTrustedSender(main('file:///app/out/renderer/doctor/index.html'), 1, known)).toBe(false);
    expect(isTrustedSender(main('http://127.0.0.1:8080/doctor/'), 1, known)).toBe(false);
    expect(isTrustedSender(main('https://example.com/'), 1, known)).toBe(false);
  });

  it('refuses a sender whose frame is gone', () => {
    expect(isTrustedSender(null, 1, known)).toBe(false);
    expect(isTrustedSender(undefined, 1, known)).toBe(false);
  });
});

type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
type WindowOpen = (details: { url: string }) => { action: string };

/** Fake app and session that keep what installGuards hands them. */
function install(): { app: EventEmitter; request: PermissionRequest; check: () => boolean } {
  const app = new EventEmitter();
  let request: PermissionRequest | undefined;
  let check: (() => boolean) | undefined;
  const session = {
    setPermissionRequestHandler: (handler: PermissionRequest) => {
      request = handler;
    },
    setPermissionCheckHandler: (handler: () => boolean) => {
      check = handler;
    },
  };
  installGuards(app as unknown as App, session as unknown as Session);
  if (!request || !check) throw new Error('installGuards did not set both permission handlers');
  return { app, request, check };
}

/** A new window's web contents as Electron announces it. */
function newContents(app: EventEmitter): EventEmitter & { openHandler?: WindowOpen } {
  const contents = Object.assign(new EventEmitter(), {
    openHandler: undefined as WindowOpen | undefined,
    setWindowOpenHandler(handler: WindowOpen) {
      contents.openHandler = handler;
    },
  });
  app.emit('web-contents-created', {}, contents);
  return contents;
}

function fire(contents: EventEmitter, name: string, ...args: unknown[]): boolean {
  const event = { preventDefault: vi.fn() };
  contents.emit(name, event, ...args);
  return event.preventDefault.mock.calls.length > 0;
}

describe('installGuards', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies the permission request %s',
    (permission) => {
      const { request, check } = install();
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check()).toBe(false);
    },
  );

  it('denies every window.open, even to our own pages', () => {
    const { app } = install();
    const contents = newContents(app);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: `${APP_ORIGIN}/patient/` })).toEqual({ action: 'deny' });
  });

  it('prevents navigation and redirects to another origin, and allows our own pages', () => {
    const { app } = install();
    const contents = newContents(app);
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(fire(contents, name, 'https://example.com/phish')).toBe(true);
      expect(fire(contents, name, 'file:///etc/passwd')).toBe(true);
      expect(fire(contents, name, 'http://127.0.0.1:3000/')).toBe(true);
      expect(fire(contents, name, `${APP_ORIGIN}/patient/`)).toBe(false);
    }
  });

  it('prevents attaching a webview', () => {
    const { app } = install();
    const contents = newContents(app);
    expect(fire(contents, 'will-attach-webview', {}, {})).toBe(true);
  });

  it('guards every web contents created later, not only the first', () => {
    const { app } = install();
    newContents(app);
    const second = newContents(app);
    expect(second.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fire(second, 'will-navigate', 'https://example.com/')).toBe(true);
  });
});

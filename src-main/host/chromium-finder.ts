/**
 * The one Chromium finder: `npm start`, the browser-mode PDF printer, the
 * end-to-end tests, the benchmarks and the test-machine preparation all ask it,
 * so a machine that runs one of them runs them all. Order: the CHROMIUM_PATH
 * variable (the user's explicit choice), then a browser Playwright installed
 * (`npx playwright install chromium`, the same on every system), then the usual
 * system places. Pure apart from the injected probe, so the order is unit-tested.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ChromiumProbe {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
  /** An executable file exists at this path. */
  exists: (file: string) => boolean;
  /** Names inside a folder; [] where it does not exist. */
  list: (dir: string) => string[];
}

/** Where Playwright keeps its browsers (its documented defaults, or PLAYWRIGHT_BROWSERS_PATH). */
export function playwrightBrowsersDir(probe: ChromiumProbe): string {
  const { env, platform, home } = probe;
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0') return env.PLAYWRIGHT_BROWSERS_PATH;
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32')
    return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), 'ms-playwright');
  return path.posix.join(env.XDG_CACHE_HOME ?? path.posix.join(home, '.cache'), 'ms-playwright');
}

/** The executable inside one `chromium-<revision>` folder of Playwright's, per platform and build layout. */
function playwrightExecutables(platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    return ['chrome-mac-arm64', 'chrome-mac-x64', 'chrome-mac'].map(
      (dir) => `${dir}/Chromium.app/Contents/MacOS/Chromium`,
    );
  }
  if (platform === 'win32') return ['chrome-win64\\chrome.exe', 'chrome-win\\chrome.exe'];
  return ['chrome-linux64/chrome', 'chrome-linux/chrome'];
}

function playwrightCandidates(probe: ChromiumProbe): string[] {
  const dir = playwrightBrowsersDir(probe);
  const join = probe.platform === 'win32' ? path.win32.join : path.posix.join;
  // Newest revision first: `chromium-1187` before `chromium-1140`.
  const revisions = probe
    .list(dir)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  return revisions.flatMap((rev) => playwrightExecutables(probe.platform).map((exe) => join(dir, rev, exe)));
}

/** The usual installed places: Debian, Ubuntu (snap), Fedora, Arch; macOS; Windows. */
export function systemCandidates(probe: ChromiumProbe): string[] {
  const { env, platform, home } = probe;
  if (platform === 'darwin') {
    const apps = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome'];
    return [...apps.map((a) => `/Applications/${a}`), ...apps.map((a) => `${home}/Applications/${a}`)];
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => !!r);
    const exes = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe'];
    return exes.flatMap((exe) => roots.map((root) => path.win32.join(root, exe)));
  }
  return [
    '/usr/bin/chromium', // Debian, Arch
    '/usr/bin/chromium-browser', // Fedora; on Ubuntu a wrapper around the snap
    '/snap/bin/chromium', // Ubuntu
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
  ];
}

/** Every place looked at, in order (also printed when none has a browser). */
export function chromiumCandidates(probe: ChromiumProbe): string[] {
  const fromEnv = probe.env.CHROMIUM_PATH ? [probe.env.CHROMIUM_PATH] : [];
  return [...fromEnv, ...playwrightCandidates(probe), ...systemCandidates(probe)];
}

export function findChromium(probe: ChromiumProbe = systemProbe()): string | null {
  return chromiumCandidates(probe).find((file) => probe.exists(file)) ?? null;
}

export function systemProbe(): ChromiumProbe {
  return {
    env: process.env,
    platform: process.platform,
    home: os.homedir(),
    exists: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    list: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

/**
 * Chromium's sandbox refuses to start as root, so `--no-sandbox` is passed
 * there only (CI containers); a normal user keeps the sandbox.
 */
export function sandboxArgs(user: { uid?: number } = { uid: process.getuid?.() }): string[] {
  return user.uid === 0 ? ['--no-sandbox'] : [];
}

import { describe, expect, it } from 'vitest';
import {
  chromiumCandidates,
  findChromium,
  sandboxArgs,
  type ChromiumProbe,
} from '../../../../src-main/host/chromium-finder.js';

/** A fake file system: the files that exist and the folders' contents. */
function probe(
  platform: NodeJS.Platform,
  files: string[],
  env: Record<string, string> = {},
  home = platform === 'win32' ? 'C:\\Users\\dr' : platform === 'darwin' ? '/Users/dr' : '/home/dr',
): ChromiumProbe {
  const set = new Set(files);
  return {
    env,
    platform,
    home,
    exists: (file) => set.has(file),
    list: (dir) => {
      const sep = platform === 'win32' ? '\\' : '/';
      const names = files.filter((f) => f.startsWith(dir + sep)).map((f) => f.slice(dir.length + 1).split(/[\\/]/)[0]!);
      return [...new Set(names)];
    },
  };
}

const PW_LINUX = '/home/dr/.cache/ms-playwright/chromium-1187/chrome-linux64/chrome';

describe('findChromium: order', () => {
  it('takes CHROMIUM_PATH first, even where other browsers exist', () => {
    const p = probe('linux', ['/opt/mine/chrome', PW_LINUX, '/usr/bin/chromium'], {
      CHROMIUM_PATH: '/opt/mine/chrome',
    });
    expect(findChromium(p)).toBe('/opt/mine/chrome');
  });

  it('skips a CHROMIUM_PATH that does not exist', () => {
    const p = probe('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' });
    expect(findChromium(p)).toBe('/usr/bin/chromium');
  });

  it('takes a Playwright-installed browser before the system ones, newest revision first', () => {
    const older = '/home/dr/.cache/ms-playwright/chromium-1140/chrome-linux/chrome';
    const p = probe('linux', [older, PW_LINUX, '/usr/bin/chromium']);
    expect(findChromium(p)).toBe(PW_LINUX);
    expect(findChromium(probe('linux', [older, '/usr/bin/chromium']))).toBe(older);
  });

  it('follows PLAYWRIGHT_BROWSERS_PATH', () => {
    const file = '/srv/pw/chromium-1200/chrome-linux64/chrome';
    expect(findChromium(probe('linux', [file, '/usr/bin/chromium'], { PLAYWRIGHT_BROWSERS_PATH: '/srv/pw' }))).toBe(
      file,
    );
  });

  it('finds Debian, Fedora and Ubuntu snap places, in that order', () => {
    expect(findChromium(probe('linux', ['/snap/bin/chromium', '/usr/bin/chromium']))).toBe('/usr/bin/chromium');
    expect(findChromium(probe('linux', ['/snap/bin/chromium', '/usr/bin/chromium-browser']))).toBe(
      '/usr/bin/chromium-browser',
    );
    expect(findChromium(probe('linux', ['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
    expect(findChromium(probe('linux', ['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
  });

  it('finds macOS apps, Chromium before Chrome, and Playwright before both', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findChromium(probe('darwin', [chrome, chromium]))).toBe(chromium);
    expect(findChromium(probe('darwin', [chrome]))).toBe(chrome);
    const pw =
      '/Users/dr/Library/Caches/ms-playwright/chromium-1187/chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium';
    expect(findChromium(probe('darwin', [chrome, pw]))).toBe(pw);
  });

  it('finds Windows installs per user and per machine', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\dr\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files' };
    const machineWide = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium(probe('win32', [machineWide], env))).toBe(machineWide);
    const pw = 'C:\\Users\\dr\\AppData\\Local\\ms-playwright\\chromium-1187\\chrome-win64\\chrome.exe';
    expect(findChromium(probe('win32', [machineWide, pw], env))).toBe(pw);
  });

  it('returns null where there is none, having looked in every usual place', () => {
    const p = probe('linux', []);
    expect(findChromium(p)).toBeNull();
    expect(chromiumCandidates(p)).toEqual(expect.arrayContaining(['/usr/bin/chromium', '/snap/bin/chromium']));
  });
});

describe('sandboxArgs', () => {
  it('turns the sandbox off only for root', () => {
    expect(sandboxArgs({ uid: 0 })).toEqual(['--no-sandbox']);
    expect(sandboxArgs({ uid: 1000 })).toEqual([]);
    // Windows has no uid: the sandbox stays on.
    expect(sandboxArgs({})).toEqual([]);
  });
});

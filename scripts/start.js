// `npm start`: launch Electron; where its binary is missing and cannot be
// fetched (no access to GitHub), say so in one line and start browser mode,
// opening both windows in the installed Chromium if there is one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
// The project's one Chromium finder, built with the rest by `npm run build` (which `npm start` runs first).
import { findChromium, sandboxArgs } from '../out/main/src-main/host/chromium-finder.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return false;
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 120_000 });
  return result.status === 0;
}

let binary = electronBinary();
if (!binary && fetchElectron()) binary = electronBinary();

if (binary) {
  const child = spawn(binary, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron could not be downloaded here; starting ConsultDeck in browser mode instead.');
  startBrowserMode();
}

function startBrowserMode() {
  const args = [path.join(root, 'out/host/cli.js'), ...process.argv.slice(2)];
  const host = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let opened = false;
  let buffer = '';
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffer += chunk.toString();
    const urls = [...buffer.matchAll(/(http:\/\/127\.0\.0\.1:\d+\/\S+)/g)].map((m) => m[1]);
    if (!opened && urls.length >= 2) {
      opened = true;
      openWindows(urls);
    }
  });
  const stop = () => host.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => process.exit(code ?? 0));
}

function openWindows(urls) {
  const chromium = findChromium();
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!chromium || (!display && process.platform === 'linux')) {
    console.log('Open the two addresses above in a browser (no Chromium or no display found).');
    return;
  }
  const flags = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  flags.push(...sandboxArgs());
  // Each URL carries a one-time launch code (single use, 30 s): what `ps` shows of Chromium's
  // command line is worth nothing once the window has opened (src-main/host/launch-codes.ts).
  urls.forEach((url, i) => {
    const profile = path.join(root, 'out', `browser-profile-${i}`);
    // The profile caches the pages (and their session cookie): owner-only, set
    // explicitly rather than left to the umask, and re-tightened at every launch.
    fs.mkdirSync(profile, { recursive: true, mode: 0o700 });
    fs.chmodSync(profile, 0o700);
    spawn(chromium, [...flags, `--user-data-dir=${profile}`, `--app=${url}`], {
      stdio: 'ignore',
      detached: true,
    }).unref();
  });
}

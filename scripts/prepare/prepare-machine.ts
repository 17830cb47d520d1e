/**
 * `npm test`'s first step (the `pretest` script; `.ci/run` gets it through
 * `npm test`): find what the tests need outside node_modules, install it
 * where the machine allows, or stop at once with the command to run.
 * `--dry-run` prints what it would do and changes nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  chromiumCandidates,
  findChromium,
  playwrightBrowsersDir,
  systemProbe,
} from '../../src-main/host/chromium-finder.js';
import { family, plan, stopMessage, type Machine, type Tool } from './plan.js';

function onPath(command: string): boolean {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) =>
    exts.some((ext) => {
      try {
        return fs.statSync(path.join(dir, command + ext)).isFile();
      } catch {
        return false;
      }
    }),
  );
}

function hasFont(): boolean {
  // Only Linux relies on fontconfig being filled; without fc-list there is nothing to ask.
  if (process.platform !== 'linux' || !onPath('fc-list')) return true;
  const result = spawnSync('fc-list', { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function missingTools(): Tool[] {
  const missing: Tool[] = [];
  if (!findChromium()) missing.push('chromium');
  if (!onPath('pdftotext') || !onPath('pdftoppm')) missing.push('poppler');
  if (!hasFont()) missing.push('fonts');
  return missing;
}

function machine(): Machine {
  let release = '';
  try {
    release = fs.readFileSync('/etc/os-release', 'utf8');
  } catch {
    // Not Linux, or a very bare one: no family, so no automatic install.
  }
  const field = (name: string): string =>
    (new RegExp(`^${name}=(.*)$`, 'm').exec(release)?.[1] ?? '').replace(/^"|"$/g, '').toLowerCase();
  return {
    platform: process.platform,
    osId: field('ID'),
    osLike: field('ID_LIKE').split(/\s+/).filter(Boolean),
    isRoot: process.getuid?.() === 0,
  };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? 'signal'})`);
}

function main(): number {
  const dryRun = process.argv.includes('--dry-run');
  const here = machine();
  const missing = missingTools();
  const next = plan(missing, here);
  // Optional: Chromium's headless shell prints browser-mode PDFs faster and in less memory (chromium-pdf.ts).
  // Installed alongside where installing is allowed; never required.
  const shell = next.kind === 'install' && !onPath('chromium-headless-shell') ? ['chromium-headless-shell'] : [];
  if (next.kind === 'ready') {
    if (!onPath('chromium-headless-shell') && here.isRoot && family(here) === 'debian' && !dryRun) {
      try {
        run('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell']);
      } catch {
        // Only a speed-up for PDFs: the full Chromium prints them too.
      }
    }
    console.log(`Test machine ready: Chromium at ${findChromium()}, pdftotext and pdftoppm on PATH.`);
    return 0;
  }
  if (next.kind === 'stop') {
    console.error(next.message);
    if (missing.includes('chromium')) {
      const probe = systemProbe();
      const places = [playwrightBrowsersDir(probe) + ' (Playwright)', ...chromiumCandidates(probe)];
      console.error(`(Looked for Chromium in: ${places.join(', ')})`);
    }
    return 1;
  }
  console.log(`Installing what the tests need: ${next.packages.join(' ')} (apt-get, as root on Debian)`);
  if (dryRun) {
    console.log(`dry run: would run apt-get update && ${next.command}`);
    return 0;
  }
  try {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', ...next.packages, ...shell]);
  } catch (error) {
    console.error(`${(error as Error).message}.\n${stopMessage(missing, here)}`);
    return 1;
  }
  const still = missingTools();
  if (still.length > 0) {
    console.error(`Installed ${next.packages.join(' ')}, yet still missing:\n${stopMessage(still, here)}`);
    return 1;
  }
  console.log(`Test machine ready: Chromium at ${findChromium()}, pdftotext and pdftoppm on PATH.`);
  return 0;
}

process.exitCode = main();

/**
 * Flags and path for the installed Chromium wherever the project starts it
 * (PDF printing, end-to-end tests, benchmarks): the sandbox kept unless
 * running as root, no GPU, and no background networking (the machines have
 * no network). The path comes from the one finder (chromium-finder.ts).
 */
import { findChromium, sandboxArgs } from './chromium-finder.js';

export const CHROMIUM_ARGS = [
  ...sandboxArgs(),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where none is found, the Debian path: the launch error then names it, and `npm test`'s preparation says what to install. */
export const CHROMIUM_PATH = findChromium() ?? '/usr/bin/chromium';

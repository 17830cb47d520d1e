/**
 * Flags for the installed Chromium wherever the project starts it (PDF
 * printing, end-to-end tests, benchmarks): no sandbox as root, no GPU, and no
 * background networking (these machines have no network).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A stand-in for Electron's unpacked distribution, made in a temp folder for
 * `npm run package:check` only (never shipped): electron-builder copies it
 * as the app's executable. The Electron binary cannot be downloaded on these
 * machines, and the package's contents do not depend on it. It carries a fuse
 * wire as Electron 41's binary does (@electron/fuses looks for the sentinel),
 * so the `electronFuses` of electron-builder.yml are really flipped and checked.
 */
import fs from 'node:fs';
import path from 'node:path';

/** @electron/fuses' sentinel, then wire version 1, 9 fuses, Electron's defaults. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_WIRE = '101001001';

export function makeStandInElectron(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const script = [
    '#!/bin/sh',
    'echo "stand-in Electron of npm run package:check: not an app"',
    'exit 1',
    `# ${FUSE_SENTINEL}\u0001${String.fromCharCode(DEFAULT_WIRE.length)}${DEFAULT_WIRE}`,
    '',
  ].join('\n');
  const file = path.join(dir, 'electron');
  fs.writeFileSync(file, script, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in\n');
  fs.writeFileSync(path.join(dir, 'version'), 'stand-in\n');
  return dir;
}

/** The fuse states in a packaged executable, '0'/'1' per fuse (RunAsNode first). */
export function readFuseWire(executable: string): string {
  const bytes = fs.readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${executable}`);
  const length = bytes[at + FUSE_SENTINEL.length + 1] ?? 0;
  const start = at + FUSE_SENTINEL.length + 2;
  return bytes.subarray(start, start + length).toString('latin1');
}

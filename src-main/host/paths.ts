/** Where the app's files and the user's data live, outside Electron. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, found by walking up from this file. */
export function findAppRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The same per-user folder Electron's app.getPath('userData') uses. */
export function defaultDataDir(productName = 'ConsultDeck'): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), productName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', productName);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), productName);
}

export function readVersion(appRoot: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

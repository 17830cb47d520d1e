/**
 * Patient data private at rest on a shared laptop: the data folder is 0700 and
 * everything in it 0600 (folders 0700). Modes are set explicitly with chmod,
 * not left to the umask (a 022 umask would leave the database world-readable),
 * and checked at every open: anything looser is tightened and logged, so a
 * copy made by hand or an older version's files do not stay readable.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export type PrivacyLog = (line: string) => void;

const defaultLog: PrivacyLog = (line) => console.warn(`[consultdeck] ${line}`);

/** Creates `dir` if needed and makes it and all it holds private; returns the paths it tightened. */
export function makeFolderPrivate(dir: string, log: PrivacyLog = defaultLog): string[] {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const tightened: string[] = [];
  walk(dir, tightened, log);
  return tightened;
}

/** Makes single files private (e.g. the database's -wal/-shm right after SQLite creates them). */
export function makeFilesPrivate(files: readonly string[], log: PrivacyLog = defaultLog): string[] {
  const tightened: string[] = [];
  for (const file of files) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      continue; // not created (yet): nothing to protect
    }
    if (stat.isFile()) tighten(file, stat, PRIVATE_FILE_MODE, tightened, log);
  }
  return tightened;
}

function walk(dir: string, tightened: string[], log: PrivacyLog): void {
  tighten(dir, fs.lstatSync(dir), PRIVATE_DIR_MODE, tightened, log);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // Symbolic links are not followed: their target is outside our control
    // and chmod on a link would change the target.
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) walk(full, tightened, log);
    else if (entry.isFile()) tighten(full, fs.lstatSync(full), PRIVATE_FILE_MODE, tightened, log);
  }
}

function tighten(file: string, stat: fs.Stats, wanted: number, tightened: string[], log: PrivacyLog): void {
  const mode = stat.mode & 0o777;
  // Only permissions for group and others are a leak; the owner's own bits
  // are set to the wanted mode too so that the result is exactly 0600/0700.
  if (mode === wanted) return;
  fs.chmodSync(file, wanted);
  if ((mode & 0o077) !== 0) {
    tightened.push(file);
    log(
      `tightened permissions of ${file} from ${mode.toString(8).padStart(4, '0')} to ${wanted.toString(8).padStart(4, '0')}`,
    );
  }
}

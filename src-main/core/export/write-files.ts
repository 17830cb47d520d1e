/**
 * Writing exports so that a file is either complete or absent: each is written
 * to a temp file in the same folder, flushed to disk, then renamed over its
 * final name (a rename within a folder is atomic). Any error removes the temp
 * file and the files this call already wrote, and becomes one clear message.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';

export interface PendingFile {
  name: string;
  data: Buffer;
}

/** The folder of the settings, or `exports` in the data folder (created on first use). */
export function exportFolder(setting: string, dataDir: string): string {
  if (setting !== '') return setting;
  const folder = path.join(dataDir, 'exports');
  fs.mkdirSync(folder, { recursive: true });
  return folder;
}

/** Letters, digits and . _ - only: a code like "AB/12" must not make a sub-folder. */
export function safeNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'export';
}

/** `name`, or `name-2`, `name-3`… when taken on disk or earlier in this call: an export never overwrites. */
function freeName(folder: string, name: string, taken: Set<string>): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let n = 2; taken.has(candidate) || fs.existsSync(path.join(folder, candidate)); n += 1) {
    candidate = `${stem}-${n}${ext}`;
  }
  taken.add(candidate);
  return candidate;
}

function writeOne(folder: string, name: string, data: Buffer): string {
  const final = path.join(folder, name);
  const temp = path.join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    // 0600: exports hold patient data; the owner can still copy them on.
    fd = fs.openSync(temp, 'wx', 0o600);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, final);
    return final;
  } catch (error) {
    if (fd !== null) ignoreErrors(() => fs.closeSync(fd as number));
    ignoreErrors(() => fs.unlinkSync(temp));
    throw error;
  }
}

function ignoreErrors(action: () => void): void {
  try {
    action();
  } catch {
    // Cleaning up after a failure: the first error is the one to report.
  }
}

/** The rename is durable only once the folder itself is flushed (not possible on Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  ignoreErrors(() => {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/** Our temp files: `.<final name>.<12 hex>.tmp` (see writeOne). */
const TEMP_FILE = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** The final name a temp file of ours was being written for, or null for any other file. */
export function tempFileTarget(name: string): string | null {
  return TEMP_FILE.exec(name)?.[1] ?? null;
}

/**
 * Removes the temp files an export killed mid-write left behind (issue 11, M6); returns their names.
 * Only our own pattern is touched; a folder that cannot be read is left alone.
 */
export function cleanExportLeftovers(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (tempFileTarget(name) === null) continue;
    ignoreErrors(() => {
      fs.unlinkSync(path.join(folder, name));
      removed.push(name);
    });
  }
  return removed;
}

/**
 * The names the files will be written under (never over an existing file), decided before anything is
 * written so the audit can name them first. Errors become an ApiError naming the folder.
 */
export function planExportFiles(folder: string, files: readonly PendingFile[]): PendingFile[] {
  try {
    if (!fs.statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    const taken = new Set<string>();
    return files.map((file) => ({ name: freeName(folder, file.name, taken), data: file.data }));
  } catch (error) {
    throw exportWriteError(error, folder);
  }
}

/** Writes every (planned) file or none; errors become an ApiError naming the folder and what to do. */
export function writeExportFiles(folder: string, files: readonly PendingFile[]): ExportedFile[] {
  const written: ExportedFile[] = [];
  try {
    for (const file of files) {
      const finalPath = writeOne(folder, file.name, file.data);
      written.push({ path: finalPath, bytes: file.data.length });
    }
    syncFolder(folder);
    return written;
  } catch (error) {
    for (const file of written) ignoreErrors(() => fs.unlinkSync(file.path));
    throw exportWriteError(error, folder);
  }
}

export function exportWriteError(error: unknown, folder: string): ApiError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const none = 'Nothing was exported.';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ApiError(
        'FORBIDDEN',
        `ConsultDeck may not write to the export folder ${folder}. Choose another folder in Settings or ask for write access. ${none}`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new ApiError(
        'DISK_FULL',
        `The disk of the export folder ${folder} is full. Free some space, then export again. ${none}`,
      );
    case 'ENOENT':
      return new ApiError(
        'NOT_FOUND',
        `The export folder ${folder} does not exist (any more). Was a drive removed? Choose a folder in Settings. ${none}`,
      );
    case 'ENOTDIR':
      return new ApiError(
        'NOT_FOUND',
        `The export folder ${folder} is not a folder. Choose a folder in Settings. ${none}`,
      );
    default:
      console.error('[consultdeck] export write failed', error);
      return new ApiError(
        'INTERNAL',
        `The export could not be written to ${folder} (${code ?? 'unknown error'}). ${none}`,
      );
  }
}

/**
 * A folder chosen in Settings must exist and take a file now, when it is
 * saved, not at the first export in a consultation. Checked by writing and
 * removing a small probe file (permissions alone do not tell about read-only
 * mounts or network shares).
 */
export function checkExportFolder(
  folder: string,
  field = 'exportFolder',
  unchanged = ' The settings were not changed.',
): void {
  const refuse = (why: string): never => {
    throw new ApiError('VALIDATION', `The export folder ${folder} ${why}${unchanged}`, field);
  };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    return refuse('does not exist. Create it first, or choose another folder.');
  }
  if (!stat.isDirectory()) refuse('is not a folder.');
  const probe = path.join(folder, `.consultdeck-write-check-${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx', 0o600));
  } catch {
    return refuse('cannot be written to by ConsultDeck. Choose another folder or ask for write access.');
  }
  ignoreErrors(() => fs.unlinkSync(probe));
}

/** Where exports go now: the folder of the settings, or `exports` in the data folder. Creates nothing. */
export function exportDestination(setting: string, dataDir: string): string {
  return setting !== '' ? setting : path.join(dataDir, 'exports');
}

/** The file, if it is an existing file inside the export destination: the only files "Show in folder" shows. */
export function exportedFileInside(file: string, destination: string): string | null {
  const resolved = path.resolve(file);
  const relative = path.relative(path.resolve(destination), resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  try {
    return fs.statSync(resolved).isFile() ? resolved : null;
  } catch {
    return null;
  }
}

/**
 * Writes rendered files into the export folder (the setting, or the data folder's default), all or none. The
 * audit names them twice (issue 11, M6): `export.started` before the first byte, then `export` or
 * `export.failed`, each with the planned file names added to `detail`; `audit` writes those rows.
 */
export function writeAuditedFiles(
  target: { setting: string; dataDir: string },
  pending: readonly PendingFile[],
  detail: string,
  audit: (action: 'export.started' | 'export' | 'export.failed', detail: string) => void,
): ExportedFile[] {
  let folder = target.setting;
  try {
    folder = exportFolder(target.setting, target.dataDir);
  } catch (error) {
    throw exportWriteError(error, folder || target.dataDir);
  }
  cleanExportLeftovers(folder);
  const planned = planExportFiles(folder, pending);
  const named = `${detail} files=${planned.map((f) => f.name).join(',')}`;
  // The intent is durable before the first byte of any file is written.
  audit('export.started', named);
  let files: ExportedFile[];
  try {
    files = writeExportFiles(folder, planned);
  } catch (error) {
    // writeExportFiles removed what it had written: the intent gets its outcome.
    audit('export.failed', named);
    throw error;
  }
  audit('export', named);
  return files;
}

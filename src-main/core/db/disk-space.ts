/** Free space, asked of the file system before a copy that might not fit. */
import fs from 'node:fs';

/** Bytes an unprivileged process may still write in the folder's file system (null if unknown). */
export function freeBytes(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Raised before a copy starts when it cannot fit: nothing was written. */
export class DiskSpaceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiskSpaceError';
  }
}

/** Room kept free beyond the copy itself, so the store's own next writes still land. */
export const HEADROOM_BYTES = 2 * 1024 * 1024;

/** Throws DiskSpaceError when `bytes` (plus headroom) does not fit in dir's file system. */
export function ensureRoom(dir: string, bytes: number, what: string): void {
  const free = freeBytes(dir);
  if (free !== null && free < bytes + HEADROOM_BYTES) {
    throw new DiskSpaceError(
      `There is not enough free disk space for ${what}: it needs ${megabytes(bytes + HEADROOM_BYTES)}, ` +
        `${megabytes(free)} is free. Nothing was changed. Free some space and try again.`,
    );
  }
}

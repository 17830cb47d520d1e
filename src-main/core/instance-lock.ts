/**
 * One ConsultDeck per data folder, in browser mode and in the desktop app alike (both take this lock,
 * so an Electron app and a browser-mode host on one folder block each other). Two instances on one
 * folder would each confirm saves, and a restore under a running one splits the record between two files. The lock is a file created
 * exclusively (`wx`: the OS decides who wins a race) holding the owner's pid and port, so the second
 * host can name the first. A lock left by a crash is found stale when its pid no longer runs.
 * Chosen over `proper-lockfile` (mkdir + an mtime refreshed on a timer): that gives neither the pid
 * nor the port for the message, and a busy event loop can let its lock look stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE } from './db/private-files.js';

export const LOCK_FILE = 'consultdeck.lock';

export interface LockOwner {
  pid: number;
  port: number | null;
  startedAt: string;
}

export class InstanceLockedError extends Error {
  readonly owner: LockOwner;
  constructor(dataDir: string, owner: LockOwner) {
    const where = owner.port ? ` at http://127.0.0.1:${owner.port}/` : '';
    super(
      `ConsultDeck is already running on the data folder ${dataDir} (process ${owner.pid}${where}, ` +
        `started ${owner.startedAt}). Use that window, or close it first.`,
    );
    this.name = 'InstanceLockedError';
    this.owner = owner;
  }
}

export interface InstanceLock {
  /** Records the port once the host listens, so a second launch can point to it. */
  setPort(port: number): void;
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof value.pid === 'number'
      ? { pid: value.pid, port: value.port ?? null, startedAt: value.startedAt ?? '?' }
      : null;
  } catch {
    return null;
  }
}

/** The running owner of the folder's lock, or null when there is none (or it is stale). */
export function lockOwner(dataDir: string): LockOwner | null {
  const owner = readOwner(path.join(dataDir, LOCK_FILE));
  return owner && owner.pid !== process.pid && isRunning(owner.pid) ? owner : null;
}

/** Takes the folder's lock or throws InstanceLockedError naming the instance that holds it. */
export function acquireInstanceLock(dataDir: string, now = new Date()): InstanceLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockOwner = { pid: process.pid, port: null, startedAt: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', PRIVATE_FILE_MODE);
      fs.writeSync(fd, JSON.stringify(mine));
      fs.closeSync(fd);
      return {
        setPort(port) {
          mine.port = port;
          fs.writeFileSync(file, JSON.stringify(mine), { mode: PRIVATE_FILE_MODE });
        },
        release() {
          // Only our own lock: never one a later instance took after a stale-lock cleanup.
          if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      // A half-written lock (owner null) is a crash between create and write: stale too.
      if (owner && owner.pid !== process.pid && isRunning(owner.pid)) throw new InstanceLockedError(dataDir, owner);
      console.error(`[consultdeck] removing a stale lock left by process ${owner?.pid ?? '?'}`);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}: another ConsultDeck starts at the same moment.`);
}

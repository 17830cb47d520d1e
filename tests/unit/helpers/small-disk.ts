/**
 * A real small file system (tmpfs) for disk-pressure tests: mounting one needs root (as on the CI
 * machines). Where it does not work, `mountSmallDisk` returns null and the test says it was skipped.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Fills the disk until at most `leaveBytes` remain free. */
  fill(leaveBytes?: number): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMb: number): SmallDisk | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0700`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    fill(leaveBytes = 0) {
      const stats = fs.statfsSync(dir);
      const free = Number(stats.bavail) * Number(stats.bsize);
      const size = Math.max(0, free - leaveBytes);
      const fd = fs.openSync(path.join(dir, 'filler.bin'), 'w');
      try {
        const chunk = Buffer.alloc(64 * 1024);
        for (let written = 0; written < size; written += chunk.length) {
          fs.writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
        }
      } catch {
        // ENOSPC: full, as asked.
      } finally {
        fs.closeSync(fd);
      }
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const SKIP_NO_MOUNT = 'skipped: cannot mount a tmpfs here (needs root)';

/**
 * Issue 11, M3: the desktop app and a browser-mode host on one data folder
 * block each other. Electron's own single-instance lock only sees other
 * Electron instances, so the app also takes the data folder's lock
 * (core/instance-lock.ts), the one the host takes. The "host" here is a real
 * second process taking that lock with the host's code.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appRoot } from '../../helpers/test-core.js';
import { takeDataFolderLock } from '../../../../src-main/electron/single-instance.js';

vi.mock('electron', () => ({}));

const LOCK_MODULE = path.join(appRoot, 'src-main/core/instance-lock.ts');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/**
 * A browser-mode host's lock step in its own process: takes the folder's lock and records its port,
 * as host/cli.ts does, then waits; or, when the folder is taken, prints the refusal and exits 4.
 */
function hostProcess(dataDir: string, port: number): { child: ChildProcess; outcome: Promise<string> } {
  const script = `
    import { acquireInstanceLock, InstanceLockedError } from ${JSON.stringify(LOCK_MODULE)};
    try {
      acquireInstanceLock(${JSON.stringify(dataDir)}).setPort(${port});
      process.stdout.write('locked\\n');
      setInterval(() => undefined, 1000);
    } catch (error) {
      if (!(error instanceof InstanceLockedError)) throw error;
      process.stdout.write('refused: ' + error.message + '\\n');
      process.exit(4);
    }`;
  const child = spawn(process.execPath, ['--import', 'tsx/esm', '--input-type=module', '-e', script], {
    cwd: appRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const outcome = new Promise<string>((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', () => resolve(out.trim()));
  });
  return { child, outcome };
}

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-folder-lock-'));
const refusal = () => ({ showErrorBox: vi.fn(), quit: vi.fn() });

describe('the desktop app takes the data folder lock too', () => {
  it('does not start on a folder a browser-mode host holds, and says which host', async () => {
    const dataDir = tempDir();
    const host = hostProcess(dataDir, 43210);
    expect(await host.outcome).toBe('locked');
    const refuse = refusal();
    expect(takeDataFolderLock(dataDir, refuse)).toBeNull();
    expect(refuse.quit).toHaveBeenCalledOnce();
    const [title, message] = refuse.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('ConsultDeck is already running on this data folder');
    expect(message).toContain(`already running on the data folder ${dataDir}`);
    expect(message).toContain(`process ${host.child.pid} at http://127.0.0.1:43210/`);
    // The host's lock is untouched.
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'consultdeck.lock'), 'utf8'))).toMatchObject({
      pid: host.child.pid,
      port: 43210,
    });
  }, 30_000);

  it('blocks a browser-mode host while it runs, and lets it start once the app has quit', async () => {
    const dataDir = tempDir();
    const refuse = refusal();
    const lock = takeDataFolderLock(dataDir, refuse);
    expect(lock).not.toBeNull();
    expect(refuse.showErrorBox).not.toHaveBeenCalled();

    const blocked = hostProcess(dataDir, 43211);
    expect(await blocked.outcome).toBe(
      `refused: ConsultDeck is already running on the data folder ${dataDir} (process ${process.pid}, ` +
        `started ${JSON.parse(fs.readFileSync(path.join(dataDir, 'consultdeck.lock'), 'utf8')).startedAt}). ` +
        'Use that window, or close it first.',
    );

    lock?.release();
    expect(await hostProcess(dataDir, 43212).outcome).toBe('locked');
  }, 30_000);
});

/**
 * M3: one host per data folder. A second host (or a restore) on a folder in use exits with a message
 * naming the running one, and changes nothing; a lock left by a killed host does not block a start.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, repoRoot, startHost, test } from './fixtures.js';

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'out/host/cli.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

test('a second host on the same data folder, or a restore under it, exits naming the running one', async () => {
  const first = await startHost();
  try {
    const dbFile = path.join(first.dataDir, 'consultdeck.sqlite');
    const port = new URL(first.origin).port;
    const second = await runCli(['--port', '0', '--data-dir', first.dataDir]);
    expect(second.code).toBe(4);
    expect(second.stderr).toContain(`already running on the data folder ${first.dataDir}`);
    expect(second.stderr).toContain(`process ${first.process.pid}`);
    expect(second.stderr).toContain(`http://127.0.0.1:${port}/`);
    // The restore is refused too, before it touches a file.
    const before = fs.readdirSync(first.dataDir).sort();
    const inode = fs.statSync(dbFile).ino;
    const restore = await runCli(['--port', '0', '--data-dir', first.dataDir, '--from-backup', 'latest']);
    expect(restore.code).toBe(4);
    expect(fs.statSync(dbFile).ino).toBe(inode);
    expect(fs.readdirSync(first.dataDir).sort()).toEqual(before);
    // The first host still answers.
    const answer = await fetch(`${first.origin}/api/presentation.get`, {
      method: 'POST',
      headers: { 'x-consultdeck-token': first.doctorToken },
      body: '{}',
    });
    expect(((await answer.json()) as { ok: boolean }).ok).toBe(true);
  } finally {
    await first.stop();
  }
});

test('a lock left by a killed host does not stop the next start', async () => {
  const first = await startHost();
  await first.stop('SIGKILL');
  expect(fs.existsSync(path.join(first.dataDir, 'consultdeck.lock'))).toBe(true);
  const next = await startHost(first.dataDir);
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(first.dataDir, 'consultdeck.lock'), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(next.process.pid);
  } finally {
    await next.stop();
  }
  // A clean stop removes the lock.
  expect(fs.existsSync(path.join(first.dataDir, 'consultdeck.lock'))).toBe(false);
});

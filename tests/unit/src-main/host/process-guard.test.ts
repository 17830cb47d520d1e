import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('an error no handler caught is logged and the host keeps serving', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/guarded-server.ts')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
      child.once('exit', (code) => reject(new Error(`the server ended (${code}): ${stderr}`)));
    });
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    expect(await answer.text()).toBe('still here');
    expect(stderr).toContain('unexpected error, still serving: Error: a stray stream error');
    expect(stderr).toContain('unhandled rejection, still serving: a promise nobody awaited');
  } finally {
    child.kill();
  }
});

/**
 * Browser mode's launch codes (H2), Origin checks and per-port cookies (lows), WebSocket backpressure
 * and stream errors (M2): each a way the old host gave access or died.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_HEADER } from '../../../../src-shared/envelope.js';
import { LaunchCodes, LAUNCH_CODE_TTL_MS } from '../../../../src-main/host/launch-codes.js';
import { startHost, type Host } from '../../../../src-main/host/server.js';
import { sendFile } from '../../../../src-main/host/static-files.js';
import { BUFFERED_BYTES_CAP } from '../../../../src-main/host/socket-guards.js';
import { createTokens, type RunTokens } from '../../../../src-main/host/tokens.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

let t: TestCore;
let tokens: RunTokens;
let host: Host;
let clock = 0;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET', body?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathAndQuery, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const pathOf = (url: string): string => {
  const u = new URL(url);
  return u.pathname + u.search;
};

function cookieOf(answer: Answer): string {
  return (([] as string[]).concat(answer.headers['set-cookie'] ?? [])[0] ?? '').split(';')[0] as string;
}

beforeAll(async () => {
  t = makeTestCore();
  tokens = createTokens();
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-launch-'));
  for (const role of ['doctor', 'patient']) {
    fs.mkdirSync(path.join(rendererDir, role));
    fs.writeFileSync(path.join(rendererDir, role, 'index.html'), `<title>${role} page</title>`);
  }
  host = await startHost({ core: t.core, tokens, rendererDir, port: 0, codes: new LaunchCodes(() => clock) });
});

afterAll(async () => {
  await host.close();
  t.close();
});

describe('one-time launch codes', () => {
  it('a launch address opens its window once; read again (from ps or history) it grants nothing', async () => {
    const url = host.launchUrl('doctor');
    const first = await get(pathOf(url));
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/doctor/');
    const cookie = cookieOf(first);
    expect(cookie).toBe(`consultdeck-${host.port}-doctor=${tokens.doctor}`);
    const second = await get(pathOf(url));
    expect(second.status).toBe(401);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(second.body).toMatch(/used or has expired/);
    // The window that used it goes on: a reload is let in by its cookie, and so are its calls.
    expect((await get('/doctor/', { cookie })).status).toBe(200);
    const call = await get('/api/presentation.get', { cookie, [TOKEN_HEADER]: 'doctor' }, 'POST', '{}');
    expect(JSON.parse(call.body)).toMatchObject({ ok: true });
  });

  it('an expired code grants nothing', async () => {
    const url = host.launchUrl('doctor');
    clock += LAUNCH_CODE_TTL_MS;
    const answer = await get(pathOf(url));
    expect(answer.status).toBe(401);
    expect(answer.headers['set-cookie']).toBeUndefined();
    const fresh = host.launchUrl('doctor');
    clock += LAUNCH_CODE_TTL_MS - 1;
    expect((await get(pathOf(fresh))).status).toBe(303);
  });

  it('a role name without its cookie, or with the other role cookie, grants nothing', async () => {
    const patientCookie = cookieOf(await get(pathOf(host.launchUrl('patient'))));
    const asDoctor = await get(
      '/api/presentation.next',
      { cookie: patientCookie, [TOKEN_HEADER]: 'doctor' },
      'POST',
      '{}',
    );
    expect(asDoctor.status).toBe(401);
    const bare = await get('/api/presentation.get', { [TOKEN_HEADER]: 'patient' }, 'POST', '{}');
    expect(bare.status).toBe(401);
  });
});

describe('Origin', () => {
  it('refuses calls and sockets from a page of another local port, even with the session cookie', async () => {
    const cookie = cookieOf(await get(pathOf(host.launchUrl('doctor'))));
    const foreign = `http://127.0.0.1:${host.port + 1}`;
    const before = t.core.services.presentation.state.revision;
    const call = await get(
      '/api/presentation.next',
      { cookie, [TOKEN_HEADER]: 'doctor', origin: foreign, 'content-type': 'text/plain' },
      'POST',
      '{}',
    );
    expect(call.status).toBe(401);
    expect(t.core.services.presentation.state.revision).toBe(before);
    const ours = await get(
      '/api/presentation.get',
      { cookie, [TOKEN_HEADER]: 'doctor', origin: `http://127.0.0.1:${host.port}` },
      'POST',
      '{}',
    );
    expect(ours.status).toBe(200);
    const outcome = (origin: string) =>
      new Promise<string | number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?t=doctor`, { headers: { cookie, origin } });
        ws.on('open', () => {
          ws.terminate();
          resolve('open');
        });
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('error', () => resolve('error'));
      });
    expect(await outcome(foreign)).toBe(401);
    expect(await outcome('http://evil.example')).toBe(401);
    expect(await outcome(`http://127.0.0.1:${host.port}`)).toBe('open');
  });
});

describe('backpressure', () => {
  it('closes a window that stops reading, and host memory stays within +50 MB', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?t=${tokens.patient}`);
    await new Promise((resolve) => ws.on('open', resolve));
    // The window stops reading: nothing more leaves the kernel's buffers.
    const raw = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const closed = new Promise<number>((resolve) => ws.on('close', (code: number) => resolve(code)));
    const rssBefore = process.memoryUsage().rss;
    const state = t.core.services.presentation.state;
    let peak = 0;
    // A drawing on the slide makes each push ~40 KB: 5 000 pushes are ~200 MB unread without a cap.
    const stroke = { colour: 'red' as const, points: Array.from({ length: 2000 }, () => [0.123456789, 0.987654321]) };
    for (let i = 0; i < 5_000; i++) {
      t.core.services.emit('presentation.changed', { ...state, strokes: [stroke] } as typeof state);
      if (i % 100 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        peak = Math.max(peak, process.memoryUsage().rss - rssBefore);
      }
    }
    peak = Math.max(peak, process.memoryUsage().rss - rssBefore);
    console.log(`slow consumer: host memory peak +${(peak / 1024 / 1024).toFixed(1)} MB over 5 000 pushes of ~40 KB`);
    // The window reads again: it finds its socket closed by the host (and reconnects, resyncing).
    raw.resume();
    expect(await closed).toBe(1006);
    peak = Math.max(peak, process.memoryUsage().rss - rssBefore);
    expect(peak).toBeLessThan(50 * 1024 * 1024);
    expect(BUFFERED_BYTES_CAP).toBeLessThan(50 * 1024 * 1024);
    // A window that reads is still served.
    const answer = await get('/api/presentation.get', { [TOKEN_HEADER]: tokens.doctor }, 'POST', '{}');
    expect(answer.status).toBe(200);
  });
});

describe('file streams', () => {
  let server: http.Server;
  let port = 0;
  let target = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-stream-'));
  beforeAll(async () => {
    server = http.createServer((_req, res) => sendFile(res, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetchStatus = (): Promise<string | number> =>
    new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve('cut'));
      });
      req.on('error', () => resolve('cut'));
    });

  it('answers 404 for a file renamed away between the check and the read, and keeps serving', async () => {
    const file = path.join(dir, 'picture.svg');
    fs.writeFileSync(file, '<svg/>');
    target = file;
    fs.renameSync(file, `${file}.moved`);
    expect(await fetchStatus()).toBe(404);
    target = `${file}.moved`;
    expect(await fetchStatus()).toBe(200);
  });

  it('survives a file that cannot be read (a folder where the file was: as root every file is readable)', async () => {
    const uncaught = vi.fn();
    process.on('uncaughtException', uncaught);
    try {
      target = fs.mkdtempSync(path.join(dir, 'folder-'));
      const outcome = await fetchStatus();
      expect(['cut', 500]).toContain(outcome);
      target = `${dir}/missing.svg`;
      expect(await fetchStatus()).toBe(404);
    } finally {
      process.off('uncaughtException', uncaught);
    }
    expect(uncaught).not.toHaveBeenCalled();
  });

  it('keeps sending a file renamed and deleted mid-answer', async () => {
    const file = path.join(dir, 'large.pdf');
    fs.writeFileSync(file, Buffer.alloc(8 * 1024 * 1024, 1));
    target = file;
    const received = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
          let bytes = 0;
          res.on('data', (chunk: Buffer) => {
            if (bytes === 0) {
              fs.renameSync(file, `${file}.gone`);
              fs.rmSync(`${file}.gone`);
            }
            bytes += chunk.length;
          });
          res.on('end', () => resolve(bytes));
        })
        .on('error', reject);
    });
    expect(received).toBe(8 * 1024 * 1024);
    expect(await fetchStatus()).toBe(404);
  });
});

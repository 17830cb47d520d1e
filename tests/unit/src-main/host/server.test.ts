import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { calls, callNames, type PresentationState } from '../../../../src-shared/contract/index.js';
import { MAX_MESSAGE_BYTES, TOKEN_HEADER, type CallResult } from '../../../../src-shared/envelope.js';
import { startHost, type Host } from '../../../../src-main/host/server.js';
import { createTokens, type RunTokens } from '../../../../src-main/host/tokens.js';
import { makeTestCore, type TestCore } from '../../helpers/test-core.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Request {
  method?: string;
  /** Sent as is: no normalising of `..` or percent escapes. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Host header; `null` sends none. */
  host?: string | null;
}

let t: TestCore;
let tokens: RunTokens;
let host: Host;
let rendererDir: string;
let listenedOn: net.AddressInfo | string | null = null;

function send(request: Request): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.host !== null) headers.host = request.host ?? `127.0.0.1:${host.port}`;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: request.method ?? 'GET',
        path: request.path,
        headers,
        setHost: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

function callApi(name: string, input: unknown, token: string | undefined, extra: Partial<Request> = {}) {
  return send({
    method: 'POST',
    path: `/api/${name}`,
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { [TOKEN_HEADER]: token }) },
    body: JSON.stringify(input),
    ...extra,
  });
}

async function result(answer: Promise<Answer>): Promise<CallResult<unknown>> {
  const { status, headers, body } = await answer;
  expect(status).toBe(200);
  expect(headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(body) as CallResult<unknown>;
}

/** Everything a refused request could have changed: the database files, its rows, the state. */
function snapshot(): Record<string, unknown> {
  const db = t.core.services.db;
  const file = path.join(t.dataDir, 'consultdeck.sqlite');
  const hash = (name: string) =>
    fs.existsSync(name) ? createHash('sha256').update(fs.readFileSync(name)).digest('hex') : null;
  return {
    main: hash(file),
    wal: hash(`${file}-wal`),
    slideViews: db.prepare('SELECT count(*) AS n FROM slide_views').get(),
    audit: db.prepare('SELECT count(*) AS n FROM audit_log').get(),
    state: t.core.services.presentation.state,
    pushes: t.pushes.length,
  };
}

/** The outcome of a WebSocket upgrade: 'open', or the HTTP status / error that refused it. */
function upgrade(pathAndQuery: string, headers: Record<string, string> = {}): Promise<string | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${pathAndQuery}`, { headers });
    ws.on('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on('error', (error) => resolve(`error: ${error.message}`));
  });
}

function openSocket(token: string): Promise<{ ws: WebSocket; messages: unknown[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?t=${encodeURIComponent(token)}`);
    const messages: unknown[] = [];
    ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8'))));
    ws.on('open', () => resolve({ ws, messages }));
    ws.on('error', reject);
  });
}

/** The session cookie a launch code gives (`name=value`). */
async function sessionCookie(role: 'doctor' | 'patient' = 'doctor'): Promise<string> {
  const page = await send({ path: new URL(host.launchUrl(role)).pathname + new URL(host.launchUrl(role)).search });
  expect(page.status).toBe(303);
  const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0] ?? '';
  return cookie.split(';')[0] as string;
}
const assetCookie = (): Promise<string> => sessionCookie('doctor');

const wrongTokens = (): string[] => [
  randomBytes(32).toString('base64url'),
  '',
  'null',
  'undefined',
  'doctor',
  `${tokens.doctor}x`,
  tokens.doctor.slice(0, -1),
  tokens.doctor.toUpperCase() === tokens.doctor ? tokens.doctor.toLowerCase() : tokens.doctor.toUpperCase(),
  `consultdeck-${tokens.doctor}`,
  `Bearer ${tokens.doctor}`,
  `${tokens.doctor}, ${tokens.doctor}`,
];

beforeAll(async () => {
  t = makeTestCore();
  tokens = createTokens();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-host-'));
  rendererDir = path.join(root, 'renderer');
  for (const role of ['doctor', 'patient']) {
    fs.mkdirSync(path.join(rendererDir, role), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, role, 'index.html'), `<!doctype html><title>${role} page</title>`);
  }
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  // Beside the renderer folder, not inside it: must never be served.
  fs.writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');
  const createServer = vi.spyOn(http, 'createServer');
  host = await startHost({ core: t.core, tokens, rendererDir, port: 0 });
  const server = createServer.mock.results[0]?.value as http.Server | undefined;
  listenedOn = server?.address() ?? null;
  createServer.mockRestore();
});

afterAll(async () => {
  await host.close();
  t.close();
});

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only, on the port it reports', async () => {
    expect(host.port).toBeGreaterThan(0);
    expect(listenedOn).toEqual({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.launchUrl('doctor')).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/doctor/\\?code=[\\w-]{43}$`),
    );
    expect(host.launchUrl('patient')).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/patient/\\?code=[\\w-]{43}$`),
    );
    // No long-lived secret in a launch address.
    expect(host.launchUrl('doctor')).not.toContain(tokens.doctor);
    // Not reachable on the machine's other addresses.
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((entry): entry is os.NetworkInterfaceInfo => entry !== undefined && !entry.internal)
      .map((entry) => entry.address);
    for (const address of ['::1', ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: address, port: host.port });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('answers 401 to 100 calls without a token and 100 with a wrong one, changing nothing', async () => {
    const before = snapshot();
    const wrong = wrongTokens();
    const answers = await Promise.all([
      ...Array.from({ length: 50 }, () => callApi('presentation.get', {}, undefined)),
      ...Array.from({ length: 50 }, () => callApi('presentation.next', {}, undefined)),
      ...Array.from({ length: 50 }, (_, i) => callApi('presentation.get', {}, wrong[i % wrong.length])),
      ...Array.from({ length: 50 }, (_, i) => callApi('presentation.next', {}, wrong[i % wrong.length])),
    ]);
    expect(answers).toHaveLength(200);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).not.toContain('revision');
    }
    expect(snapshot()).toEqual(before);
  });

  it('does not take the token from the URL for calls, nor accept the session cookie without the role it proves', async () => {
    const before = snapshot();
    const cookie = await assetCookie();
    const inQuery = await send({ method: 'POST', path: `/api/presentation.next?t=${tokens.doctor}`, body: '{}' });
    const withCookie = await send({
      method: 'POST',
      path: '/api/presentation.next',
      headers: { cookie },
      body: '{}',
    });
    expect([inQuery.status, withCookie.status]).toEqual([401, 401]);
    expect(snapshot()).toEqual(before);
  });

  it('refuses 100 WebSocket upgrades without a token or with a wrong one', async () => {
    const wrong = wrongTokens();
    const outcomes = await Promise.all([
      ...Array.from({ length: 50 }, () => upgrade('/events')),
      ...Array.from({ length: 50 }, (_, i) =>
        upgrade(`/events?t=${encodeURIComponent(wrong[i % wrong.length] ?? '')}`),
      ),
    ]);
    expect(outcomes).toHaveLength(100);
    expect(outcomes.filter((outcome) => outcome === 'open')).toEqual([]);
    expect(new Set(outcomes)).toEqual(new Set([401]));
  });

  it('refuses a WebSocket with a good token on another path or from another host name', async () => {
    expect(await upgrade(`/api/presentation.get?t=${tokens.doctor}`)).toBe(401);
    expect(await upgrade(`/events?t=${tokens.doctor}`, { host: `evil.example:${host.port}` })).toBe(401);
  });

  it('runs a call with the doctor token', async () => {
    const answer = await result(callApi('presentation.get', {}, tokens.doctor));
    expect(answer).toMatchObject({ ok: true, value: { playlist: expect.arrayContaining(['osteoporosis']) } });
  });

  it('answers FORBIDDEN to the patient token on every doctor-only call, and lets it read the presentation', async () => {
    const before = snapshot();
    const doctorOnly = callNames.filter((name) => !calls[name].roles.includes('patient'));
    expect(doctorOnly.length).toBeGreaterThan(10);
    for (const name of doctorOnly) {
      expect(await result(callApi(name, {}, tokens.patient)), name).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(snapshot()).toEqual(before);
    const read = await result(callApi('presentation.get', {}, tokens.patient));
    expect(read.ok).toBe(true);
    const deck = (await result(callApi('decks.get', { id: 'osteoporosis', language: 'en' }, tokens.patient))) as {
      ok: true;
      value: { slides: Array<{ notes: string }> };
    };
    expect(deck.value.slides.length).toBeGreaterThan(0);
    expect(deck.value.slides.every((slide) => slide.notes === '')).toBe(true);
  });

  it.each([
    ['another name', () => `evil.example:${host.port}`],
    ['a rebinding name', () => `localhost.evil.example:${host.port}`],
    ['another port', () => `127.0.0.1:${host.port + 1}`],
    ['no port', () => '127.0.0.1'],
    ['an IPv6 loopback', () => `[::1]:${host.port}`],
    ['0.0.0.0', () => `0.0.0.0:${host.port}`],
  ])('answers 421 to a Host header with %s, even with good credentials', async (_label, hostHeader) => {
    const before = snapshot();
    const call = await callApi('presentation.next', {}, tokens.doctor, { host: hostHeader() });
    const page = await send({
      path: `/doctor/?code=${new URL(host.launchUrl('doctor')).searchParams.get('code')}`,
      host: hostHeader(),
    });
    expect(call.status).toBe(421);
    expect(page.status).toBe(421);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(snapshot()).toEqual(before);
  });

  it('refuses a request without a Host header', async () => {
    const answer = await send({
      path: `/doctor/?code=${new URL(host.launchUrl('doctor')).searchParams.get('code')}`,
      host: null,
    });
    expect([400, 421]).toContain(answer.status);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('accepts localhost:<port> as the Host', async () => {
    const answer = await result(callApi('presentation.get', {}, tokens.doctor, { host: `localhost:${host.port}` }));
    expect(answer.ok).toBe(true);
  });

  it('answers TOO_LARGE to a body over MAX_MESSAGE_BYTES, changing nothing', async () => {
    const before = snapshot();
    const stroke = { colour: 'red', points: Array.from({ length: 2000 }, () => [0.123456789, 0.987654321]) };
    let body = JSON.stringify({ stroke, padding: 'x'.repeat(MAX_MESSAGE_BYTES) });
    body = body.slice(0, MAX_MESSAGE_BYTES + 1024);
    const answer = await result(
      send({
        method: 'POST',
        path: '/api/presentation.addStroke',
        headers: { [TOKEN_HEADER]: tokens.doctor, 'content-type': 'application/json' },
        body,
      }),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
    expect(snapshot()).toEqual(before);
  });

  it('accepts a body of exactly MAX_MESSAGE_BYTES', async () => {
    const body = `{}${' '.repeat(MAX_MESSAGE_BYTES - 2)}`;
    expect(Buffer.byteLength(body)).toBe(MAX_MESSAGE_BYTES);
    const answer = await result(
      send({ method: 'POST', path: '/api/presentation.get', headers: { [TOKEN_HEADER]: tokens.doctor }, body }),
    );
    expect(answer.ok).toBe(true);
  });

  it('answers VALIDATION to a body that is not JSON', async () => {
    const before = snapshot();
    for (const body of ['{', 'not json', '{"blank": black}', "{'blank':'black'}"]) {
      const answer = await result(
        send({
          method: 'POST',
          path: '/api/presentation.setBlank',
          headers: { [TOKEN_HEADER]: tokens.doctor },
          body,
        }),
      );
      expect(answer, body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(snapshot()).toEqual(before);
  });

  it('answers 405 to a call made with GET', async () => {
    const answer = await send({ path: '/api/presentation.next', headers: { [TOKEN_HEADER]: tokens.doctor } });
    expect(answer.status).toBe(405);
  });

  it('serves each page only with its own role session, given for a launch code as a strict HttpOnly per-port cookie', async () => {
    const codeOf = (role: 'doctor' | 'patient') => new URL(host.launchUrl(role)).searchParams.get('code') ?? '';
    expect((await send({ path: '/doctor/' })).status).toBe(401);
    expect((await send({ path: `/doctor/?t=${tokens.doctor}` })).status).toBe(401);
    expect((await send({ path: `/doctor/?code=${codeOf('patient')}` })).status).toBe(401);
    const exchange = await send({ path: `/patient/?code=${codeOf('patient')}` });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/patient/');
    const cookie = ([] as string[]).concat(exchange.headers['set-cookie'] ?? []).join('\n');
    expect(cookie).toContain(`consultdeck-${host.port}-patient=${tokens.patient}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send({ path: '/patient/', headers: { cookie: cookie.split(';')[0] as string } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('patient page');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    // The patient's session does not open the console.
    expect((await send({ path: '/doctor/', headers: { cookie: cookie.split(';')[0] as string } })).status).toBe(401);
  });

  it('serves static files and deck assets only with a session cookie of this port', async () => {
    const cookie = await assetCookie();
    expect((await send({ path: '/assets/app.js' })).status).toBe(401);
    expect(
      (await send({ path: '/assets/app.js', headers: { cookie: `consultdeck-${host.port}-doctor=wrong` } })).status,
    ).toBe(401);
    // The same session under another port's name (another ConsultDeck, or any local service's cookie).
    const otherPort = cookie.replace(`consultdeck-${host.port}-`, `consultdeck-${host.port + 1}-`);
    expect((await send({ path: '/assets/app.js', headers: { cookie: otherPort } })).status).toBe(401);
    const script = await send({ path: '/assets/app.js', headers: { cookie } });
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log("app");');
    const svg = await send({ path: '/decks/osteoporosis/assets/t-score-scale.svg', headers: { cookie } });
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml');
  });

  it.each([
    '/decks/osteoporosis/../../package.json',
    '/decks/osteoporosis/assets/../en.md',
    '/decks/osteoporosis/..%2fen.md',
    '/decks/osteoporosis/assets/..%2f..%2fen.md',
    '/decks/osteoporosis/assets/%2e%2e/%2e%2e/%2e%2e/package.json',
    '/decks/osteoporosis/assets/..%2f..%2f..%2f..%2fpackage.json',
    '/decks/osteoporosis/%2Fetc%2Fpasswd',
    '/decks/osteoporosis/assets%2f..%2f..%2fkyphoplasty%2fen.md',
    '/decks/osteoporosis/assets/..%5c..%5cen.md',
    '/decks/osteoporosis/assets/t-score-scale.svg%00.png',
    '/decks/osteoporosis/en.md',
    '/decks/no-such-deck/assets/x.svg',
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/doctor/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/assets/%252e%252e/%252e%252e/secret.txt',
    '/assets',
    '/no-such-file.js',
    '/etc/passwd',
  ])('answers 404 to %s even with the asset cookie', async (requestPath) => {
    const cookie = await assetCookie();
    const answer = await send({ path: requestPath, headers: { cookie } });
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('TOP SECRET');
    expect(answer.body).not.toContain('Note:');
  });

  it('pushes presentation.changed to a doctor socket and a patient socket', async () => {
    const doctor = await openSocket(tokens.doctor);
    const patient = await openSocket(tokens.patient);
    try {
      const answer = (await result(callApi('presentation.next', {}, tokens.doctor))) as {
        ok: true;
        value: PresentationState;
      };
      expect(answer.ok).toBe(true);
      await vi.waitFor(() => {
        expect(doctor.messages).toHaveLength(1);
        expect(patient.messages).toHaveLength(1);
      });
      const expected = { event: 'presentation.changed', payload: answer.value };
      expect(doctor.messages[0]).toEqual(expected);
      expect(patient.messages[0]).toEqual(expected);
    } finally {
      doctor.ws.terminate();
      patient.ws.terminate();
    }
  });

  it('closes a socket that sends something other than a call', async () => {
    const before = snapshot();
    // The call frame is defined once (src-shared/envelope.ts `socketCallSchema`); anything else closes the socket.
    const frames = [
      'not json',
      JSON.stringify({ name: 'presentation.next', input: {} }),
      JSON.stringify({ id: -1, name: 'presentation.next', input: {} }),
      JSON.stringify({ id: 1.5, name: 'presentation.next', input: {} }),
      JSON.stringify({ id: 1, name: '', input: {} }),
      JSON.stringify({ id: 1, name: 'x'.repeat(101), input: {} }),
    ];
    for (const message of frames) {
      const { ws } = await openSocket(tokens.doctor);
      const code = await new Promise<number>((resolve) => {
        ws.on('close', (closeCode: number) => resolve(closeCode));
        ws.send(message);
      });
      expect(code, message).toBe(1008);
    }
    expect(snapshot()).toEqual(before);
  });

  it('closes a socket whose message is over MAX_MESSAGE_BYTES without an uncaught error, and keeps serving', async () => {
    // An uncaught error here would end the host process (browser mode) for every window.
    const uncaught: string[] = [];
    const onUncaught = (error: Error): void => {
      uncaught.push(String(error));
    };
    process.on('uncaughtException', onUncaught);
    try {
      const before = snapshot();
      const { ws } = await openSocket(tokens.patient);
      const code = await new Promise<number>((resolve) => {
        ws.on('close', (closeCode: number) => resolve(closeCode));
        ws.on('error', () => undefined);
        ws.send(JSON.stringify({ id: 1, name: 'presentation.get', input: { pad: 'x'.repeat(MAX_MESSAGE_BYTES) } }));
      });
      expect(code).toBe(1009);
      expect(snapshot()).toEqual(before);
      expect((await result(callApi('presentation.get', {}, tokens.doctor))).ok).toBe(true);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });

  it("answers calls over a socket with the socket's role: the patient socket cannot steer", async () => {
    const patient = await openSocket(tokens.patient);
    try {
      const before = snapshot();
      patient.ws.send(JSON.stringify({ id: 7, name: 'presentation.next', input: {} }));
      patient.ws.send(JSON.stringify({ id: 8, name: 'presentation.get', input: {} }));
      await vi.waitFor(() => expect(patient.messages).toHaveLength(2));
      expect(patient.messages[0]).toMatchObject({ id: 7, result: { ok: false, error: { code: 'FORBIDDEN' } } });
      expect(patient.messages[1]).toMatchObject({ id: 8, result: { ok: true } });
      expect(snapshot()).toEqual(before);
    } finally {
      patient.ws.terminate();
    }
  });
});

/** A browser-mode host (src-main/host/server.ts) in front of a fuzz world, with an HTTP and a WebSocket client. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { Role } from '../../../src-shared/contract/index.js';
import { MAX_MESSAGE_BYTES, TOKEN_HEADER, type CallResult } from '../../../src-shared/envelope.js';
import type { Core } from '../../../src-main/core/create-core.js';
import { startHost, type Host } from '../../../src-main/host/server.js';
import { createTokens, type RunTokens } from '../../../src-main/host/tokens.js';

export interface WireAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface FuzzHost {
  host: Host;
  tokens: RunTokens;
  /** POST /api/<name> with this exact body text. */
  post(name: string, body: string, role?: Role): Promise<WireAnswer>;
  /** A WebSocket of this role; `call` sends a message text and waits for the answer with that id. */
  socket(role?: Role): Promise<FuzzSocket>;
  close(): Promise<void>;
}

export interface FuzzSocket {
  /** The answer, or `{ closed: code }` when the host closed the socket instead. */
  send(id: number, text: string): Promise<{ result: CallResult<unknown> } | { closed: number }>;
  readonly open: boolean;
  close(): void;
}

let sharedRendererDir: string | null = null;

function rendererDir(): string {
  if (sharedRendererDir) return sharedRendererDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-fuzz-renderer-'));
  for (const role of ['doctor', 'patient']) {
    fs.mkdirSync(path.join(dir, role), { recursive: true });
    fs.writeFileSync(path.join(dir, role, 'index.html'), `<!doctype html><title>${role}</title>`);
  }
  sharedRendererDir = dir;
  return dir;
}

const ANSWER_TIMEOUT_MS = 10_000;

export async function startFuzzHost(core: Core): Promise<FuzzHost> {
  const tokens = createTokens();
  const host = await startHost({ core, tokens, rendererDir: rendererDir(), port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<WebSocket>();

  const post = (name: string, body: string, role: Role = 'doctor'): Promise<WireAnswer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: `/api/${encodeURIComponent(name).replace(/%2E/gi, '.')}`,
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: tokens[role] },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(ANSWER_TIMEOUT_MS, () =>
        req.destroy(new Error(`no answer to ${name} in ${ANSWER_TIMEOUT_MS} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });

  const socket = (role: Role = 'doctor'): Promise<FuzzSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?t=${encodeURIComponent(tokens[role])}`, {
        maxPayload: 64 * MAX_MESSAGE_BYTES,
      });
      sockets.add(ws);
      const waiting = new Map<number, (answer: { result: CallResult<unknown> } | { closed: number }) => void>();
      let closedWith: number | null = null;
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: CallResult<unknown> };
        if (typeof message.id !== 'number') return; // a push
        const done = waiting.get(message.id);
        waiting.delete(message.id);
        done?.({ result: message.result as CallResult<unknown> });
      });
      ws.on('close', (code: number) => {
        closedWith = code;
        sockets.delete(ws);
        for (const done of waiting.values()) done({ closed: code });
        waiting.clear();
      });
      ws.on('error', () => undefined);
      ws.on('open', () =>
        resolve({
          get open() {
            return closedWith === null && ws.readyState === WebSocket.OPEN;
          },
          send(id, text) {
            return new Promise((answer, fail) => {
              if (closedWith !== null) {
                answer({ closed: closedWith });
                return;
              }
              const timer = setTimeout(() => {
                waiting.delete(id);
                fail(new Error(`no answer to socket call ${id} in ${ANSWER_TIMEOUT_MS} ms`));
              }, ANSWER_TIMEOUT_MS);
              waiting.set(id, (value) => {
                clearTimeout(timer);
                answer(value);
              });
              ws.send(text);
            });
          },
          close() {
            ws.terminate();
          },
        }),
      );
      ws.once('unexpected-response', () => reject(new Error('WebSocket refused')));
    });

  return {
    host,
    tokens,
    post,
    socket,
    async close() {
      for (const ws of sockets) ws.terminate();
      agent.destroy();
      await host.close();
    },
  };
}

/** Small helpers shared by the benchmarks: percentiles, a Chromium launcher, a static server. */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { contentType, resolveInside } from '../src-main/host/static-files.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src-main/host/chromium-flags.js';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export function summary(values: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: Math.max(...values),
  };
}

export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Two windows measured side by side: neither may be throttled as a background one.
    args: [
      ...CHROMIUM_ARGS,
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ],
  });
}

/** Serves files from a folder on 127.0.0.1 (for the baselines). */
export async function serveFolder(
  root: string,
  extra: Record<string, string> = {},
): Promise<{ url: string; close(): void }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = extra[url.pathname];
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      return;
    }
    const file = resolveInside(root, url.pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file) });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export const repoRoot = path.resolve(import.meta.dirname, '..');

/** One figure of a benchmark, next to its same-run baseline and its goal, for `npm run bench`'s table. */
export interface BenchFigure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  goal?: string;
  met?: boolean;
  /** The machine's 1-minute load average when the figure was recorded (timings on a shared machine are noisy). */
  load?: number;
}

/** Appends figures to the file named by BENCH_RESULTS (set by `npm run bench`); a no-op otherwise. */
export function record(...figures: BenchFigure[]): void {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  const load = os.loadavg()[0];
  fs.appendFileSync(file, figures.map((f) => JSON.stringify({ load, ...f })).join('\n') + '\n');
}

/**
 * Starts browser mode (the built host) on a temp data folder and gives each
 * test a doctor console and a patient screen in separate browser contexts,
 * as they are separate windows in the app (one context's hidden tab would be
 * throttled).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Browser, type Page } from '@playwright/test';
import { DoctorConsole } from './page-models/doctor-console.js';
import { PatientScreen } from './page-models/patient-screen.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface RunningHost {
  process: ChildProcess;
  dataDir: string;
  /** What the host wrote on stderr so far (Node's inspector prints its address there). */
  stderr(): string;
  /** The two addresses the host printed at start (one-time: the fixtures' own windows use them). */
  doctorUrl: string;
  patientUrl: string;
  /** A fresh one-time address, asked of the host on its stdin as a person would by pressing Enter. */
  url(role: 'doctor' | 'patient'): Promise<string>;
  origin: string;
  /** The session token of each role (read from the cookie a launch code gave), for calls from the tests. */
  doctorToken: string;
  patientToken: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startHost(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-e2e-')),
  /** A fixed port (0: any free one); a host restarted on its port keeps the windows' sessions. */
  port = 0,
  /** Options for Node itself (bench:soak opens the inspector to measure the host's heap). */
  nodeOptions: string[] = [],
): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    [...nodeOptions, path.join(repoRoot, 'out/host/cli.js'), '--port', String(port), '--data-dir', dataDir],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  // Every address line the host prints, in order; `next` waits for the following one.
  const urlLines: string[] = [];
  let seen = 0;
  let wake: (() => void) | null = null;
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const lines = output.split('\n');
    output = lines.pop() ?? '';
    urlLines.push(...lines.filter((l) => l.includes('http')));
    wake?.();
  });
  const exitedEarly = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${errors}`))),
  );
  exitedEarly.catch(() => undefined);
  const next = async (): Promise<string> => {
    while (urlLines.length <= seen) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), exitedEarly]);
    return (urlLines[seen++] as string).replace(/^[^:]+: /, '').trim();
  };
  const doctorUrl = await next();
  const patientUrl = await next();
  // One request at a time, so each answer line belongs to its question.
  let queue = Promise.resolve('');
  const url = (role: 'doctor' | 'patient'): Promise<string> =>
    (queue = queue.then(() => {
      child.stdin?.write(`${role}\n`);
      return next();
    }));
  const tokenOf = async (role: 'doctor' | 'patient'): Promise<string> => {
    const answer = await fetch(await url(role), { redirect: 'manual' });
    const cookie = answer.headers.get('set-cookie') ?? '';
    return /^[^=]+=([^;]+)/.exec(cookie)?.[1] ?? '';
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    dataDir,
    doctorUrl,
    patientUrl,
    url,
    stderr: () => errors,
    origin: new URL(doctorUrl).origin,
    doctorToken: await tokenOf('doctor'),
    patientToken: await tokenOf('patient'),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Console messages and CSP violations seen by a page. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export const test = base.extend<{ host: RunningHost; doctor: DoctorConsole; patient: PatientScreen }>({
  // Playwright requires the object pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  doctor: async ({ browser, host }, use) => {
    const page = await openPage(browser, await host.url('doctor'));
    const doctor = new DoctorConsole(page);
    await doctor.ready();
    await use(doctor);
    await page.context().close();
  },
  patient: async ({ browser, host }, use) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(await host.url('patient'));
    await use(new PatientScreen(page));
    await context.close();
  },
});

export { expect } from '@playwright/test';

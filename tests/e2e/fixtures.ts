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
  doctorUrl: string;
  patientUrl: string;
  origin: string;
  doctorToken: string;
  patientToken: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startHost(
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-e2e-')),
): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'out/main/src-main/host/cli.js'), '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = await new Promise<string[]>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.split('\n').filter((l) => l.includes('http'));
      if (found.length >= 2) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${errors}`)));
  });
  const doctorUrl = (lines[0] ?? '').replace('Doctor console: ', '').trim();
  const patientUrl = (lines[1] ?? '').replace('Patient screen: ', '').trim();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    dataDir,
    doctorUrl,
    patientUrl,
    origin: new URL(doctorUrl).origin,
    doctorToken: new URL(doctorUrl).searchParams.get('t') ?? '',
    patientToken: new URL(patientUrl).searchParams.get('t') ?? '',
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
    const page = await openPage(browser, host.doctorUrl);
    const doctor = new DoctorConsole(page);
    await doctor.ready();
    await use(doctor);
    await page.context().close();
  },
  patient: async ({ browser, host }, use) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(host.patientUrl);
    await use(new PatientScreen(page));
    await context.close();
  },
});

export { expect } from '@playwright/test';

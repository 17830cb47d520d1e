/**
 * `npm run bench:start`: browser mode from process start to the doctor console
 * being interactive and the patient screen ready, median of 10 cold runs (a new
 * host process and a new Chromium each time, the build step excluded), once
 * with the bundled decks only and once with 50 extra clinic decks in the data
 * folder. It also says where the time goes: opening the database with its
 * checks, loading the deck library, the host being ready, first paint.
 *
 * Baseline in the same run: the same Chromium opening a plain static page on a
 * plain Node server (the floor any browser-mode app pays on this machine).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { openDatabase } from '../src-main/core/db/open.js';
import { createDeckLibrary } from '../src-main/core/decks/library.js';
import { readVersion } from '../src-main/host/paths.js';
import { fmt, launchChromium, percentile, record, repoRoot, serveFolder } from './lib.js';

const RUNS = Number(process.env.BENCH_START_RUNS ?? 10);
const EXTRA_DECKS = 50;
const GOAL_MS = 1500;

interface StartSample {
  hostReady: number;
  browserLaunched: number;
  /** Both windows' contexts and pages created (Playwright's cost as much as Chromium's). */
  pagesOpened: number;
  consoleFirstPaint: number;
  consoleInteractive: number;
  patientReady: number;
  total: number;
  console: PagePhases;
  patient: PagePhases;
}

/**
 * Notes, inside the page, when the console's controls and playlist or the patient's idle page or slide first
 * exist in the DOM, and \`shown\` once the frame after that has been painted (a requestAnimationFrame callback
 * runs just before the paint, a task queued from it runs after). Playwright's own waiting sees them later, by
 * the round trips to the page, most of all on a loaded machine.
 */
const DOM_READY_WATCH = `(() => {
  const marks = (window.__startMarks = {});
  const afterPaint = () => requestAnimationFrame(() => setTimeout(() => (marks.shown = performance.now())));
  const seen = (name, selector) => {
    if (marks[name] === undefined && document.querySelector(selector)) marks[name] = performance.now();
  };
  new MutationObserver(() => {
    seen('controls', '[role=toolbar][aria-label="Presentation controls"]');
    seen('playlist', '[aria-label="Playlist"] button');
    seen('patient', '[data-testid=idle], [data-rendered-slide]:not([data-rendered-slide=""])');
    const ready = marks.patient !== undefined || (marks.controls !== undefined && marks.playlist !== undefined);
    if (ready && marks.ready === undefined) {
      marks.ready = performance.now();
      afterPaint();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered-slide'] });
})()`;

type Marks = { __startMarks: Partial<Record<'controls' | 'playlist' | 'patient' | 'ready' | 'shown', number>> };
/** The window's first screen is in the DOM and painted (marked by DOM_READY_WATCH); runs inside the page. */
const SHOWN = (): boolean => (window as unknown as Marks).__startMarks.shown !== undefined;

/** A window's own phases, from its Navigation/Resource/Paint timing, in ms since the run's start. */
interface PagePhases {
  /** The navigation began (the launch-code redirect included). */
  navigation: number;
  /** The page's HTML has arrived. */
  html: number;
  /** The last script and style file the page's start needs has arrived (not the chunks loaded later). */
  assets: number;
  /** The module scripts have run (DOMContentLoaded ends after them): parse and evaluation done, app mounted. */
  scriptsRun: number;
  firstPaint: number;
  /** Console: controls and playlist; patient: the idle page or a slide; in the DOM and painted (NaN if not seen). */
  readyInPage: number;
}

/** Starts the built host; resolves with the two printed addresses and the ms it took. */
async function spawnHost(
  dataDir: string,
  t0: number,
): Promise<{ urls: string[]; ready: number; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'out/host/cli.js'), '--port', '0', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const urls = await new Promise<string[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = [...output.matchAll(/(http:\/\/127\.0\.0\.1:\d+\/\S+)/g)].map((m) => m[1] as string);
      if (found.length >= 2) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${errors}`)));
  });
  const ready = performance.now() - t0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    urls,
    ready,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The page's phases as wall-clock times, less the run's start (NaN for a phase the page did not report). */
async function phasesOf(page: Page, t0Wall: number): Promise<PagePhases> {
  const raw = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const assets = performance.getEntriesByType('resource').filter(
      (r) =>
        r.name.includes('/assets/') &&
        (r.name.endsWith('.js') || r.name.endsWith('.css')) &&
        (!nav || r.startTime < nav.domContentLoadedEventStart),
    );
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const at = (ms) => (ms === undefined || ms === null ? null : performance.timeOrigin + ms);
    return {
      navigation: at(0),
      html: at(nav?.responseEnd),
      assets: at(assets.length ? Math.max(...assets.map((r) => r.responseEnd)) : undefined),
      scriptsRun: at(nav?.domContentLoadedEventEnd),
      firstPaint: at(fcp?.startTime),
      readyInPage: at(window.__startMarks.shown),
    };
  })()`)) as Record<keyof PagePhases, number | null>;
  const rel = (value: number | null): number => (value === null ? NaN : value - t0Wall);
  return {
    navigation: rel(raw.navigation),
    html: rel(raw.html),
    assets: rel(raw.assets),
    scriptsRun: rel(raw.scriptsRun),
    firstPaint: rel(raw.firstPaint),
    readyInPage: rel(raw.readyInPage),
  };
}

async function oneRun(dataDir: string): Promise<StartSample> {
  const t0Wall = Date.now();
  const t0 = performance.now();
  const host = await spawnHost(dataDir, t0);
  let browser: Browser | null = null;
  try {
    const chromium = await launchChromium();
    browser = chromium;
    const browserLaunched = performance.now() - t0;
    const [doctorUrl, patientUrl] = host.urls as [string, string];
    // Both windows open at once, as `npm start` launches its two windows and Electron creates its two.
    const openWindow = async (viewport: { width: number; height: number }): Promise<Page> => {
      const context = await chromium.newContext({ viewport });
      await context.addInitScript(DOM_READY_WATCH);
      return context.newPage();
    };
    const [doctor, patient] = await Promise.all([
      openWindow({ width: 1440, height: 900 }),
      openWindow({ width: 1920, height: 1080 }),
    ]);
    const pagesOpened = performance.now() - t0;
    // Each wait starts as soon as the page is committed and checks the page's own marks on every animation
    // frame. Before, it began after the load event and Playwright's script injection, and a locator's wait
    // re-checks after 20, 50, 100, 100 and then every 500 ms: those gaps (about 200 ms) were counted as start-up.
    const consoleReady = (async () => {
      await doctor.goto(doctorUrl, { waitUntil: 'commit' });
      // Interactive: the presenting controls are there and the deck list has loaded.
      await doctor.waitForFunction(SHOWN, undefined, { polling: 'raf' });
      return performance.now() - t0;
    })();
    const patientReady = (async () => {
      await patient.goto(patientUrl, { waitUntil: 'commit' });
      await patient.waitForFunction(SHOWN, undefined, { polling: 'raf' });
      return performance.now() - t0;
    })();
    const [consoleInteractive, patientDone] = await Promise.all([consoleReady, patientReady]);
    const consolePhases = await phasesOf(doctor, t0Wall);
    return {
      hostReady: host.ready,
      browserLaunched,
      pagesOpened,
      console: consolePhases,
      patient: await phasesOf(patient, t0Wall),
      consoleFirstPaint: consolePhases.firstPaint,
      consoleInteractive,
      patientReady: patientDone,
      total: Math.max(consoleInteractive, patientDone),
    };
  } finally {
    await browser?.close();
    await host.stop();
  }
}

/** The floor: a plain Node static server and the same Chromium opening one static page. */
async function baselineRun(): Promise<number> {
  const t0 = performance.now();
  const server = await serveFolder(repoRoot, { '/': '<!doctype html><title>baseline</title><p>ready</p>' });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.getByText('ready').waitFor();
    return performance.now() - t0;
  } finally {
    await browser.close();
    server.close();
  }
}

function addExtraDecks(dataDir: string): void {
  const bundled = ['osteoporosis', 'vertebral-fracture', 'conservative-care', 'kyphoplasty', 'augmentation-risks'];
  for (let i = 0; i < EXTRA_DECKS; i += 1) {
    const source = bundled[i % bundled.length] as string;
    const id = `clinic-${source}-${i}`;
    const target = path.join(dataDir, 'decks', id);
    fs.cpSync(path.join(repoRoot, 'slides', source), target, { recursive: true });
    for (const file of fs.readdirSync(target).filter((f) => f.endsWith('.md'))) {
      const full = path.join(target, file);
      fs.writeFileSync(full, fs.readFileSync(full, 'utf8').replace(/^id: .*$/m, `id: ${id}`));
    }
  }
}

/** Where the time goes inside the host, measured in this process on the same files. */
function breakdown(dataDir: string): { dbOpen: number; deckList: number; deckGet: number } {
  let started = performance.now();
  const db = openDatabase({
    file: path.join(dataDir, 'consultdeck.sqlite'),
    migrationsDir: path.join(repoRoot, 'db'),
    backupsDir: path.join(dataDir, 'backups'),
    now: () => new Date(),
  });
  const dbOpen = performance.now() - started;
  db.close();
  // As the host builds it: the listing cache the measured starts left in the data folder.
  const library = createDeckLibrary({
    bundledDir: path.join(repoRoot, 'slides'),
    userDir: path.join(dataDir, 'decks'),
    listingCacheFile: path.join(dataDir, 'cache', 'deck-listing.json'),
    version: readVersion(repoRoot),
  });
  started = performance.now();
  library.list();
  const deckList = performance.now() - started;
  started = performance.now();
  library.get('kyphoplasty', 'en', { withNotes: true });
  const deckGet = performance.now() - started;
  return { dbOpen, deckList, deckGet };
}

const med = (values: number[]): number => percentile(values, 50);

interface Measured {
  total: number;
  hostReady: number;
  firstPaint: number;
  dbOpen: number;
  deckList: number;
}

async function measure(label: string, dataDir: string): Promise<Measured> {
  // A first start creates and migrates the database; the measured ones open an existing one.
  await oneRun(dataDir);
  const samples: StartSample[] = [];
  for (let i = 0; i < RUNS; i += 1) samples.push(await oneRun(dataDir));
  const pick = (key: Exclude<keyof StartSample, 'console' | 'patient'>): number => med(samples.map((s) => s[key]));
  const phase = (window: 'console' | 'patient', key: keyof PagePhases): string =>
    fmt(med(samples.map((s) => s[window][key])));
  const inside = breakdown(dataDir);
  console.log(`${label}: median of ${RUNS} cold starts`);
  console.log(`  host ready (URLs printed)           ${fmt(pick('hostReady'))}`);
  console.log(`    of which database open + checks   ${fmt(inside.dbOpen)}`);
  console.log(
    `    deck library listing (first use)  ${fmt(inside.deckList)} (on the first decks.list call, from the listing cache)`,
  );
  console.log(`    one deck rendered (kyphoplasty)   ${fmt(inside.deckGet)}`);
  console.log(`  Chromium launched                   ${fmt(pick('browserLaunched'))}`);
  console.log(`  both pages opened (contexts, tabs)  ${fmt(pick('pagesOpened'))}`);
  for (const window of ['console', 'patient'] as const) {
    const name = window.padEnd(7);
    console.log(`  ${name} navigation started          ${phase(window, 'navigation')}`);
    console.log(`  ${name} HTML arrived                ${phase(window, 'html')}`);
    console.log(`  ${name} scripts and styles arrived  ${phase(window, 'assets')}`);
    console.log(`  ${name} scripts run (DOMContentLoaded) ${phase(window, 'scriptsRun')}`);
    console.log(`  ${name} first contentful paint      ${phase(window, 'firstPaint')}`);
    console.log(`  ${name} ready, seen in the page      ${phase(window, 'readyInPage')}`);
  }
  console.log(`  console first paint                 ${fmt(pick('consoleFirstPaint'))}`);
  console.log(`  console interactive                 ${fmt(pick('consoleInteractive'))}`);
  console.log(`  patient screen ready                ${fmt(pick('patientReady'))}`);
  const total = pick('total');
  console.log(`  both windows ready                  ${fmt(total)}  (goal < ${GOAL_MS} ms)`);
  const inPage = med(samples.map((s) => Math.max(s.console.readyInPage, s.patient.readyInPage)));
  console.log(`  both windows ready, seen in the pages ${fmt(inPage)}  (without Playwright's polling)`);
  return {
    total,
    hostReady: pick('hostReady'),
    firstPaint: pick('consoleFirstPaint'),
    dbOpen: inside.dbOpen,
    deckList: inside.deckList,
  };
}

const plainDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bench-start-'));
const extraDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-bench-start-extra-'));
try {
  addExtraDecks(extraDir);
  const baselines: number[] = [];
  await baselineRun();
  for (let i = 0; i < RUNS; i += 1) baselines.push(await baselineRun());
  const plainRun = await measure('bundled decks only', plainDir);
  const extraRun = await measure(`with ${EXTRA_DECKS} extra clinic decks`, extraDir);
  const plain = plainRun.total;
  const extra = extraRun.total;
  const floor = med(baselines);
  console.log(`baseline: plain server + Chromium + one static page, median ${fmt(floor)}`);
  console.log(
    `bench:start — ConsultDeck ${fmt(plain)} (baseline ${fmt(floor)}, +${fmt(plain - floor)}); with ${EXTRA_DECKS} extra decks ${fmt(extra)} (${extra > plain ? '+' : ''}${fmt(extra - plain)})`,
  );
  record(
    {
      bench: 'start',
      figure: 'cold start to both windows ready (median)',
      value: plain,
      unit: 'ms',
      baseline: { label: 'plain server + Chromium + static page', value: floor },
      goal: `< ${GOAL_MS} ms`,
      met: plain < GOAL_MS,
    },
    {
      bench: 'start',
      figure: `cold start with ${EXTRA_DECKS} extra decks (median)`,
      value: extra,
      unit: 'ms',
      baseline: { label: 'bundled decks only', value: plain },
      goal: `< ${GOAL_MS} ms`,
      met: extra < GOAL_MS,
    },
    // Where the time goes, with the extra decks: the host's own start, then the console's first paint.
    {
      bench: 'start',
      figure: `  host ready, ${EXTRA_DECKS} extra decks (median)`,
      value: extraRun.hostReady,
      unit: 'ms',
      baseline: { label: 'bundled decks only', value: plainRun.hostReady },
    },
    {
      bench: 'start',
      figure: '  of which database open + checks',
      value: extraRun.dbOpen,
      unit: 'ms',
    },
    {
      bench: 'start',
      figure: `  deck listing, ${EXTRA_DECKS} extra decks (first decks.list)`,
      value: extraRun.deckList,
      unit: 'ms',
      baseline: { label: 'bundled decks only', value: plainRun.deckList },
    },
    {
      bench: 'start',
      figure: `  console first paint, ${EXTRA_DECKS} extra decks (median)`,
      value: extraRun.firstPaint,
      unit: 'ms',
      baseline: { label: 'bundled decks only', value: plainRun.firstPaint },
    },
  );
} finally {
  fs.rmSync(plainDir, { recursive: true, force: true });
  fs.rmSync(extraDir, { recursive: true, force: true });
}

/**
 * `npm run bench:soak`: a clinic day compressed into minutes — 20
 * consultations opened and closed, 1 000 slide changes pressed in the doctor
 * console and shown on the patient screen, 500 note saves, 50 PDF exports —
 * with the memory of the host and of both windows at the start (after a
 * warm-up consultation) and at the end. Goal: less than 10 % growth.
 *
 * Baseline in the same run: the same windows left open and idle for the
 * same number of consultations' worth of pushes (no slide changes, saves or
 * exports), which shows what the browser and Node do on their own.
 */
import fs from 'node:fs';
import { WebSocket } from 'ws';
import type { CDPSession, Page } from '@playwright/test';
import { startHost, type RunningHost } from '../tests/e2e/fixtures.js';
import { launchChromium, record } from './lib.js';

const CONSULTATIONS = Number(process.env.SOAK_CONSULTATIONS ?? 20);
const SLIDE_CHANGES = 1000;
const NOTE_SAVES = 500;
const EXPORTS = 50;
const GOAL_GROWTH = 0.1;

/**
 * The host's JavaScript heap in MiB after a full garbage collection, through Node's inspector (the host is
 * started with it on a loopback port for this benchmark only), as the windows' heaps are measured. Its
 * resident size alone moved by ±8 % between runs with the same work: it holds whatever garbage the last
 * export left, and the memory the allocator keeps.
 */
async function hostHeapAfterGc(host: RunningHost): Promise<number> {
  const address = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(host.stderr())?.[0];
  if (!address) throw new Error('the host printed no inspector address');
  const socket = new WebSocket(address);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let id = 0;
  const send = (method: string): Promise<Record<string, number>> =>
    new Promise((resolve) => {
      id += 1;
      const mine = id;
      const onMessage = (data: Buffer): void => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: Record<string, number> };
        if (message.id !== mine) return;
        socket.off('message', onMessage);
        resolve(message.result ?? {});
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method }));
    });
  try {
    await send('HeapProfiler.collectGarbage');
    const { usedSize } = await send('Runtime.getHeapUsage');
    return (usedSize ?? NaN) / 2 ** 20;
  } finally {
    socket.close();
  }
}

/** Resident memory of the host process in MiB (Linux /proc). */
function hostRss(host: RunningHost): number {
  const status = fs.readFileSync(`/proc/${host.process.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN) / 1024;
}

/** A window's JavaScript heap in MiB after a full garbage collection. */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** DOM nodes and listeners a window holds (a leak of either grows these). */
async function domCounts(cdp: CDPSession): Promise<{ nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { nodes: get('Nodes'), listeners: get('JSEventListeners') };
}

async function call(host: RunningHost, name: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-consultdeck-token': host.doctorToken },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}

interface Snapshot {
  host: number;
  hostHeap: number;
  doctorHeap: number;
  patientHeap: number;
  doctorNodes: number;
  patientNodes: number;
}

async function snapshot(host: RunningHost, doctor: CDPSession, patient: CDPSession): Promise<Snapshot> {
  const [doctorHeap, patientHeap, d, p] = [
    await heapAfterGc(doctor),
    await heapAfterGc(patient),
    await domCounts(doctor),
    await domCounts(patient),
  ];
  const hostHeap = await hostHeapAfterGc(host);
  return { host: hostRss(host), hostHeap, doctorHeap, patientHeap, doctorNodes: d.nodes, patientNodes: p.nodes };
}

let deckId = '';
let slideIds: string[] = [];

async function consultation(host: RunningHost, patientPage: Page, index: number): Promise<void> {
  const patient = (await call(host, 'patients.create', {
    code: `SOAK-${index}`,
    birthDate: '1944',
    sex: 'female',
  })) as { id: string };
  const started = (await call(host, 'consultations.start', { patientId: patient.id })) as { id: string };
  const perConsultation = Math.ceil(SLIDE_CHANGES / CONSULTATIONS);
  const saves = Math.ceil(NOTE_SAVES / CONSULTATIONS);
  const exportsEach = Math.ceil(EXPORTS / CONSULTATIONS);
  await call(host, 'presentation.start', {});
  let text = '';
  // Each save is based on the revision the previous one answered, as in the console.
  let notesRevision = 0;
  for (let i = 0; i < perConsultation; i += 1) {
    // A slide change as the console asks for it; the patient screen must show that very slide.
    const slideIndex = (index * perConsultation + i) % slideIds.length;
    await call(host, 'presentation.goto', { deckId, slideIndex });
    await patientPage.waitForFunction(
      (id) => document.querySelector('[data-testid="patient-screen"]')?.getAttribute('data-rendered-slide') === id,
      slideIds[slideIndex],
    );
    if (i % Math.floor(perConsultation / saves) === 0) {
      text += `Visit ${index}, line ${i}: discussed the next step calmly.\n`;
      const saved = await call(host, 'notes.save', {
        consultationId: started.id,
        body: text,
        baseRevision: notesRevision,
      });
      notesRevision = (saved as { revision: number }).revision;
    }
  }
  for (let i = 0; i < exportsEach; i += 1) {
    await call(host, 'exports.create', { consultationIds: [started.id], kind: 'clinician-pdf', pseudonymize: false });
  }
  await call(host, 'consultations.close', { id: started.id });
}

const host = await startHost(undefined, 0, ['--inspect=127.0.0.1:0']);
const browser = await launchChromium();
try {
  const doctorPage = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const patientPage = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await patientPage.goto(await host.url('patient'));
  await doctorPage.goto(await host.url('doctor'));
  await doctorPage.getByRole('toolbar', { name: 'Presentation controls' }).waitFor();
  const doctorCdp = await doctorPage.context().newCDPSession(doctorPage);
  const patientCdp = await patientPage.context().newCDPSession(patientPage);
  await doctorCdp.send('Performance.enable');
  await patientCdp.send('Performance.enable');
  await call(host, 'settings.update', { physicianName: 'Dr Soak' });
  const state = (await call(host, 'presentation.get', {})) as { playlist: string[] };
  deckId = state.playlist[0] ?? '';
  const deck = (await call(host, 'decks.get', { id: deckId, language: 'en' })) as { slides: Array<{ id: string }> };
  slideIds = deck.slides.map((slide) => slide.id);

  // Warm-up: one consultation, so caches, decks and Chromium's printer are in place before the start figures.
  await consultation(host, patientPage, 0);
  const idleStart = await snapshot(host, doctorCdp, patientCdp);
  // Baseline: the windows idle for a while, only core's own pushes arriving.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idleEnd = await snapshot(host, doctorCdp, patientCdp);

  const start = await snapshot(host, doctorCdp, patientCdp);
  const began = performance.now();
  for (let i = 1; i <= CONSULTATIONS; i += 1) await consultation(host, patientPage, i);
  const minutes = (performance.now() - began) / 60_000;
  // The start figures were taken after 5 s idle (the baseline's wait); the end ones are too, so both find the
  // host's heap in the same state (Node shrinks it once work stops: right after the day's last export its
  // resident size was anywhere in a ±8 % band, the same as three days in a row showed).
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const end = await snapshot(host, doctorCdp, patientCdp);

  const growth = (a: number, b: number): number => (b - a) / a;
  const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;
  console.log(
    `bench:soak — ${CONSULTATIONS} consultations, ${SLIDE_CHANGES} slide changes, ${NOTE_SAVES} note saves, ${EXPORTS} exports in ${minutes.toFixed(1)} min`,
  );
  const rows: Array<[string, number, number, number, number]> = [
    ['host JS heap (MiB)', start.hostHeap, end.hostHeap, idleStart.hostHeap, idleEnd.hostHeap],
    ['host process RSS (MiB)', start.host, end.host, idleStart.host, idleEnd.host],
    ['doctor window JS heap (MiB)', start.doctorHeap, end.doctorHeap, idleStart.doctorHeap, idleEnd.doctorHeap],
    ['patient window JS heap (MiB)', start.patientHeap, end.patientHeap, idleStart.patientHeap, idleEnd.patientHeap],
    ['doctor window DOM nodes', start.doctorNodes, end.doctorNodes, idleStart.doctorNodes, idleEnd.doctorNodes],
    ['patient window DOM nodes', start.patientNodes, end.patientNodes, idleStart.patientNodes, idleEnd.patientNodes],
  ];
  console.log('what                              start      end     growth   (baseline: idle 5 s)');
  for (const [name, a, b, ia, ib] of rows) {
    console.log(
      `${name.padEnd(32)} ${a.toFixed(1).padStart(8)} ${b.toFixed(1).padStart(8)} ${pct(growth(a, b)).padStart(9)}   ${pct(growth(ia, ib))}`,
    );
  }
  record(
    ...rows.slice(0, 4).map(([name, a, b, ia, ib]) => ({
      bench: 'soak',
      figure: `${name} growth over the day`,
      value: growth(a, b) * 100,
      unit: '%',
      baseline: { label: 'idle windows', value: growth(ia, ib) * 100 },
      goal: `< ${GOAL_GROWTH * 100} %`,
      met: growth(a, b) < GOAL_GROWTH,
    })),
  );
} finally {
  await browser.close();
  await host.stop();
}

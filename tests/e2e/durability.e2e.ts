/**
 * Notes survive a killed host. A doctor types notes in bursts; at random
 * moments (seeded: DURABILITY_SEED=… replays a run) the test waits for the
 * console to say "Saved" and takes the text then as acknowledged; the host is
 * killed with SIGKILL at random moments, perhaps mid-burst, and restarted on
 * the same data folder. Every acknowledged text must come back; of what was
 * typed later, at most about the last second of typing may be lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect, startHost, test, type RunningHost } from './fixtures.js';
import { DoctorConsole } from './page-models/doctor-console.js';
import { RecordPanel } from './page-models/record-panel.js';

const KILLS = 10;
/** "At most the last ~1 s of typing": lost keystrokes were all typed within this long before the kill. */
const MAX_LOSS_WINDOW_MS = 1_500;
const PATIENT = { name: 'Dora Ammann', birthYear: '1939', sex: 'Female' } as const;
const WORDS = ['pain', 'L1', 'grade 2', 'kyphoplasty', 'brace', 'walks', 'stairs', 'daughter', 'night', 'fall'];

/** Small seeded generator (mulberry32): the same seed types the same text at the same moments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openDoctor(browser: Browser, host: RunningHost): Promise<{ page: Page; record: RecordPanel }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(await host.url('doctor'));
  await new DoctorConsole(page).ready();
  return { page, record: new RecordPanel(page) };
}

/** Record tab → the patient → "Continue" their draft, as after a restart (nothing is open in core). */
async function openDraft(record: RecordPanel): Promise<void> {
  await record.openTab('Record');
  await record.findOrCreatePatient(PATIENT);
  await record.earlierConsultation('Continue').click();
  await expect(record.header).toHaveAttribute('data-status', 'draft');
  await expect(record.notesStatus).toBeAttached();
}

/** The notes text, if the console says it is saved right now (read together, in one task). */
function savedText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const status = document.querySelector<HTMLElement>('[data-testid="notes-status"]');
    const notes = document.querySelector<HTMLTextAreaElement>('[data-testid="notes-body"]');
    return status?.dataset.state === 'saved' && status.textContent?.includes('Saved') ? (notes?.value ?? '') : null;
  });
}

test('notes survive a killed host', async ({ browser }) => {
  test.setTimeout(150_000);
  const seed = Number(process.env.DURABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));
  console.log(`ui durability seed ${seed} (DURABILITY_SEED=${seed} replays it)`);
  const rng = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-durability-'));
  let host = await startHost(dataDir);
  let page: Page | null = null;
  try {
    // Setup through core: a patient with a draft that is not open (as after any restart).
    const setup = await openDoctor(browser, host);
    const doctor = new DoctorConsole(setup.page);
    const created = await doctor.call('patients.create', {
      displayName: PATIENT.name,
      birthDate: PATIENT.birthYear,
      sex: 'female',
    });
    const patientId = (created.value as { id: string }).id;
    const started = await doctor.call('consultations.start', { patientId });
    await doctor.call('consultations.close', { id: (started.value as { id: string }).id });
    await setup.page.context().close();

    let acknowledgedSaves = 0;
    let lostAcknowledged = 0;
    let worstWindow = 0;
    const tooMuchLost: string[] = [];
    let opened = await openDoctor(browser, host);
    page = opened.page;
    await openDraft(opened.record);
    for (let round = 1; round <= KILLS; round += 1) {
      const { record } = opened;
      const restoredAtStart = await record.notes.inputValue();

      // The doctor types at the end of the notes.
      await record.notes.focus();
      await page.keyboard.press('Control+End');
      let text = restoredAtStart;
      const typedAt: number[] = []; // per character of `text` beyond restoredAtStart: when it was typed
      const acknowledged: string[] = [];
      let killedAt = 0;
      let killDelay = 0;
      let killer: Promise<void> | null = null;

      for (let burstIndex = 0; killedAt === 0; burstIndex += 1) {
        // A burst: a few words, typed at a human pace, finished even if the host dies meanwhile.
        const words = 1 + Math.floor(rng() * 4);
        const burst = Array.from({ length: words }, () => pick(WORDS)).join(' ') + pick([' ', ' ', '. ', '\n']);
        const delay = 20 + rng() * 50;
        for (const char of burst) {
          typedAt.push(Date.now());
          text += char;
          if (char === '\n') await page.keyboard.press('Enter');
          else await page.keyboard.type(char);
          await sleep(delay);
        }
        if (killedAt !== 0) break;
        // The first burst of a round is always acknowledged; later ones at random.
        if (burstIndex === 0 || rng() < 0.5) {
          // Wait for "Saved": the text shown then is acknowledged.
          while (killedAt === 0) {
            const saved = await savedText(page);
            if (saved !== null) {
              expect(saved).toBe(text);
              acknowledged.push(saved);
              break;
            }
            await sleep(25);
          }
        } else {
          await sleep(50 + rng() * 500);
        }
        // From then on the host dies at a random moment, typing or not.
        if (!killer) {
          killDelay = 200 + rng() * 1_800;
          const currentHost = host;
          killer = sleep(killDelay).then(async () => {
            killedAt = Date.now();
            await currentHost.stop('SIGKILL');
          });
        }
      }
      await killer;
      await page.context().close();
      page = null;

      // A new doctor page on the restarted host (new port, new token) opens the draft again.
      host = await startHost(dataDir);
      opened = await openDoctor(browser, host);
      page = opened.page;
      await openDraft(opened.record);
      const restored = await opened.record.notes.inputValue();

      const missing = acknowledged.filter((ack) => !restored.startsWith(ack));
      lostAcknowledged += missing.length;
      acknowledgedSaves += acknowledged.length;
      // Nothing but a tail of what was typed may be missing, and nothing else may appear.
      expect(text.startsWith(restored), `round ${round}: restored notes are a prefix of what was typed`).toBe(true);
      const lostIndexes = typedAt
        .map((at, i) => ({ at, i: restoredAtStart.length + i }))
        .filter((c) => c.i >= restored.length);
      const beforeKill = lostIndexes.filter((c) => c.at < killedAt);
      const window = beforeKill.length === 0 ? 0 : killedAt - Math.min(...beforeKill.map((c) => c.at));
      worstWindow = Math.max(worstWindow, window);
      const summary =
        `round ${round}: killed ${Math.round(killDelay)} ms after the first "Saved", typed ${typedAt.length} chars, ` +
        `acknowledged ${acknowledged.length}, unsaved lost ${lostIndexes.length} chars ` +
        `(${beforeKill.length} typed before the kill, over the last ${window} ms)`;
      console.log(summary);
      expect(missing, `round ${round}: acknowledged texts missing after the restart`).toEqual([]);
      if (window > MAX_LOSS_WINDOW_MS) tooMuchLost.push(summary);
    }
    console.log(`ui durability: kills ${KILLS}, acknowledged saves ${acknowledgedSaves}, lost ${lostAcknowledged}`);
    console.log(`ui durability: worst loss of unacknowledged typing: the last ${worstWindow} ms before a kill`);
    expect(acknowledgedSaves).toBeGreaterThan(0);
    // Typing that was not acknowledged yet may be lost, but only about the last second of it.
    expect(tooMuchLost, `more than the last ${MAX_LOSS_WINDOW_MS} ms of typing lost`).toEqual([]);
  } finally {
    if (page) await page.context().close();
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

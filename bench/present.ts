/**
 * `npm run bench:present`: key press in the doctor console → the patient screen
 * has handled the slide change and painted the next frame, over ≥ 200 advances,
 * with two baselines measured in the same run on the same slides:
 *  (a) stock reveal.js in one window (key press → slidechanged → next frame);
 *  (b) stock reveal.js with its speaker-notes window (key press in the notes
 *      window → the main window's slidechanged → next frame).
 * Times are wall-clock (performance.timeOrigin + now) taken inside the pages.
 */
import { startHost } from '../tests/e2e/fixtures.js';
import { fmt, launchChromium, record, repoRoot, serveFolder, summary } from './lib.js';

const ADVANCES = Number(process.env.BENCH_ADVANCES ?? 200);
const WARMUP = 10;
const stamp = 'performance.timeOrigin + performance.now()';

async function measureConsultDeck(): Promise<number[]> {
  const host = await startHost();
  const browser = await launchChromium();
  try {
    const doctor = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    const patient = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await patient.goto(await host.url('patient'));
    await doctor.goto(await host.url('doctor'));
    await doctor.getByRole('toolbar', { name: 'Presentation controls' }).waitFor();
    await doctor.evaluate(
      `window.__keys = []; window.addEventListener('keydown', () => window.__keys.push(${stamp}), true)`,
    );
    await patient.evaluate(`window.__painted = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__painted.push(e.startTime + performance.timeOrigin); })
        .observe({ entryTypes: ['mark'] });`);
    await doctor.keyboard.press('F5');
    await patient.locator('[data-rendered-slide]:not([data-rendered-slide=""])').waitFor();
    const samples: number[] = [];
    for (let i = 0; i < ADVANCES + WARMUP; i += 1) {
      const before = (await patient.evaluate('window.__painted.length')) as number;
      await doctor.keyboard.press('ArrowRight');
      await patient.waitForFunction((n) => (window as unknown as { __painted: number[] }).__painted.length > n, before);
      const [pressed, painted] = (await Promise.all([
        doctor.evaluate('window.__keys.at(-1)'),
        patient.evaluate('window.__painted.at(-1)'),
      ])) as [number, number];
      if (i >= WARMUP) samples.push(painted - pressed);
    }
    return samples;
  } finally {
    await browser.close();
    await host.stop();
  }
}

/** The same slide HTML the app shows, as plain reveal.js sections (looped). */
async function deckSections(): Promise<string> {
  const { createDeckLibrary } = await import('../src-main/core/decks/library.js');
  const library = createDeckLibrary({ bundledDir: `${repoRoot}/slides`, userDir: `${repoRoot}/out/bench-user-decks` });
  const sections: string[] = [];
  for (const id of ['osteoporosis', 'vertebral-fracture', 'conservative-care']) {
    for (const slide of library.get(id, 'en', { withNotes: true })?.slides ?? []) {
      const html = slide.html.replace(/class="fragment[^"]*"/g, '');
      sections.push(`<section>${html}<aside class="notes">${slide.notes}</aside></section>`);
    }
  }
  return sections.join('\n');
}

function stockPage(sections: string, withNotes: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/node_modules/reveal.js/dist/reveal.css">
<link rel="stylesheet" href="/node_modules/reveal.js/dist/theme/white.css"></head>
<body><div class="reveal"><div class="slides">${sections}</div></div>
<script src="/node_modules/reveal.js/dist/reveal.js"></script>
${withNotes ? '<script src="/node_modules/reveal.js/plugin/notes/notes.js"></script>' : ''}
<script>
window.__painted = [];
Reveal.initialize({ hash: false, transition: 'none', loop: true, controls: false, progress: false,
  plugins: ${withNotes ? '[RevealNotes]' : '[]'} });
Reveal.on('slidechanged', () => requestAnimationFrame(() => window.__painted.push(${stamp})));
</script></body></html>`;
}

async function measureStock(withNotes: boolean, sections: string): Promise<number[]> {
  const server = await serveFolder(repoRoot, { '/stock.html': stockPage(sections, withNotes) });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const main = await context.newPage();
    await main.goto(`${server.url}/stock.html`);
    await main.waitForFunction('Reveal.isReady()');
    let keys = main;
    if (withNotes) {
      const popup = context.waitForEvent('page');
      await main.evaluate('Reveal.getPlugin("notes").open()');
      keys = await popup;
      await keys.waitForFunction('document.querySelector("#current-slide iframe") !== null');
      await keys.waitForTimeout(1500);
    }
    await keys.evaluate(
      `window.__keys = []; window.addEventListener('keydown', () => window.__keys.push(${stamp}), true)`,
    );
    const samples: number[] = [];
    for (let i = 0; i < ADVANCES + WARMUP; i += 1) {
      const before = (await main.evaluate('window.__painted.length')) as number;
      await keys.keyboard.press('ArrowRight');
      await main.waitForFunction((n) => (window as unknown as { __painted: number[] }).__painted.length > n, before);
      const [pressed, painted] = (await Promise.all([
        keys.evaluate('window.__keys.at(-1)'),
        main.evaluate('window.__painted.at(-1)'),
      ])) as [number, number];
      if (i >= WARMUP) samples.push(painted - pressed);
    }
    return samples;
  } finally {
    await browser.close();
    server.close();
  }
}

const sections = await deckSections();
const results = {
  'ConsultDeck (console → patient screen)': await measureConsultDeck(),
  'baseline a: stock reveal.js, one window': await measureStock(false, sections),
  'baseline b: stock reveal.js speaker notes window': await measureStock(true, sections),
};
console.log(`bench:present — key press to painted slide, ${ADVANCES} advances each (after ${WARMUP} warm-up)`);
for (const [name, samples] of Object.entries(results)) {
  const s = summary(samples);
  console.log(`${name.padEnd(50)} p50 ${fmt(s.p50)}  p95 ${fmt(s.p95)}  max ${fmt(s.max)}`);
}
const ours = summary(results['ConsultDeck (console → patient screen)']);
const a = summary(results['baseline a: stock reveal.js, one window']);
const b = summary(results['baseline b: stock reveal.js speaker notes window']);
console.log(
  `p95 above baseline a: ${fmt(ours.p95 - a.p95)} (goal ≤ 16.7 ms); p95 under 50 ms: ${ours.p95 < 50 ? 'yes' : 'no'}; p95 vs baseline b: ${(ours.p95 / b.p95).toFixed(2)}×`,
);
record({
  bench: 'present',
  figure: 'key press → patient paint p95',
  value: ours.p95,
  unit: 'ms',
  baseline: { label: 'stock reveal.js, one window', value: a.p95 },
  goal: '≤ baseline + 16.7 ms',
  met: ours.p95 <= a.p95 + 16.7,
});

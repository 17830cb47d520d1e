/**
 * Takes screenshots of both windows in browser mode (for looking at the UI):
 * `npx tsx bench/screenshots.ts OUTDIR [deckId slideIndex]…`
 */
import { launchChromium } from './lib.js';
import { startHost } from '../tests/e2e/fixtures.js';

const [outDir = '/tmp/shots', ...rest] = process.argv.slice(2);
const host = await startHost();
const browser = await launchChromium();
const doctor = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
const patient = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
await doctor.goto(await host.url('doctor'));
await patient.goto(await host.url('patient'));
await doctor.waitForTimeout(800);
await doctor.keyboard.press('F5');
const targets = rest.length > 0 ? rest : ['osteoporosis', '0'];
for (let i = 0; i + 1 < targets.length; i += 2) {
  const deckId = targets[i] as string;
  const slideIndex = Number(targets[i + 1]);
  await doctor.evaluate(
    async ([d, s]) => {
      // The page's session cookie proves the role it names (see src-main/host/tokens.ts).
      const t = 'doctor';
      await fetch('/api/presentation.goto', {
        method: 'POST',
        headers: { 'x-consultdeck-token': t },
        body: JSON.stringify({ deckId: d, slideIndex: s, fragment: 20 }),
      });
    },
    [deckId, slideIndex] as const,
  );
  await patient.waitForTimeout(700);
  await patient.screenshot({ path: `${outDir}/patient-${deckId}-${slideIndex}.png` });
  await doctor.screenshot({ path: `${outDir}/doctor-${deckId}-${slideIndex}.png` });
}
await browser.close();
await host.stop();

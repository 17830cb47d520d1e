/**
 * What the doctor sees is what the patient sees: for every bundled slide, the console's live view (a laptop
 * console at 1440×900) lays out the slide's main elements where the patient screen (1920×1080) does, relative
 * to the slide. A different text width would wrap lines differently and move everything below; icon arrays
 * side by side in one and stacked in the other would show here as well.
 */
import type { Page } from '@playwright/test';
import { DoctorConsole } from './page-models/doctor-console.js';
import { PatientScreen } from './page-models/patient-screen.js';
import { expect, test } from './fixtures.js';

type Box = { what: string; x: number; y: number; w: number; h: number };

/** Largest allowed difference, as a fraction of the slide's width or height (1 % ≈ 13 px at 1280×720). */
const TOLERANCE = 0.01;

/**
 * The main elements of the slide inside `slideSelector`, each as a box relative to `frameSelector`
 * (0–1 of its width and height), in document order.
 */
function layoutOf(page: Page, slideSelector: string, frameSelector: string): Promise<Box[]> {
  return page.evaluate(
    ([slideSel, frameSel]) => {
      const slide = document.querySelector(slideSel);
      const frame = document.querySelector(frameSel);
      if (!slide || !frame) return [];
      const f = frame.getBoundingClientRect();
      const main = slide.querySelectorAll('h1, h2, h3, p, li, img, svg, table, .icon-array, .patient-spine, canvas');
      return [...main]
        .filter((el) => !el.closest('svg') || el.tagName.toLowerCase() === 'svg')
        .filter((el) => !el.parentElement?.closest('svg'))
        .map((el) => {
          const r = el.getBoundingClientRect();
          const what = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
          return {
            what,
            x: (r.left - f.left) / f.width,
            y: (r.top - f.top) / f.height,
            w: r.width / f.width,
            h: r.height / f.height,
          };
        });
    },
    [slideSelector, frameSelector] as const,
  );
}

test('the console live view lays out every bundled slide as the patient screen does', async ({ browser, host }) => {
  test.setTimeout(300_000);
  const doctorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const patientContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const doctorPage = await doctorContext.newPage();
    await doctorPage.goto(host.doctorUrl);
    const doctor = new DoctorConsole(doctorPage);
    await doctor.ready();
    const patientPage = await patientContext.newPage();
    await patientPage.goto(host.patientUrl);
    const patient = new PatientScreen(patientPage);
    await doctor.startPresenting();

    const listing = await doctor.value('decks.list', {});
    const bundled = listing.decks.filter((d) => d.source === 'bundled');
    expect(bundled.length).toBeGreaterThanOrEqual(6);
    const live = doctorPage.getByRole('img', { name: 'Live slide' });
    let compared = 0;
    const differences: string[] = [];
    for (const language of ['en', 'de'] as const) {
      await doctor.call('presentation.setLanguage', { language });
      for (const deck of bundled) {
        const slides = (await doctor.value('decks.get', { id: deck.id, language })).slides;
        for (const [slideIndex, slide] of slides.entries()) {
          await doctor.call('presentation.goto', { deckId: deck.id, slideIndex, fragment: 99 });
          await patient.expectSlide(slide.id);
          await expect(live).toHaveAttribute('data-slide-id', slide.id);
          // Pictures load asynchronously; compare once both screens have them.
          for (const page of [patientPage, doctorPage]) {
            await page.waitForFunction(() => [...document.images].every((img) => img.complete));
          }
          const onPatient = await layoutOf(
            patientPage,
            '.reveal .slides section.present[data-slide-id] .slide-frame',
            '.reveal .slides section.present[data-slide-id]',
          );
          const inConsole = await layoutOf(
            doctorPage,
            '[aria-label="Live slide"] .slide-frame',
            '[aria-label="Live slide"] .slide-frame',
          );
          const where = `${language}/${deck.id}/${slide.id}`;
          if (onPatient.length !== inConsole.length || onPatient.length === 0) {
            differences.push(
              `${where}: ${onPatient.length} elements on the patient screen, ${inConsole.length} in the console`,
            );
            continue;
          }
          onPatient.forEach((p, i) => {
            const c = inConsole[i] as Box;
            const off = Math.max(Math.abs(p.x - c.x), Math.abs(p.y - c.y), Math.abs(p.w - c.w), Math.abs(p.h - c.h));
            if (off > TOLERANCE)
              differences.push(
                `${where} ${p.what}: patient ${[p.x, p.y, p.w, p.h].map((v) => v.toFixed(3)).join(',')} console ${[c.x, c.y, c.w, c.h].map((v) => v.toFixed(3)).join(',')}`,
              );
          });
          compared += 1;
        }
      }
    }
    console.log(`compared ${compared} slides`);
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  } finally {
    await doctorContext.close();
    await patientContext.close();
  }
});

/**
 * The patient-facing decks of content part A (osteoporosis, vertebral fracture, treatment without a procedure,
 * after treatment), as a patient sees them on a 1920×1080 screen: every slide fits the screen in en, fr and de,
 * icon arrays that compare two groups stand side by side, and red is kept for harms.
 */
import { expect, test } from './fixtures.js';

const DECKS = ['osteoporosis', 'vertebral-fracture', 'conservative-care', 'after-treatment'];
const RED = 'rgb(179, 38, 30)'; // the harm colour (#b3261e)

test('every slide of the part-A decks fits a 1920×1080 patient screen, in en, fr and de', async ({
  doctor,
  patient,
}) => {
  test.setTimeout(240_000);
  await patient.page.setViewportSize({ width: 1920, height: 1080 });
  await doctor.startPresenting();
  const overflowing: string[] = [];
  for (const language of ['en', 'fr', 'de'] as const) {
    await doctor.call('presentation.setLanguage', { language });
    for (const deckId of DECKS) {
      const slides = (await doctor.value('decks.get', { id: deckId, language })).slides;
      for (const [slideIndex, slide] of slides.entries()) {
        await doctor.call('presentation.goto', { deckId, slideIndex, fragment: 99 });
        await patient.expectSlide(slide.id);
        // Pictures loaded and components drawn before measuring.
        await patient.page.waitForFunction(() =>
          [...document.querySelectorAll<HTMLImageElement>('section.present img')].every((img) => img.complete),
        );
        const box = await patient.currentSlide.evaluate((section) => {
          const parts = [...section.querySelectorAll('.slide-frame > *')].map((el) => el.getBoundingClientRect());
          return {
            top: Math.min(...parts.map((r) => r.top)),
            bottom: Math.max(...parts.map((r) => r.bottom)),
            height: window.innerHeight,
          };
        });
        if (box.top < 0 || box.bottom > box.height) {
          overflowing.push(`${language}/${deckId}/${slide.id}: ${Math.round(box.top)}..${Math.round(box.bottom)}`);
        }
      }
    }
  }
  expect(overflowing).toEqual([]);
});

test('two icon arrays that compare groups stand side by side; good news is not red, harms are', async ({
  doctor,
  patient,
}) => {
  await patient.page.setViewportSize({ width: 1920, height: 1080 });
  await doctor.startPresenting();
  const slides = (await doctor.value('decks.get', { id: 'conservative-care', language: 'en' })).slides;
  const show = async (slideId: string): Promise<void> => {
    await doctor.call('presentation.goto', {
      deckId: 'conservative-care',
      slideIndex: slides.findIndex((s) => s.id === slideId),
      fragment: 99,
    });
    await patient.expectSlide(slideId);
  };
  const dots = (nth: number) =>
    patient.currentSlide
      .locator('.icon-array')
      .nth(nth)
      .evaluate((el) => [...el.querySelectorAll(':scope > svg circle')].map((c) => getComputedStyle(c).fill));

  // Pain relief with cement and with a pretend procedure: good outcomes, side by side, in a calm colour.
  await show('recovery-with-cement');
  const arrays = patient.currentSlide.locator('.icon-array');
  await expect(arrays).toHaveCount(2);
  const [left, right] = [await arrays.nth(0).boundingBox(), await arrays.nth(1).boundingBox()];
  expect(left && right && Math.abs(left.y - right.y) < 2 && right.x > left.x + left.width).toBe(true);
  for (const nth of [0, 1]) expect(await dots(nth)).not.toContain(RED);
  await expect(arrays.nth(0)).toContainText('about 44 in 100');

  // New fractures with and without a bone medicine: harms, in red, as many red dots as the label says.
  await show('bone-medicines');
  await expect(arrays.nth(0)).toContainText('about 15 in 100 (red)');
  expect((await dots(0)).filter((fill) => fill === RED)).toHaveLength(15);
  expect((await dots(1)).filter((fill) => fill === RED)).toHaveLength(8);
});

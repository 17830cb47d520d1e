/**
 * The decision aid and the two augmentation decks on the patient screen: no slide is cut off at the top or bottom
 * (the slide is centred, so an overlong one loses its heading), in any language, and two icon arrays that compare
 * outcomes stand side by side, on one row, as the comparison is meant to be read.
 */
import { test, expect } from './fixtures.js';

const decks = ['kyphoplasty', 'augmentation-risks', 'decision-aid'];

test('every slide of the decision aid and the augmentation decks fits the patient screen, in en, fr and de', async ({
  doctor,
  patient,
}) => {
  test.setTimeout(180_000);
  await doctor.call('presentation.setPlaylist', { playlist: decks });
  await doctor.startPresenting();
  const cut: string[] = [];
  let checked = 0;
  for (const language of ['en', 'fr', 'de'] as const) {
    await doctor.call('presentation.setLanguage', { language });
    for (const deckId of decks) {
      const slides = (await doctor.value('decks.get', { id: deckId, language })).slides;
      for (const [slideIndex, slide] of slides.entries()) {
        await doctor.call('presentation.goto', { deckId, slideIndex, fragment: 99 });
        await patient.expectSlide(slide.id);
        await patient.page.evaluate(() => document.fonts.ready);
        const box = await patient.currentSlide.evaluate((section) => {
          const parts = [...section.querySelectorAll('h1, h2, h3, p, li, img, table, .icon-array')];
          const rects = parts.map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0);
          return {
            top: Math.min(...rects.map((r) => r.top)),
            bottom: Math.max(...rects.map((r) => r.bottom)),
            height: window.innerHeight,
          };
        });
        if (box.top < 0 || box.bottom > box.height)
          cut.push(`${language}/${deckId}/${slide.id} ${box.top}..${box.bottom}`);
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(cut).toEqual([]);
});

test('icon arrays that compare two outcomes stand side by side', async ({ doctor, patient }) => {
  await doctor.call('presentation.setPlaylist', { playlist: decks });
  await doctor.startPresenting();
  const slides = (await doctor.value('decks.get', { id: 'kyphoplasty', language: 'en' })).slides;
  const slideIndex = slides.findIndex((s) => s.id === 'evidence-vapour-vertos');
  await doctor.call('presentation.goto', { deckId: 'kyphoplasty', slideIndex, fragment: 99 });
  await patient.expectSlide('evidence-vapour-vertos');
  const arrays = patient.currentSlide.locator('.icon-array');
  await expect(arrays).toHaveCount(2);
  const [left, right] = [await arrays.nth(0).boundingBox(), await arrays.nth(1).boundingBox()];
  expect(left && right && Math.abs(left.y - right.y)).toBeLessThan(2);
  expect(left && right && right.x - left.x).toBeGreaterThan(100);
  await expect(arrays.nth(0)).toContainText('With cement: after 2 weeks, about 44 in 100 had only mild pain.');
  await expect(arrays.nth(1)).toContainText('With a pretend one: after 2 weeks, about 21 in 100 had only mild pain.');
});

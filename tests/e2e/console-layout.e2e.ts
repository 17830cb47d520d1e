/**
 * A console that fits a clinic laptop: at 1440×900 and 1366×768, choosing a
 * slide in the playlist never scrolls the page ("Patient sees" stays in view),
 * every deck of the playlist can be reached, and no emoji (which render as
 * empty boxes on some Linux systems) is in the console.
 */
import { expect, test } from './fixtures.js';

for (const [width, height] of [
  [1440, 900],
  [1366, 768],
] as const) {
  test(`at ${width}×${height}: choosing slides never scrolls the page, every deck is reachable, no emoji`, async ({
    doctor,
  }) => {
    const page = doctor.page;
    await page.setViewportSize({ width, height });
    await doctor.startPresenting();
    const playlist = page.getByRole('region', { name: 'Playlist' });
    const decks = playlist.locator('ol.decks > li');
    const count = await decks.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i += 1) {
      const deck = decks.nth(i);
      // Reachable: it can be brought into view, and one of its slides chosen, without the page moving.
      await deck.scrollIntoViewIfNeeded();
      await deck.getByRole('button', { name: /^2\. / }).click();
      await expect(doctor.patientSees).toContainText('Slide 2');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expect(doctor.patientSees).toBeInViewport();
      const box = await deck.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(width);
    }
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
  });
}

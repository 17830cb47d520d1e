import { expect, test } from './fixtures.js';

test("the playlist shows each deck's certifying items, with the translation's review status", async ({ doctor }) => {
  const listing = await doctor.value('decks.list', {});
  const deck = listing.decks.find((d) => d.id === 'kyphoplasty');
  expect(deck?.certifying?.evidenceReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await doctor.call('presentation.setPlaylist', { playlist: ['kyphoplasty'] });
  await doctor.call('presentation.setLanguage', { language: 'fr' });
  const playlist = doctor.page.getByRole('region', { name: 'Playlist' });
  await playlist.getByLabel(`About ${deck?.titles.en ?? ''}`).click();
  const info = playlist.locator('.deck-info[open] dl');
  await expect(info).toContainText(`Version ${deck?.certifying?.version ?? ''}`);
  await expect(info).toContainText(`Evidence reviewed ${deck?.certifying?.evidenceReviewed ?? ''}`);
  await expect(info).toContainText('Translation (fr) awaiting review by a native-speaking clinician');
  await expect(info).toContainText('NICE TA279');
  await playlist.screenshot({ path: '/work/shots/h7/deck-info.png' });
});

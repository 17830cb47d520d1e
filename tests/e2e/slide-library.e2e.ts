import fs from 'node:fs';
import path from 'node:path';
import { expect, test, watchConsole } from './fixtures.js';

test('every slide of every bundled deck renders on the patient screen, in en, fr and de, without errors', async ({
  doctor,
  patient,
}) => {
  test.setTimeout(240_000);
  const problems = watchConsole(patient.page);
  const listing = await doctor.value('decks.list', {});
  expect(listing.problems).toEqual([]);
  const bundled = listing.decks.filter((d) => d.source === 'bundled');
  expect(bundled.length).toBeGreaterThanOrEqual(7);
  expect(bundled.map((d) => d.id)).toContain('decision-aid');
  // Every bundled deck, not only the default playlist (the decision aid is added to a consultation by choice).
  await doctor.call('presentation.setPlaylist', { playlist: bundled.map((d) => d.id) });
  await doctor.startPresenting();
  let rendered = 0;
  for (const language of ['en', 'fr', 'de'] as const) {
    await doctor.call('presentation.setLanguage', { language });
    for (const deck of bundled) {
      const slides = (await doctor.value('decks.get', { id: deck.id, language })).slides;
      for (const [slideIndex, slide] of slides.entries()) {
        await doctor.call('presentation.goto', { deckId: deck.id, slideIndex, fragment: 99 });
        await patient.expectSlide(slide.id);
        const content = await patient.currentSlide.evaluate((el) => ({
          text: (el.textContent ?? '').trim().length,
          pictures: el.querySelectorAll('img, svg, canvas').length,
          brokenImages: [...el.querySelectorAll('img')].filter((img) => img.complete && img.naturalWidth === 0).length,
        }));
        expect(content.text + content.pictures, `${deck.id}/${language}/${slide.id}`).toBeGreaterThan(0);
        expect(content.brokenImages, `${deck.id}/${language}/${slide.id} images`).toBe(0);
        rendered += 1;
      }
    }
  }
  expect(problems).toEqual([]);
  console.log(`rendered ${rendered} slides`);
});

/** A minimal valid PDF with `pages` pages, each showing its number in big text. */
function makePdf(pages: number): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i += 1) {
    const stream = `BT /F1 96 Tf 100 300 Td (Page ${i + 1}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Contents ${4 + i * 2} 0 R /Resources << /Font << /F1 ${3 + pages * 2} 0 R >> >> >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  }
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test("the clinic's own PDF and Markdown decks can be presented; a broken deck is listed, not shown", async ({
  host,
  doctor,
  patient,
}) => {
  const decksDir = path.join(host.dataDir, 'decks');
  fs.mkdirSync(path.join(decksDir, 'clinic-welcome'), { recursive: true });
  fs.writeFileSync(path.join(decksDir, 'Our results 2026.pdf'), makePdf(3));
  fs.writeFileSync(
    path.join(decksDir, 'clinic-welcome', 'en.md'),
    [
      '---',
      'id: clinic-welcome',
      'title: Welcome to our clinic',
      'language: en',
      'topic: other',
      'version: 1',
      'sources:',
      '  - Our clinic',
      '---',
      '',
      '<!-- .slide: id="welcome" -->',
      '## Welcome',
      '',
      'We are glad you came.',
      '',
      'Note:',
      'Greet the patient.',
      '',
    ].join('\n'),
  );
  fs.mkdirSync(path.join(decksDir, 'broken'), { recursive: true });
  fs.writeFileSync(path.join(decksDir, 'broken', 'en.md'), '# no front matter\n\n<script>alert(1)</script>\n');
  await doctor.page.getByRole('button', { name: 'Reload decks' }).click();
  await expect(doctor.page.getByText(/\d+ problems? in deck files/)).toBeVisible();
  const listing = await doctor.value('decks.list', {});
  const pdf = listing.decks.find((d) => d.source === 'user' && d.id !== 'clinic-welcome');
  expect(pdf).toBeTruthy();
  expect(listing.decks.find((d) => d.id === 'broken')).toBeUndefined();
  const current = (await doctor.call('presentation.get', {})) as { value: { playlist: string[] } };
  await doctor.call('presentation.setPlaylist', { playlist: ['clinic-welcome', pdf?.id, ...current.value.playlist] });
  await doctor.call('presentation.goto', { deckId: 'clinic-welcome', slideIndex: 0 });
  await patient.expectSlide('welcome');
  await expect(patient.currentSlide).toContainText('We are glad you came.');
  await doctor.press('ArrowRight');
  await patient.expectSlide('page-1');
  const canvas = patient.currentSlide.locator('canvas');
  await expect(canvas).toBeVisible();
  // The canvas has drawn pixels that are not all background.
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100) dark += 1;
    return dark;
  });
  expect(inked).toBeGreaterThan(100);
  await doctor.press('ArrowRight');
  await patient.expectSlide('page-2');
});

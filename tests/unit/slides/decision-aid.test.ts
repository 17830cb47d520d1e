/**
 * The decision aid ("Your options") and the two augmentation decks, as the app serves them. The record stores the
 * patient's answers under the statement ids of the "what matters to you" slide, so those must not drift; the option
 * grid is a table, which must reach the patient screen through the sanitizer; and these three decks, already
 * corrected for issue 13, must stay free of the content problems `decks:check` reports.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDeckFolder } from '../../../src-main/core/decks/check.js';
import { htmlToText } from '../../../src-main/core/decks/render-markdown.js';
import { createDeckLibrary } from '../../../src-main/core/decks/library.js';
import type { Language } from '../../../src-shared/contract/common.js';
import { tempDir } from '../src-main/core/decks/deck-fixtures.js';

const slidesDir = fileURLToPath(new URL('../../../slides/', import.meta.url));
const library = createDeckLibrary({ bundledDir: slidesDir, userDir: tempDir() });
const languages: Language[] = ['en', 'fr', 'de'];

/** The ids another part of the app stores answers under, in the order the record shows them. */
const statementIds = ['avoid-procedure', 'fast-relief', 'avoid-cement-risk', 'avoid-strong-painkillers', 'home-soon'];

function slideOf(language: Language, slideId: string) {
  const deck = library.get('decision-aid', language, { withNotes: true });
  expect(deck?.language).toBe(language);
  const slide = deck?.slides.find((s) => s.id === slideId);
  if (!slide) throw new Error(`decision-aid/${language} has no slide ${slideId}`);
  return slide;
}

describe('decision-aid deck', () => {
  it.each(languages)('%s: "what matters" shows five statements and names their record ids in order', (language) => {
    const slide = slideOf(language, 'what-matters');
    expect(slide.html.match(/<li>/g)).toHaveLength(5);
    const ids = [...htmlToText(slide.notes).matchAll(/statement: (\S+)/g)].map((m) => m[1]);
    expect(ids).toEqual(statementIds);
  });

  it('shows the English statements word for word', () => {
    const items = [...slideOf('en', 'what-matters').html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
    expect(items).toEqual([
      'Avoiding a procedure if I can',
      'Getting pain relief as soon as possible',
      'Avoiding any risk from the cement',
      'Avoiding strong pain medicines',
      'Getting back home and to my usual activities soon',
    ]);
  });

  it.each(languages)('%s: the option grid reaches the screen as tables, one column per option', (language) => {
    for (const slideId of ['options-side-by-side', 'options-risks']) {
      const html = slideOf(language, slideId).html;
      expect(html).toContain('<table>');
      expect(html.match(/<th[ >]/g), `${language}/${slideId}`).toHaveLength(4);
      const rows = html.split('<tr>').slice(2);
      expect(rows.length, `${language}/${slideId} rows`).toBe(3);
      for (const row of rows) expect(row.match(/<td[ >]/g)).toHaveLength(4);
    }
  });

  it('keeps the speaker notes, with the statement ids, away from the patient screen', () => {
    const deck = library.get('decision-aid', 'en', { withNotes: false });
    expect(deck?.slides.every((s) => s.notes === '')).toBe(true);
  });
});

describe.each(['kyphoplasty', 'augmentation-risks', 'decision-aid'])('%s deck', (deckId) => {
  it('has no content problem (numbers, sources, certifying items, drafting words)', () => {
    const result = checkDeckFolder(path.join(slidesDir, deckId), slidesDir);
    const problems = [...result.problems, ...result.contentProblems].map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual([]);
  });
});

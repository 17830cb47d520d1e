import { existsSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeckLibrary, type DeckLibrary } from '../../../../../src-main/core/decks/library.js';
import { deckFile, minimalPdf, slide, tempDir, writeDeck, writeGoodDeck } from './deck-fixtures.js';

interface Setup {
  bundledDir: string;
  userDir: string;
  library: DeckLibrary;
}

/** Bundled: good-deck (en/fr/de), en-only (en); user: clinic-deck (en/fr), a broken deck, a clash, two PDFs. */
function setup(): Setup {
  const root = tempDir();
  const bundledDir = path.join(root, 'slides');
  const userDir = path.join(root, 'data', 'user-decks');
  writeGoodDeck(bundledDir, 'good-deck');
  writeDeck(bundledDir, 'en-only', { 'en.md': deckFile('en-only', 'en', [slide('only')]) });
  writeFileSync(path.join(bundledDir, 'README.md'), '# Deck format');
  writeDeck(userDir, 'clinic-deck', {
    'en.md': deckFile('clinic-deck', 'en', [slide('welcome', '## Welcome', 'Secret doctor notes.')]),
    'fr.md': deckFile('clinic-deck', 'fr', [slide('welcome', '## Bienvenue', 'Notes du médecin.')]),
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  });
  writeDeck(userDir, 'broken', { 'en.md': deckFile('broken', 'en', [slide('a', '<script>x()</script>')]) });
  writeDeck(userDir, 'good-deck', { 'en.md': deckFile('good-deck', 'en', [slide('a')]) });
  writeFileSync(path.join(userDir, 'Back Pain Overview.pdf'), minimalPdf(2));
  writeFileSync(path.join(userDir, 'broken.pdf.PDF'), 'not a pdf at all');
  return { bundledDir, userDir, library: createDeckLibrary({ bundledDir, userDir }) };
}

describe('createDeckLibrary', () => {
  const { library, userDir } = setup();

  it('lists the decks that pass, with titles, languages, counts, source and kind', () => {
    const { decks, userDecksFolder } = library.list();
    expect(userDecksFolder).toBe(userDir);
    expect(decks.map((deck) => deck.id).sort()).toEqual(['back-pain-overview', 'clinic-deck', 'en-only', 'good-deck']);
    expect(decks.find((deck) => deck.id === 'good-deck')).toEqual({
      id: 'good-deck',
      titles: { en: 'Title en', fr: 'Title fr', de: 'Title de' },
      topic: 'risks',
      languages: ['en', 'fr', 'de'],
      source: 'bundled',
      kind: 'markdown',
      slideCount: 3,
      certifying: {
        version: '1',
        evidenceReviewed: '2026-11-01',
        writtenBy: 'spine surgeon',
        reviewedBy: 'interventional radiologist',
        funding: 'No external funding.',
        sources: ['Zhan et al. 2017'],
        translationReview: {
          fr: 'awaiting review by a native-speaking clinician',
          de: 'awaiting review by a native-speaking clinician',
        },
      },
    });
    expect(decks.find((deck) => deck.id === 'clinic-deck')).toMatchObject({ source: 'user', languages: ['en', 'fr'] });
  });

  it('leaves out broken decks, unreadable PDFs and id clashes, listing their problems', () => {
    const problems = library.list().problems.map((p) => `${p.file}: ${p.message}`);
    expect(problems).toEqual([
      'broken/en.md: unsafe element <script>',
      "good-deck/en.md: deck id 'good-deck' is already used by a bundled deck; rename it",
      expect.stringMatching(/^broken\.pdf\.PDF: cannot read the PDF: /),
    ]);
  });

  it('counts the pages of a PDF deck and serves the file', () => {
    const deck = library.get('back-pain-overview', 'fr', { withNotes: true });
    expect(deck).toMatchObject({ id: 'back-pain-overview', language: 'en', title: 'Back Pain Overview', kind: 'pdf' });
    expect(deck?.assetBase).toBe('/decks/back-pain-overview/');
    expect(deck?.slides.map((s) => [s.id, s.h, s.v, s.html])).toEqual([
      ['page-1', 0, 0, '<div data-component="pdf-page" data-page="1"></div>'],
      ['page-2', 1, 0, '<div data-component="pdf-page" data-page="2"></div>'],
    ]);
    expect(library.list().decks.find((d) => d.id === 'back-pain-overview')).toMatchObject({
      slideCount: 2,
      topic: 'other',
    });
    expect(library.assetPath('back-pain-overview', 'deck.pdf')).toMatch(/Back Pain Overview\.pdf$/);
    expect(library.assetPath('back-pain-overview', 'other.pdf')).toBeNull();
  });

  it('returns sanitized slides, with notes only when asked', () => {
    const deck = library.get('good-deck', 'de', { withNotes: false });
    expect(deck).toMatchObject({ id: 'good-deck', language: 'de', title: 'Title de', kind: 'markdown' });
    expect(deck?.slides.map((s) => [s.id, s.h, s.v, s.fragments])).toEqual([
      ['intro', 0, 0, 1],
      ['numbers', 1, 0, 0],
      ['below', 1, 1, 0],
    ]);
    expect(deck?.slides[0]?.html).toContain('<img src="/decks/good-deck/assets/leak.svg" alt="A bone" />');
    expect(deck?.slides.every((s) => s.notes === '')).toBe(true);
    const withNotes = library.get('good-deck', 'de', { withNotes: true });
    expect(withNotes?.slides[1]?.notes).toBe('<p>Source: Zhan et al. 2017.</p>\n');
  });

  it('falls back to English, then to any language', () => {
    expect(library.get('en-only', 'fr', { withNotes: false })?.language).toBe('en');
    expect(library.get('clinic-deck', 'fr', { withNotes: false })?.slides[0]?.html).toContain('Bienvenue');
    expect(library.get('clinic-deck', 'de', { withNotes: false })?.language).toBe('en');
    expect(library.get('unknown', 'en', { withNotes: false })).toBeNull();
  });

  it('serves asset files and refuses traversal', () => {
    expect(library.assetPath('clinic-deck', 'assets/logo.svg')).toBe(
      path.join(userDir, 'clinic-deck', 'assets', 'logo.svg'),
    );
    for (const bad of [
      'en.md',
      '../clinic-deck/en.md',
      'assets/../en.md',
      'assets/../../broken/en.md',
      '/etc/passwd',
      'assets\\..\\en.md',
      'assets//logo.svg',
      '',
    ]) {
      expect(library.assetPath('clinic-deck', bad), bad).toBeNull();
    }
    expect(library.assetPath('clinic-deck', 'assets/missing.svg')).toBeNull();
    expect(library.assetPath('no-such-deck', 'assets/logo.svg')).toBeNull();
  });

  it('refuses a symlink that leads out of the deck folder', () => {
    const { library: lib, userDir: dir } = setup();
    symlinkSync(path.join(dir, 'clinic-deck', 'en.md'), path.join(dir, 'clinic-deck', 'assets', 'notes.svg'));
    symlinkSync(path.join(dir, 'broken'), path.join(dir, 'clinic-deck', 'assets', 'out'));
    expect(lib.assetPath('clinic-deck', 'assets/notes.svg')).toBeNull();
    expect(lib.assetPath('clinic-deck', 'assets/out/en.md')).toBeNull();
  });

  it('refuses every file of a deck whose assets folder is a symlink to a folder outside it', () => {
    const { library: lib, userDir: dir } = setup();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'private.svg'), '<svg/>');
    rmSync(path.join(dir, 'clinic-deck', 'assets'), { recursive: true });
    symlinkSync(outside, path.join(dir, 'clinic-deck', 'assets'));
    expect(lib.assetPath('clinic-deck', 'assets/private.svg')).toBeNull();
  });

  it('re-reads the folders on reload and creates a missing user folder', () => {
    const { library: lib, userDir: dir } = setup();
    expect(lib.list().decks.some((d) => d.id === 'fresh')).toBe(false);
    writeDeck(dir, 'fresh', { 'en.md': deckFile('fresh', 'en', [slide('a')]) });
    expect(lib.list().decks.some((d) => d.id === 'fresh')).toBe(false);
    expect(lib.reload().decks.some((d) => d.id === 'fresh')).toBe(true);
    rmSync(dir, { recursive: true });
    expect(
      lib
        .reload()
        .decks.map((d) => d.id)
        .sort(),
    ).toEqual(['en-only', 'good-deck']);
    expect(existsSync(dir)).toBe(true);
  });
});

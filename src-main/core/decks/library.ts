/**
 * The slide library: bundled decks (read-only, `slides/`) and the clinic's own
 * decks (the user decks folder: Markdown deck folders and PDF files).
 * A broken deck is left out and its problems are listed; the others still work.
 * Parsing and checking live in this folder (parse-markdown.ts, check.ts, …);
 * this module keeps the parsed decks in memory and serves them.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Deck, DeckProblem, DeckSummary, Language, Slide } from '../../../src-shared/contract/index.js';
import {
  loadDecks,
  type DeckEntry,
  type LoadedDecks,
  type MarkdownEntry,
  type PdfCache,
  type PdfEntry,
} from './load-decks.js';
import { createListingCache } from './listing-cache.js';
import { countFragments } from './render-markdown.js';
import { deckAssetBase, sanitizeSlideHtml } from './sanitize.js';

export interface DeckListing {
  decks: DeckSummary[];
  problems: DeckProblem[];
  userDecksFolder: string;
}

export interface DeckLibrary {
  list(): DeckListing;
  /** Read every deck from disk again. */
  reload(): DeckListing;
  /**
   * One deck in one language; falls back to English, then to any language.
   * Notes are left empty unless `withNotes` (the patient screen never gets them).
   */
  get(id: string, language: Language, options: { withNotes: boolean }): Deck | null;
  /** The file behind `/decks/<id>/<relPath>`, or null (unknown deck, traversal, missing file). */
  assetPath(id: string, relPath: string): string | null;
}

export interface DeckLibraryOptions {
  bundledDir: string;
  userDir: string;
  /** Where the deck check's findings are kept between starts (see listing-cache.ts); none: in memory only. */
  listingCacheFile?: string;
  /** The app version: findings of another version are not reused. */
  version?: string;
}

export function createDeckLibrary(options: DeckLibraryOptions): DeckLibrary {
  const pdfCache: PdfCache = new Map();
  const listingCache = createListingCache(options.listingCacheFile ?? null, options.version ?? '');
  /** Sanitized slides per deck and language, with notes; dropped on reload. */
  let rendered = new Map<string, Slide[]>();
  let loaded: LoadedDecks | null = null;
  const current = (): LoadedDecks =>
    (loaded ??= loadDecks(options.bundledDir, options.userDir, pdfCache, listingCache));
  const listing = (): DeckListing => ({
    decks: [...current().entries.values()].map((entry) => entry.summary),
    problems: [...current().problems],
    userDecksFolder: options.userDir,
  });
  const slidesOf = (entry: MarkdownEntry, language: Language): Slide[] => {
    const key = `${entry.summary.id}/${language}`;
    const cached = rendered.get(key) ?? renderSlides(entry, language);
    rendered.set(key, cached);
    return cached;
  };
  return {
    list: listing,
    reload() {
      loaded = null;
      rendered = new Map();
      return listing();
    },
    get(id, language, { withNotes }) {
      const entry = current().entries.get(id);
      if (!entry) return null;
      if (entry.kind === 'pdf') return pdfDeck(entry);
      const chosen = pickLanguage(entry, language);
      // Copies, so a caller can never alter the cache (or leak notes into a later patient copy).
      const slides = slidesOf(entry, chosen).map((slide) => ({ ...slide, notes: withNotes ? slide.notes : '' }));
      const title = entry.files()[chosen]?.frontMatter?.title ?? entry.summary.titles.en ?? id;
      return { id, language: chosen, title, kind: 'markdown', assetBase: deckAssetBase(id), slides };
    },
    assetPath(id, relPath) {
      const entry = current().entries.get(id);
      return entry ? resolveAsset(entry, relPath) : null;
    },
  };
}

/** The requested language, else English, else whatever the deck has. */
function pickLanguage(entry: MarkdownEntry, language: Language): Language {
  const files = entry.files();
  if (files[language]) return language;
  if (files.en) return 'en';
  return entry.summary.languages[0] ?? 'en';
}

function renderSlides(entry: MarkdownEntry, language: Language): Slide[] {
  const id = entry.summary.id;
  return (entry.files()[language]?.slides ?? []).map((slide, index) => {
    const html = sanitizeSlideHtml(slide.bodyHtml, id);
    const notes = slide.notesHtml === '' ? '' : sanitizeSlideHtml(slide.notesHtml, id);
    // Every slide has an id here: a deck with an id-less slide never loads.
    return {
      id: slide.id ?? `slide-${index + 1}`,
      h: slide.h,
      v: slide.v,
      html,
      notes,
      fragments: countFragments(html),
    };
  });
}

function pdfDeck(entry: PdfEntry): Deck {
  const slides = Array.from({ length: entry.pages }, (_, index) => ({
    id: `page-${index + 1}`,
    h: index,
    v: 0,
    html: `<div data-component="pdf-page" data-page="${index + 1}"></div>`,
    notes: '',
    fragments: 0,
  }));
  const title = entry.summary.titles.en ?? entry.summary.id;
  return {
    id: entry.summary.id,
    language: 'en',
    title,
    kind: 'pdf',
    assetBase: deckAssetBase(entry.summary.id),
    slides,
  };
}

/**
 * Map `/decks/<id>/<relPath>` to a file. Only a Markdown deck's `assets/`
 * folder is served (never its .md files: they hold the speaker notes), and
 * only a PDF deck's `deck.pdf`. `..`, absolute paths, backslashes and symlinks
 * leading out of the folder are refused.
 */
function resolveAsset(entry: DeckEntry, relPath: string): string | null {
  if (entry.kind === 'pdf') return relPath === 'deck.pdf' ? existingFile(entry.file) : null;
  const segments = relPath.split('/');
  const safe = segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (!safe || segments[0] !== 'assets' || segments.length < 2 || /[\\\0:]/.test(relPath)) return null;
  const file = existingFile(path.join(entry.dir, ...segments));
  const base = existingDir(path.join(entry.dir, 'assets'));
  // The assets folder itself must really be inside the deck: a symlinked `assets`
  // would otherwise serve any folder of the computer it points to.
  const deck = existingDir(entry.dir);
  const inDeck = base !== null && deck !== null && base.startsWith(deck + path.sep);
  return file && inDeck && file.startsWith(base + path.sep) ? file : null;
}

/** The real path of a regular file, or null. */
function existingFile(file: string): string | null {
  try {
    const real = realpathSync(file);
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

function existingDir(dir: string): string | null {
  try {
    const real = realpathSync(dir);
    return statSync(real).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

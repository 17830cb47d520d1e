/**
 * Reads both deck folders into memory: bundled decks, the clinic's Markdown
 * deck folders and its PDF files. Each deck is checked with the same rules as
 * `decks:check`; a deck with any problem is left out and its problems listed,
 * so one broken file never takes the whole library down.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { languages, type Language } from '../../../src-shared/contract/common.js';
import type { DeckCertifying, DeckProblem, DeckSummary } from '../../../src-shared/contract/decks.js';
import { checkDeckFolder, findDeckFolders, type DeckCheck } from './check.js';
import { createListingCache, folderStamp, type DeckListingCache } from './listing-cache.js';
import { parseDeckMarkdown, type ParsedDeck } from './parse-markdown.js';
import { countPdfPagesSync, type PageCount } from './pdf-pages.js';

export interface MarkdownEntry {
  kind: 'markdown';
  summary: DeckSummary;
  dir: string;
  /** The parsed language files; parsed on first use when the listing came from the cache. */
  files(): Partial<Record<Language, ParsedDeck>>;
}

export interface PdfEntry {
  kind: 'pdf';
  summary: DeckSummary;
  file: string;
  pages: number;
}

export type DeckEntry = MarkdownEntry | PdfEntry;

export interface LoadedDecks {
  entries: Map<string, DeckEntry>;
  problems: DeckProblem[];
}

/** Page counts survive reloads; a PDF is read again only when its size or date changes. */
export type PdfCache = Map<string, { stamp: string; count: PageCount }>;

export function loadDecks(
  bundledDir: string,
  userDir: string,
  pdfCache: PdfCache,
  listingCache: DeckListingCache = createListingCache(null, ''),
): LoadedDecks {
  const loaded: LoadedDecks = { entries: new Map(), problems: [] };
  const addMarkdown = (dir: string, source: 'bundled' | 'user', displayRoot: string): void =>
    addMarkdownDeck(loaded, listingCache, dir, source, displayRoot);
  if (statSync(bundledDir, { throwIfNoEntry: false })?.isDirectory()) {
    // Shown as `slides/<deck>/en.md`: relative to the folder holding the bundled decks.
    for (const dir of findDeckFolders(bundledDir)) addMarkdown(dir, 'bundled', path.dirname(bundledDir));
  } else {
    loaded.problems.push({ file: bundledDir, line: 0, message: 'the bundled slides folder is missing' });
  }
  try {
    mkdirSync(userDir, { recursive: true, mode: 0o700 });
    for (const dir of findDeckFolders(userDir)) addMarkdown(dir, 'user', userDir);
    addPdfs(loaded, userDir, pdfCache);
  } catch (error) {
    // An unreadable user folder must not hide the bundled decks.
    loaded.problems.push({ file: userDir, line: 0, message: `cannot read the user decks folder: ${messageOf(error)}` });
  }
  listingCache.save();
  return loaded;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function addMarkdownDeck(
  loaded: LoadedDecks,
  cache: DeckListingCache,
  dir: string,
  source: 'bundled' | 'user',
  displayRoot: string,
): void {
  const file = path.relative(displayRoot, path.join(dir, 'en.md')).split(path.sep).join('/');
  const stamp = folderStamp(dir);
  const cached = stamp === null ? undefined : cache.get(dir, stamp);
  if (cached) {
    // Unchanged since it was last checked: listed now, parsed when first shown.
    if (cached.summary)
      addEntry(loaded, { kind: 'markdown', summary: cached.summary, dir, files: parseLater(dir) }, file);
    else loaded.problems.push(...cached.problems);
    return;
  }
  let check: DeckCheck;
  try {
    check = checkDeckFolder(dir, displayRoot);
  } catch (error) {
    // One unreadable deck (permissions, a file vanishing mid-read) is left out like any broken deck.
    const file = path.relative(displayRoot, dir).split(path.sep).join('/');
    loaded.problems.push({ file, line: 0, message: `cannot read the deck: ${messageOf(error)}` });
    return;
  }
  const en = check.files.en?.frontMatter;
  if (check.problems.length > 0 || !en) {
    loaded.problems.push(...check.problems);
    if (stamp !== null) cache.set(dir, { stamp, summary: null, problems: check.problems });
    return;
  }
  const languages = (['en', 'fr', 'de'] as const).filter((language) => check.files[language]);
  const titles: DeckSummary['titles'] = {};
  for (const language of languages) {
    const title = check.files[language]?.frontMatter?.title;
    if (title !== undefined) titles[language] = title;
  }
  const slideCount = check.files.en?.slides.length ?? 0;
  const translationReview: DeckCertifying['translationReview'] = {};
  for (const language of languages) {
    const review = check.files[language]?.frontMatter?.translationReview;
    if (language !== 'en' && review !== undefined) translationReview[language] = review;
  }
  const certifying: DeckCertifying = {
    version: String(en.version),
    evidenceReviewed: en.evidenceReviewed ?? null,
    writtenBy: en.writtenBy ?? null,
    reviewedBy: en.reviewedBy ?? null,
    funding: en.funding ?? null,
    sources: en.sources,
    translationReview,
  };
  const summary: DeckSummary = {
    id: check.deckId,
    titles,
    topic: en.topic,
    languages,
    source,
    kind: 'markdown',
    slideCount,
    certifying,
  };
  if (stamp !== null) cache.set(dir, { stamp, summary, problems: [] });
  const files = check.files;
  addEntry(loaded, { kind: 'markdown', summary, dir, files: () => files }, file);
}

/** Parses a deck's language files on first use (its check passed when it was cached). */
function parseLater(dir: string): () => Partial<Record<Language, ParsedDeck>> {
  let files: Partial<Record<Language, ParsedDeck>> | null = null;
  return () => {
    if (files) return files;
    const parsed: Partial<Record<Language, ParsedDeck>> = {};
    for (const language of languages) {
      const name = `${language}.md`;
      try {
        parsed[language] = parseDeckMarkdown(readFileSync(path.join(dir, name), 'utf8'), name);
      } catch {
        // A file removed since the listing: the deck falls back to another language.
      }
    }
    files = parsed;
    return files;
  };
}

function addPdfs(loaded: LoadedDecks, userDir: string, pdfCache: PdfCache): void {
  const files = readdirSync(userDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.pdf$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const counts = pageCounts(
    files.map((name) => path.join(userDir, name)),
    pdfCache,
  );
  for (const name of files) {
    const title = name.replace(/\.pdf$/i, '');
    const id = slugify(title);
    const count = counts.get(path.join(userDir, name));
    if (id === '') {
      loaded.problems.push({
        file: name,
        line: 0,
        message: 'the file name has no letters or digits to make a deck id from',
      });
    } else if (!count || 'error' in count) {
      loaded.problems.push({
        file: name,
        line: 0,
        message: `cannot read the PDF: ${count && 'error' in count ? count.error : 'unknown error'}`,
      });
    } else if (count.pages < 1) {
      loaded.problems.push({ file: name, line: 0, message: 'the PDF has no pages' });
    } else {
      const summary: DeckSummary = {
        id,
        titles: { en: title },
        topic: 'other',
        languages: ['en'],
        source: 'user',
        kind: 'pdf',
        slideCount: count.pages,
      };
      addEntry(loaded, { kind: 'pdf', summary, file: path.join(userDir, name), pages: count.pages }, name);
    }
  }
}

/** Two decks with one id would make `/decks/<id>/` ambiguous: the later one is left out. */
function addEntry(loaded: LoadedDecks, entry: DeckEntry, file: string): void {
  const taken = loaded.entries.get(entry.summary.id);
  if (!taken) {
    loaded.entries.set(entry.summary.id, entry);
    return;
  }
  const owner = taken.summary.source === 'bundled' ? 'a bundled deck' : 'another deck in this folder';
  loaded.problems.push({
    file,
    line: 0,
    message: `deck id '${entry.summary.id}' is already used by ${owner}; rename it`,
  });
}

function pageCounts(files: string[], cache: PdfCache): Map<string, PageCount> {
  const stamps = new Map(files.map((file) => [file, stampOf(file)]));
  const stale = files.filter((file) => cache.get(file)?.stamp !== stamps.get(file));
  for (const [file, count] of countPdfPagesSync(stale)) cache.set(file, { stamp: stamps.get(file) ?? '', count });
  return new Map(
    files.flatMap((file) => {
      const cached = cache.get(file);
      return cached ? [[file, cached.count] as const] : [];
    }),
  );
}

function stampOf(file: string): string {
  const stat = statSync(file);
  return `${stat.size}:${stat.mtimeMs}`;
}

/** Deck id from a file name: "Rückenschmerz Übersicht.pdf" → "ruckenschmerz-ubersicht". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

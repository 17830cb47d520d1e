/**
 * The deck checker (slides/README.md rules), shared by `decks:check` and the
 * library: a deck with any problem is left out of the app, so the CLI and the
 * app can never disagree about what is broken.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DeckProblem } from '../../../src-shared/contract/decks.js';
import { languages, type Language } from '../../../src-shared/contract/common.js';
import { checkDeckContent } from './check-content.js';
import { checkSlides, checkSvgText } from './check-rules.js';
import { parseDeckMarkdown, type LineProblem, type ParsedDeck } from './parse-markdown.js';
import { combineReadability, runningReadability, type Readability } from './readability.js';

export interface DeckCheck {
  /** The folder name (which the front-matter id must equal). */
  deckId: string;
  dir: string;
  problems: DeckProblem[];
  /**
   * Content rules (check-content.ts): `decks:check` fails on them, but they do
   * not leave the deck out of the app while its wording is being corrected.
   */
  contentProblems: DeckProblem[];
  /** Parsed files per language, reused by the library. */
  files: Partial<Record<Language, ParsedDeck>>;
  /** Flesch–Kincaid and SMOG of the English slides as running text; null without en.md. */
  readability: Readability | null;
}

export interface DecksCheck {
  decks: DeckCheck[];
  problems: DeckProblem[];
  contentProblems: DeckProblem[];
}

/**
 * Check one deck folder, or every deck folder directly under `dir`.
 * Problem files are relative to `displayRoot` (default: the parent of the deck folders).
 */
export function checkDecks(dir: string, displayRoot?: string): DecksCheck {
  const folders = isDeckFolder(dir) ? [dir] : findDeckFolders(dir);
  const root = displayRoot ?? (isDeckFolder(dir) ? path.dirname(dir) : dir);
  const decks = folders.map((folder) => checkDeckFolder(folder, root));
  return {
    decks,
    problems: decks.flatMap((deck) => deck.problems),
    contentProblems: decks.flatMap((deck) => deck.contentProblems),
  };
}

/** A folder holding a language file is one deck, not a folder of decks. */
export function isDeckFolder(dir: string): boolean {
  return languages.some((language) => isFile(path.join(dir, `${language}.md`)));
}

/** Every non-hidden sub-folder of `dir` is meant to be a deck. */
export function findDeckFolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

export function checkDeckFolder(dir: string, displayRoot: string = path.dirname(dir)): DeckCheck {
  const deckId = path.basename(dir);
  const problems: DeckProblem[] = [];
  const contentProblems: DeckProblem[] = [];
  const report = (file: string, list: LineProblem[], into: DeckProblem[] = problems): void => {
    const shown = path.relative(displayRoot, path.join(dir, file)).split(path.sep).join('/');
    for (const problem of list) into.push({ file: shown, line: problem.line, message: problem.message });
  };
  const files: Partial<Record<Language, ParsedDeck>> = {};
  for (const language of languages) {
    const name = `${language}.md`;
    if (!isFile(path.join(dir, name))) continue;
    const parsed = parseDeckMarkdown(readFileSync(path.join(dir, name), 'utf8'), name);
    files[language] = parsed;
    report(name, [...parsed.problems, ...checkFrontMatter(parsed, language, deckId), ...checkSlides(parsed, dir)]);
  }
  for (const name of unknownLanguageFiles(dir))
    report(name, [{ line: 0, message: `unknown language file ${name} (en.md, fr.md or de.md)` }]);
  const en = files.en;
  if (!en) report('en.md', [{ line: 0, message: 'no en.md (English is the reference language)' }]);
  for (const language of ['fr', 'de'] as const) {
    const other = files[language];
    if (en && other) report(`${language}.md`, compareTranslation(en, other));
  }
  for (const svg of svgAssets(dir)) report(svg, checkSvgText(readFileSync(path.join(dir, svg), 'utf8')));
  for (const [language, list] of checkDeckContent(files)) report(`${language}.md`, list, contentProblems);
  const grade = en ? combineReadability(en.slides.map((slide) => runningReadability(slide.text))) : null;
  return { deckId, dir, problems, contentProblems, files, readability: grade };
}

function checkFrontMatter(parsed: ParsedDeck, language: Language, deckId: string): LineProblem[] {
  const front = parsed.frontMatter;
  if (!front) return [];
  const problems: LineProblem[] = [];
  if (front.language !== language) {
    problems.push({ line: 1, message: `language '${front.language}' does not match the file name ${language}.md` });
  }
  if (front.id !== deckId)
    problems.push({ line: 1, message: `id '${front.id}' does not match the folder name '${deckId}'` });
  return problems;
}

/** fr/de must have exactly en's slide ids, in en's order and layout. */
function compareTranslation(en: ParsedDeck, other: ParsedDeck): LineProblem[] {
  const enSlides = en.slides.filter((slide) => slide.id !== null);
  const otherSlides = other.slides.filter((slide) => slide.id !== null);
  const enIds = new Set(enSlides.map((slide) => slide.id));
  const otherIds = new Set(otherSlides.map((slide) => slide.id));
  const problems: LineProblem[] = [];
  for (const slide of enSlides) {
    if (!otherIds.has(slide.id)) problems.push({ line: 0, message: `slide '${slide.id}' of en.md is missing` });
  }
  for (const slide of otherSlides) {
    if (!enIds.has(slide.id)) problems.push({ line: slide.line, message: `slide '${slide.id}' is not in en.md` });
  }
  if (problems.length > 0) return problems;
  const index = otherSlides.findIndex((slide, at) => slide.id !== enSlides[at]?.id);
  const moved = otherSlides[index];
  if (moved) {
    const expected = enSlides[index]?.id ?? '';
    return [
      { line: moved.line, message: `slide order differs from en.md: '${moved.id}' where en.md has '${expected}'` },
    ];
  }
  const shifted = otherSlides.find((slide, at) => slide.h !== enSlides[at]?.h || slide.v !== enSlides[at]?.v);
  if (!shifted) return [];
  return [
    { line: shifted.line, message: `slide '${shifted.id}' is horizontal/vertical differently from en.md (--- vs --)` },
  ];
}

function unknownLanguageFiles(dir: string): string[] {
  const known = new Set(languages.map((language) => `${language}.md`));
  return readdirSync(dir).filter((name) => /^[a-z]{2}(?:[-_][a-z]{2})?\.md$/i.test(name) && !known.has(name));
}

function svgAssets(dir: string, sub = 'assets'): string[] {
  const full = path.join(dir, sub);
  if (!isDirectory(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${sub}/${entry.name}`;
    if (entry.isDirectory()) return svgAssets(dir, rel);
    return entry.isFile() && /\.svg$/i.test(entry.name) ? [rel] : [];
  });
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

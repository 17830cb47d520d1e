/**
 * The rules of slides/README.md for one parsed deck file, and for SVG assets.
 * They run on the raw Markdown (not only the sanitized HTML) so an author is
 * told about content the sanitizer would silently drop.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LineProblem, ParsedDeck, ParsedSlide } from './parse-markdown.js';
import { rewriteAssetSrc } from './sanitize.js';

interface TextRule {
  pattern: RegExp;
  message: (match: RegExpExecArray) => string;
}

/** Active content: the screen must never run or load anything the deck brings. */
const unsafeRules: TextRule[] = [
  {
    pattern: /<\s*(script|iframe|style|object|embed|svg|frame|frameset|applet|base|link|meta)\b/gi,
    message: (m) => `unsafe element <${(m[1] ?? '').toLowerCase()}>`,
  },
  { pattern: /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi, message: (m) => `unsafe event-handler attribute ${m[1] ?? ''}=` },
  { pattern: /<[a-z][^>]*?\sstyle\s*=/gi, message: () => 'unsafe inline style= attribute' },
  { pattern: /\b(?:javascript|vbscript)\s*:/gi, message: (m) => `unsafe ${m[0].replace(/\s/g, '')} URL` },
];

/** The app works offline and must not leak that a consultation is happening. */
const remoteRules: TextRule[] = [
  {
    pattern: /\b(?:https?|ftp):[^\s)"'<>\]]*/gi,
    message: (m) => `remote URL ${m[0]} (decks use only files under assets/)`,
  },
  {
    pattern: /(?:^|[\s("'=<[])(\/\/[a-z0-9][\w.-]*)/gim,
    message: (m) => `remote URL ${m[1] ?? ''} (protocol-relative)`,
  },
  { pattern: /(?<!!)\[[^\]]*\]\(\s*<?\s*data:/gi, message: () => 'data: URL in a link' },
  { pattern: /\bhref\s*=\s*["']?\s*data:/gi, message: () => 'data: URL in a link' },
];

const SVG_RULES: TextRule[] = [
  { pattern: /<\s*script\b/gi, message: () => 'SVG contains <script>' },
  { pattern: /<\s*foreignObject\b/gi, message: () => 'SVG contains <foreignObject>' },
  { pattern: /\s(on[a-z]+)\s*=/gi, message: (m) => `SVG contains an event-handler attribute ${m[1] ?? ''}=` },
  {
    pattern: /\bhref\s*=\s*["']\s*((?:https?:|ftp:|\/\/|javascript:|data:)[^"']*)/gi,
    message: (m) => `SVG links to an external resource ${m[1] ?? ''}`,
  },
  {
    pattern: /url\(\s*["']?\s*((?:https?:|\/\/)[^)"']*)/gi,
    message: (m) => `SVG loads an external resource ${m[1] ?? ''}`,
  },
  { pattern: /@import\b/gi, message: () => 'SVG imports a style sheet' },
];

function applyRules(text: string, firstLine: number, rules: TextRule[]): LineProblem[] {
  const problems: LineProblem[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      problems.push({ line: firstLine + lineOffset(text, match.index), message: rule.message(match) });
    }
  }
  return problems;
}

function lineOffset(text: string, index: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/** Problems of an SVG asset's source text. */
export function checkSvgText(svg: string): LineProblem[] {
  return applyRules(svg, 1, SVG_RULES);
}

/** Per-slide rules of one language file (ids, images, safety, numbers). */
export function checkSlides(deck: ParsedDeck, deckDir: string): LineProblem[] {
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  for (const [index, slide] of deck.slides.entries()) {
    const label = slide.id === null ? `slide ${index + 1}` : `slide '${slide.id}'`;
    if (slide.id === null)
      problems.push({ line: slide.line, message: `${label} has no id (<!-- .slide: id="..." -->)` });
    else if (!/^[a-z0-9][a-z0-9-]*$/.test(slide.id))
      problems.push({ line: slide.line, message: `${label}: id must be kebab-case` });
    else if (seen.has(slide.id)) {
      problems.push({
        line: slide.line,
        message: `duplicated slide id '${slide.id}' (first on line ${seen.get(slide.id)})`,
      });
    } else seen.set(slide.id, slide.line);
    problems.push(...checkImages(slide, deckDir));
    for (const part of [
      { text: slide.body, line: slide.bodyLine },
      { text: slide.notes, line: slide.notesLine },
    ]) {
      problems.push(...applyRules(part.text, part.line, [...unsafeRules, ...remoteRules]));
    }
    if (/\d/.test(slide.text) && slide.notes.trim() === '') {
      problems.push({
        line: slide.line,
        message: `${label} states a number but has no speaker notes naming the source`,
      });
    }
  }
  return problems;
}

const IMG_TAG = /<img\b[^>]*>/gi;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

function checkImages(slide: ParsedSlide, deckDir: string): LineProblem[] {
  const problems: LineProblem[] = [];
  const parts = [
    { html: slide.bodyHtml, text: slide.body, line: slide.bodyLine },
    { html: slide.notesHtml, text: slide.notes, line: slide.notesLine },
  ];
  for (const part of parts) {
    for (const [tag] of part.html.matchAll(IMG_TAG)) {
      const src = decodeBasic(attribute(tag, 'src') ?? '');
      const at = part.text.indexOf(src);
      const line = part.line + (src !== '' && at >= 0 ? lineOffset(part.text, at) : 0);
      const alt = attribute(tag, 'alt');
      if (alt === null || alt.trim() === '') problems.push({ line, message: `image ${src} has no alt text` });
      problems.push(...checkImageFile(src, line, deckDir));
    }
  }
  return problems;
}

function checkImageFile(src: string, line: number, deckDir: string): LineProblem[] {
  // Remote sources are reported by the URL rules; here only local ones are judged.
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return [];
  if (rewriteAssetSrc(src, 'deck') === null) {
    return [{ line, message: `image ${src} must be a file under assets/ (e.g. assets/name.svg)` }];
  }
  const file = path.join(deckDir, src);
  return existsSync(file) && statSync(file).isFile() ? [] : [{ line, message: `missing image file ${src}` }];
}

function decodeBasic(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/**
 * What every printed document shares: escaping, the bundled font embedded as
 * data: URLs (so the print page loads nothing, in either mode), and the page
 * skeleton with a CSP that forbids every fetch and every script.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { escapeHtml } from './escape.js';
import type { PaperSize } from './pdf-renderer.js';

export { escapeHtml };

/** Escaped text with its line breaks kept. */
export function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

interface Face {
  /** The @font-face rule with its woff2 file as a data: URL (made on first use). */
  css: () => string;
  /** Code point ranges of its unicode-range; empty: every character. */
  ranges: Array<[number, number]>;
}

/** "U+0000-00FF, U+0131, U+4??" as code point ranges. */
export function unicodeRanges(range: string): Array<[number, number]> {
  return range.split(',').flatMap((part) => {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m?.[1]) return [];
    const from = m[1];
    if (from.includes('?')) return [[parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'f'), 16)]];
    return [[parseInt(from, 16), parseInt(m[2] ?? from, 16)]];
  });
}

/** The @font-face rules of fontsource CSS files, each with its woff2 embedded (so the print page loads nothing). */
function facesOf(pkg: string, files: readonly string[]): Face[] {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const css = files.map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('\n');
  return [...css.matchAll(/@font-face\s*{[^}]*}/g)].map(([rule]) => {
    let embedded: string | null = null;
    return {
      ranges: unicodeRanges(/unicode-range:\s*([^;]+);/.exec(rule)?.[1] ?? ''),
      css: () =>
        (embedded ??= rule
          // `block`: the page must never be printed in a fallback font.
          .replace(/font-display:\s*swap/g, 'font-display: block')
          .replace(/src:\s*url\(\.\/(files\/[^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, (_m, file: string) => {
            const data = fs.readFileSync(path.join(dir, file)).toString('base64');
            return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
          })),
    };
  });
}

let faces: { always: Face[]; fallbacks: Face[] } | null = null;

/**
 * Atkinson Hyperlegible (the documents' face, latin), then wide-coverage
 * fallbacks so a name in any script or an emoji never prints as a box: Noto
 * Sans (Greek, Cyrillic, Vietnamese…), Noto Sans SC (Chinese, Japanese kana)
 * and Noto Emoji (outline: colour emoji fonts print blank in Chromium's PDF), all OFL-1.1, from their fontsource packages.
 */
function loadFaces(): { always: Face[]; fallbacks: Face[] } {
  faces ??= {
    always: facesOf('@fontsource/atkinson-hyperlegible', ['400.css', '700.css']),
    fallbacks: [
      ...facesOf('@fontsource/noto-sans', ['400.css', '700.css']),
      ...facesOf('@fontsource/noto-sans-sc', ['400.css', '700.css']),
      ...facesOf('@fontsource/noto-emoji', ['400.css', '700.css']),
    ],
  };
  return faces;
}

export const FONT_STACK = "'Atkinson Hyperlegible', 'Noto Sans', 'Noto Sans SC', 'Noto Emoji', sans-serif";

/**
 * The @font-face rules a document needs: Atkinson always, and of the
 * fallbacks only the subsets that hold a character of the text (the CJK and
 * emoji fonts are tens of MB; a document embeds the few slices it uses).
 */
export function fontFaceCss(text = ''): string {
  const { always, fallbacks } = loadFaces();
  const points = new Set<number>();
  const covered = (p: number): boolean => always.some((face) => face.ranges.some(([from, to]) => p >= from && p <= to));
  for (const ch of text) {
    const p = ch.codePointAt(0) ?? 0;
    if (p > 0x7f && !covered(p)) points.add(p);
  }
  const used = fallbacks.filter((face) =>
    [...points].some((p) => face.ranges.some(([from, to]) => p >= from && p <= to)),
  );
  return [...always, ...used].map((face) => face.css()).join('\n');
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

export interface DocumentParts {
  lang: string;
  title: string;
  paper: PaperSize;
  css: string;
  body: string;
}

/** A complete HTML document; the @page rule sets paper and margins for both printers. */
export function documentHtml(parts: DocumentParts): string {
  return `<!doctype html>
<html lang="${escapeHtml(parts.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(parts.title)}</title>
<style>
${fontFaceCss(`${parts.title} ${parts.body}`)}
@page { size: ${parts.paper}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACK}; color: #111827; }
${parts.css}
</style>
</head>
<body>
${parts.body}
</body>
</html>`;
}

/** A list of escaped items, or the fallback text when empty. */
export function list(items: readonly string[], empty: string): string {
  if (items.length === 0) return `<p class="muted">${escapeHtml(empty)}</p>`;
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

/** The letter's look shared by the clinician's documents (the consultation summary and a visit's PDF). */
export const LETTER_CSS = `
body { font-size: 10.5pt; line-height: 1.4; }
.letterhead { display: flex; justify-content: space-between; gap: 24px; border-bottom: 2px solid #1f3a5f; padding-bottom: 8px; }
.clinic strong { font-size: 13pt; color: #1f3a5f; }
.physician { text-align: right; }
h1 { font-size: 15pt; margin: 14px 0 8px; color: #1f3a5f; }
h2 { font-size: 11.5pt; margin: 14px 0 4px; color: #1f3a5f; border-bottom: 1px solid #c9d2e0; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 2px 8px 2px 0; }
th { font-weight: 700; width: 11em; }
ul { margin: 2px 0; padding-left: 18px; }
p { margin: 2px 0; }
.muted { color: #4b5563; }
.amendment { margin: 6px 0; padding: 4px 8px; border-left: 3px solid #b45309; break-inside: avoid; }
.signature { margin-top: 16px; break-inside: avoid; }
`;

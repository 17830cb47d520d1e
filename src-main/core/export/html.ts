/**
 * What every printed document shares: escaping, the bundled font embedded as
 * data: URLs (so the print page loads nothing, in either mode), and the page
 * skeleton with a CSP that forbids every fetch and every script.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PaperSize } from './pdf-renderer.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text with its line breaks kept. */
export function multiline(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

let fontCss: string | null = null;

/**
 * Atkinson Hyperlegible 400 and 700 (latin and latin-ext), from the fontsource
 * package's own CSS so the unicode ranges stay right. `font-display: block`:
 * the page must never be printed in a fallback font.
 */
export function fontFaceCss(): string {
  if (fontCss !== null) return fontCss;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@fontsource/atkinson-hyperlegible/package.json'));
  const css = ['400.css', '700.css'].map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('\n');
  fontCss = css
    .replace(/font-display:\s*swap/g, 'font-display: block')
    .replace(/src:\s*url\(\.\/(files\/[^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, (_m, file: string) => {
      const data = fs.readFileSync(path.join(dir, file)).toString('base64');
      return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
    });
  return fontCss;
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
${fontFaceCss()}
@page { size: ${parts.paper}; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'Atkinson Hyperlegible', sans-serif; color: #111827; }
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

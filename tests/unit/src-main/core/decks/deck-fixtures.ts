/** Small deck folders written to a temp directory for the checker and library tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'consultdeck-decks-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Front matter for `language`; override or drop (`null`) fields to break it. */
export function frontMatter(id: string, language: string, fields: Record<string, string | null> = {}): string {
  const base: Record<string, string | null> = {
    id,
    title: `Title ${language}`,
    language,
    topic: 'risks',
    version: '1',
    sources: '\n  - Zhan et al. 2017',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

export function slide(id: string, body = `## Slide ${id}`, notes = ''): string {
  return `\n<!-- .slide: id="${id}" -->\n${body}\n${notes === '' ? '' : `\nNote:\n${notes}\n`}`;
}

/** One deck file: front matter plus slides joined by `---`. */
export function deckFile(
  id: string,
  language: string,
  slides: string[],
  fields: Record<string, string | null> = {},
): string {
  return frontMatter(id, language, fields) + slides.join('\n---\n');
}

/** Write `files` (relative path → content) under `root/deckId`. */
export function writeDeck(root: string, deckId: string, files: Record<string, string>): string {
  const dir = path.join(root, deckId);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The certifying front-matter items (slides/README.md) a complete deck file carries. */
export function certifying(language: string): Record<string, string> {
  const fields: Record<string, string> = {
    evidenceReviewed: '2026-11-01',
    writtenBy: 'spine surgeon',
    reviewedBy: 'interventional radiologist',
    funding: 'No external funding.',
  };
  if (language !== 'en') fields.translationReview = 'awaiting review by a native-speaking clinician';
  return fields;
}

/** A valid three-language deck with one image and a vertical slide. */
export function writeGoodDeck(root: string, deckId: string): string {
  const files: Record<string, string> = { 'assets/leak.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' };
  for (const language of ['en', 'fr', 'de']) {
    files[`${language}.md`] = deckFile(
      deckId,
      language,
      [
        slide(
          'intro',
          `## Cement can leak\n\n- It is rare. <!-- .element: class="fragment" -->\n\n![A bone](assets/leak.svg)`,
        ),
        slide('numbers', 'About 1 in 100 people.', 'Source: Zhan et al. 2017.') + '\n--\n' + slide('below'),
      ],
      certifying(language),
    );
  }
  return writeDeck(root, deckId, files);
}

/**
 * A minimal valid PDF with `pages` empty pages. The xref table must hold the
 * exact byte offset of every object, so it is computed while writing.
 */
export function minimalPdf(pages: number): string {
  const kids = Array.from({ length: pages }, (_, index) => `${index + 3} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'),
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = pdf.length;
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

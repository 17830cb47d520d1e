/**
 * One deck file (slides/README.md) → front matter and slides, the way reveal.js
 * reads it: `---` alone on a line after a blank line starts the next
 * horizontal slide, `--` the next vertical one, a `Note:` line starts the
 * speaker notes. Nothing here is sanitized; problems are reported, not thrown.
 */
import { readFrontMatter, splitFrontMatter, type FrontMatter, type LineProblem } from './front-matter.js';
import { countFragments, htmlToText, renderMarkdown } from './render-markdown.js';

export { frontMatterSchema, type FrontMatter, type LineProblem } from './front-matter.js';

export interface ParsedSlide {
  /** From `<!-- .slide: id="..." -->`; null when the slide has none. */
  id: string | null;
  h: number;
  v: number;
  /** File line (1-based) where the slide starts (its first non-blank line). */
  line: number;
  /** File line of the first line of `body` / `notes` (for locating problems). */
  bodyLine: number;
  notesLine: number;
  body: string;
  notes: string;
  /** Rendered, NOT sanitized. */
  bodyHtml: string;
  notesHtml: string;
  fragments: number;
  /** Patient text: body without tags, one block per line. */
  text: string;
}

export interface ParsedDeck {
  file: string;
  frontMatter: FrontMatter | null;
  /** Front-matter and slide-separator problems. */
  problems: LineProblem[];
  slides: ParsedSlide[];
}

const SLIDE_COMMENT = /<!--\s*\.slide:([\s\S]*?)-->/;
const ID_ATTR = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;
const NOTES_START = /^\s*notes?:/i;
const FENCE = /^\s*(```|~~~)/;

interface Chunk {
  lines: string[];
  /** File line of lines[0]. */
  line: number;
  h: number;
  v: number;
}

export function parseDeckMarkdown(source: string, fileName: string): ParsedDeck {
  const split = splitFrontMatter(source);
  const problems: LineProblem[] = [];
  let frontMatter: FrontMatter | null = null;
  if (split.yaml === null) {
    const message = split.unclosed
      ? 'front matter is not closed by a --- line'
      : 'missing front matter (a --- YAML block at the top)';
    problems.push({ line: 1, message });
  } else {
    const read = readFrontMatter(split.yaml, split.yamlLine);
    frontMatter = read.value;
    problems.push(...read.problems);
  }
  const chunks = splitSlides(split.body.split('\n'), split.bodyLine, problems);
  return { file: fileName, frontMatter, problems, slides: chunks.map(parseSlide) };
}

/** Cut the body at separator lines, outside code fences, as reveal.js does. */
function splitSlides(lines: string[], firstLine: number, problems: LineProblem[]): Chunk[] {
  const chunks: Chunk[] = [{ lines: [], line: firstLine, h: 0, v: 0 }];
  let inFence = false;
  lines.forEach((text, index) => {
    if (FENCE.test(text)) inFence = !inFence;
    const kind = inFence ? null : separatorKind(text);
    const afterBlank = index > 0 && lines[index - 1]?.trim() === '';
    const current = chunks[chunks.length - 1];
    if (!current || kind === null || !afterBlank) {
      current?.lines.push(text);
      return;
    }
    if ((lines[index + 1] ?? '').trim() !== '') {
      problems.push({
        line: firstLine + index,
        message: `slide separator '${text.trim()}' needs a blank line after it`,
      });
    }
    const h = kind === 'horizontal' ? current.h + 1 : current.h;
    const v = kind === 'horizontal' ? 0 : current.v + 1;
    chunks.push({ lines: [], line: firstLine + index + 1, h, v });
  });
  // Blank space between the front matter and a leading separator is not a slide.
  const first = chunks[0];
  if (first && chunks[1]?.v === 0 && first.lines.every((text) => text.trim() === '')) {
    chunks.shift();
    for (const chunk of chunks) chunk.h -= 1;
  }
  return chunks;
}

function separatorKind(text: string): 'horizontal' | 'vertical' | null {
  if (/^---\s*$/.test(text)) return 'horizontal';
  if (/^--\s*$/.test(text)) return 'vertical';
  return null;
}

function parseSlide(chunk: Chunk): ParsedSlide {
  const notesIndex = findNotesStart(chunk.lines);
  const bodyLines = notesIndex < 0 ? chunk.lines : chunk.lines.slice(0, notesIndex);
  const notesLines = notesIndex < 0 ? [] : chunk.lines.slice(notesIndex);
  const firstNotes = notesLines[0];
  if (firstNotes !== undefined) notesLines[0] = firstNotes.replace(NOTES_START, '');
  const rawBody = bodyLines.join('\n');
  const slideComment = SLIDE_COMMENT.exec(rawBody);
  const idMatch = slideComment ? ID_ATTR.exec(slideComment[1] ?? '') : null;
  const id = idMatch ? (idMatch[1] ?? idMatch[2] ?? idMatch[3] ?? '').trim() : null;
  // Blank out the slide comment but keep its newlines, so body offsets still map to file lines.
  const body = slideComment ? rawBody.replace(SLIDE_COMMENT, (whole) => whole.replace(/[^\n]/g, '')) : rawBody;
  const notes = notesLines.join('\n').trim() === '' ? '' : notesLines.join('\n');
  const bodyHtml = renderMarkdown(body);
  const firstText = chunk.lines.findIndex((text) => text.trim() !== '');
  return {
    id,
    h: chunk.h,
    v: chunk.v,
    line: chunk.line + Math.max(0, firstText),
    bodyLine: chunk.line,
    notesLine: chunk.line + Math.max(0, notesIndex),
    body,
    notes,
    bodyHtml,
    notesHtml: notes === '' ? '' : renderMarkdown(notes),
    fragments: countFragments(bodyHtml),
    text: htmlToText(bodyHtml),
  };
}

function findNotesStart(lines: string[]): number {
  let inFence = false;
  for (const [index, text] of lines.entries()) {
    if (FENCE.test(text)) inFence = !inFence;
    if (!inFence && NOTES_START.test(text)) return index;
  }
  return -1;
}

/**
 * Markdown → HTML for one slide (marked, GFM), with reveal.js element
 * attributes: `<!-- .element: class="fragment" -->` at the end of a list item
 * or paragraph puts its classes on that li/p. The output is NOT safe yet:
 * sanitize.ts runs on it before it reaches a window.
 */
import { Marked, type Token, type Tokens } from 'marked';

const ELEMENT_COMMENT = /^<!--\s*\.element:\s*([\s\S]*?)\s*-->$/;
const CLASS_ATTR = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;

/** Classes found in element comments, keyed by the paragraph or list-item token. */
const elementClasses = new WeakMap<object, string>();

const marked = new Marked({ gfm: true, breaks: false });
marked.use({
  renderer: {
    paragraph(token) {
      const cls = elementClasses.get(token);
      if (cls === undefined) return false;
      return `<p class="${cls}">${this.parser.parseInline(token.tokens)}</p>\n`;
    },
    listitem(item) {
      const cls = elementClasses.get(item);
      if (cls === undefined) return false;
      return `<li class="${cls}">${this.parser.parse(item.tokens)}</li>\n`;
    },
  },
});

/** Render slide markdown to (unsanitized) HTML. */
export function renderMarkdown(markdown: string): string {
  const tokens = marked.lexer(markdown);
  applyElementComments(tokens);
  return marked.parser(tokens);
}

function applyElementComments(tokens: Token[]): void {
  for (const token of tokens) {
    if (token.type === 'paragraph') {
      takeTrailingComment(token as Tokens.Paragraph, (token as Tokens.Paragraph).tokens);
    } else if (token.type === 'list') {
      for (const item of (token as Tokens.List).items) {
        // The lead text of the item (before a nested list) carries the comment.
        const lead = item.tokens.find((child) => child.type === 'text' || child.type === 'paragraph');
        if (lead && 'tokens' in lead && lead.tokens) takeTrailingComment(item, lead.tokens);
        applyElementComments(item.tokens);
      }
    } else if ('tokens' in token && Array.isArray(token.tokens)) {
      applyElementComments(token.tokens);
    }
  }
}

/** If `inline` ends with an element comment, remove it and remember its classes for `owner`. */
function takeTrailingComment(owner: object, inline: Token[]): void {
  let last = inline.length - 1;
  while (last >= 0 && inline[last]?.type === 'text' && inline[last]?.raw.trim() === '') last -= 1;
  const token = inline[last];
  if (!token || token.type !== 'html') return;
  const match = ELEMENT_COMMENT.exec(token.raw.trim());
  if (!match) return;
  // Drop the comment and the spaces before it: reveal.js shows neither.
  inline.splice(last);
  const before = inline[inline.length - 1];
  if (before?.type === 'text') before.text = before.text.trimEnd();
  const attr = CLASS_ATTR.exec(match[1] ?? '');
  const classes = (attr?.[1] ?? attr?.[2] ?? attr?.[3] ?? '').split(/\s+/).filter((name) => /^[\w-]+$/.test(name));
  const previous = elementClasses.get(owner);
  elementClasses.set(owner, [...(previous ? [previous] : []), ...classes].join(' '));
}

/** Number of fragment steps: elements whose class list contains `fragment`. */
export function countFragments(html: string): number {
  let count = 0;
  for (const match of html.matchAll(/\sclass\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if ((match[1] ?? match[2] ?? '').split(/\s+/).includes('fragment')) count += 1;
  }
  return count;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Plain text of rendered HTML, one block (heading, paragraph line, list item,
 * cell) per line — the unit readability counts as a sentence. Component labels
 * (icon-array `data-label`) are shown to the patient, so they count as text.
 */
export function htmlToText(html: string): string {
  const labels = [...html.matchAll(/\sdata-label\s*=\s*"([^"]*)"/g)].map((match) => `\n${match[1] ?? ''}\n`);
  const text = html
    .replace(/<(script|style|svg|iframe|object|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?(?:h[1-6]|p|li|ul|ol|td|th|tr|figcaption|blockquote|div|br|hr|table|caption)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text + labels.join(''))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

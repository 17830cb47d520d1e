/**
 * The last gate before slide HTML reaches a window. Deck files come from the
 * clinic's own folder too, so the HTML is treated as hostile: a strict
 * allowlist, no links, no URL schemes at all (the app must work offline and
 * must never load anything from the network), only the deck's own assets.
 */
import sanitizeHtml from 'sanitize-html';

/** reveal.js fragment styles (https://revealjs.com/fragments/). */
export const fragmentClasses = [
  'fragment',
  'fade-in',
  'fade-out',
  'fade-up',
  'fade-down',
  'fade-left',
  'fade-right',
  'fade-in-then-out',
  'fade-in-then-semi-out',
  'current-visible',
  'semi-fade-out',
  'grow',
  'shrink',
  'strike',
  'highlight-red',
  'highlight-green',
  'highlight-blue',
  'highlight-current-red',
  'highlight-current-green',
  'highlight-current-blue',
] as const;

/** Components the app draws itself; anything else would be an empty box. */
export const slideComponents = ['patient-spine', 'icon-array', 'your-level'] as const;

const textTags = ['p', 'br', 'hr', 'strong', 'em', 'b', 'i', 'sup', 'sub', 'small', 'blockquote'];
const structureTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'figure', 'figcaption', 'span', 'div'];
const tableTags = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'];
/** Tags whose content is dropped with them (not kept as text). */
const droppedWithContent = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'template',
  'textarea',
  'noscript',
  'title',
  'select',
];

/** A relative path into the deck's assets folder: no scheme, no `..`, no query. */
const ASSET_SRC = /^(?:\.\/)?assets\/((?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*)$/;

/** The URL under which a deck's files are served. */
export function deckAssetBase(deckId: string): string {
  return `/decks/${encodeURIComponent(deckId)}/`;
}

/** Rewrite `assets/x.svg` to `/decks/<id>/assets/x.svg`; null for anything else. */
export function rewriteAssetSrc(src: string, deckId: string): string | null {
  const match = ASSET_SRC.exec(src.trim());
  if (!match || match[1]?.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  return `${deckAssetBase(deckId)}assets/${match[1]}`;
}

function options(deckId: string): sanitizeHtml.IOptions {
  const classed = ['p', 'li', 'span', 'div', 'figure', 'img', 'blockquote', 'tr'];
  return {
    allowedTags: [...textTags, ...structureTags, ...tableTags, 'img'],
    nonTextTags: droppedWithContent,
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      ...Object.fromEntries(classed.map((tag) => [tag, ['class']])),
      div: ['class', 'data-component', 'data-highlight', 'data-total', 'data-label', 'data-tone'],
      img: ['class', 'src', 'alt', 'width', 'height'],
      th: ['colspan', 'rowspan', 'align'],
      td: ['colspan', 'rowspan', 'align'],
    },
    allowedClasses: { '*': [...fragmentClasses] },
    // No scheme is allowed anywhere: only relative asset paths survive.
    allowedSchemes: [],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ['src', 'href', 'cite', 'srcset'],
    allowProtocolRelative: false,
    transformTags: {
      img: (tagName, attribs) => ({ tagName, attribs: assetImage(attribs, deckId) }),
      div: (tagName, attribs) => ({ tagName, attribs: componentDiv(attribs) }),
    },
    // An image whose source was refused is dropped rather than shown broken.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
  };
}

function assetImage(attribs: sanitizeHtml.Attributes, deckId: string): sanitizeHtml.Attributes {
  const { src, ...rest } = attribs;
  const rewritten = src === undefined ? null : rewriteAssetSrc(src, deckId);
  return rewritten === null ? rest : { src: rewritten, ...rest };
}

/** Component attributes only as the components understand them; others are dropped. */
function componentDiv(attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (name === 'data-component' && !(slideComponents as readonly string[]).includes(value)) continue;
    if ((name === 'data-highlight' || name === 'data-total') && !/^\d{1,4}$/.test(value)) continue;
    if (name === 'data-tone' && !/^(harm|good|neutral)$/.test(value)) continue;
    kept[name] = value;
  }
  return kept;
}

/** Sanitize rendered slide or notes HTML of deck `deckId`. */
export function sanitizeSlideHtml(html: string, deckId: string): string {
  return sanitizeHtml(html, options(deckId));
}

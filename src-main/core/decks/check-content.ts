/**
 * The content rules of slides/README.md ("Numbers, sources and certifying
 * items"): certifying front-matter fields, the same numbers on a slide in every
 * language, number formatting per language, a `Source:` line in the notes of
 * every slide that states a number, and no drafting words left in the notes.
 *
 * They are kept apart from the structural problems (check.ts `problems`) that
 * leave a deck out of the app: `decks:check` fails on them, while the app keeps
 * showing a deck whose wording is still being corrected.
 */
import type { Language } from '../../../src-shared/contract/common.js';
import type { LineProblem, ParsedDeck, ParsedSlide } from './parse-markdown.js';

/** Front-matter fields every deck file must carry (IPDAS certifying items). */
export const certifyingFields = [
  'version',
  'evidenceReviewed',
  'writtenBy',
  'reviewedBy',
  'funding',
  'sources',
] as const;

/** Grouping and decimal separators per language, as a reader there writes them. */
const NUMBER_FORMAT: Record<Language, { token: RegExp; canonical: RegExp; example: string }> = {
  en: {
    token: /\d+(?:[.,]\d+)*/g,
    canonical: /^(?:\d{1,3}(?:,\d{3})+|\d{1,4})(?:\.\d+)?$/,
    example: '1,000 and 3.5',
  },
  fr: {
    // French groups thousands with a (narrow) no-break space or a plain space.
    token: /\d+(?:(?:[.,]|[ \u00A0\u202F])\d+)*/g,
    canonical: /^(?:\d{1,3}(?:[ \u00A0\u202F]\d{3})+|\d{1,4})(?:,\d+)?$/,
    example: '1 000 and 3,5',
  },
  de: {
    token: /\d+(?:[.,]\d+)*/g,
    canonical: /^(?:\d{1,3}(?:\.\d{3})+|\d{1,4})(?:,\d+)?$/,
    example: '1.000 and 3,5',
  },
};

/** Drafting words that must not reach a clinician's notes (checked case-insensitively). */
const DRAFT_WORDS =
  /\b(?:to be checked|checks?|checking|fact[- ]base|seed(?:s|ed)?|à vérifier|zu prüfen|Faktenbasis)(?![\p{L}])/giu;

/** A notes line naming the evidence: `Source:` (fr `Source :`, de `Quelle:`). */
const SOURCE_LINE = /(?:^|\n)\s*(?:Sources?|Quellen?)\s*:/i;

export interface NumberToken {
  text: string;
  /** Numeric value under the language's separators; NaN when the format is wrong. */
  value: number;
}

/** The numbers written in `text`, read with `language`'s separators. */
export function numbersIn(text: string, language: Language): NumberToken[] {
  const format = NUMBER_FORMAT[language];
  return [...text.matchAll(format.token)].map(([raw]) => {
    const text = raw.trim();
    if (!format.canonical.test(text)) return { text, value: Number.NaN };
    const [whole = '', fraction] = language === 'en' ? text.split('.') : text.split(',');
    const digits = whole.replace(/[^\d]/g, '');
    return { text, value: Number(fraction === undefined ? digits : `${digits}.${fraction}`) };
  });
}

/** A year (1900–2099) is written without a separator in every language. */
const isYear = (value: number): boolean => Number.isInteger(value) && value >= 1900 && value <= 2099;

/** Content problems per language file of one deck. */
export function checkDeckContent(files: Partial<Record<Language, ParsedDeck>>): Map<Language, LineProblem[]> {
  const result = new Map<Language, LineProblem[]>();
  for (const [language, deck] of Object.entries(files) as [Language, ParsedDeck][]) {
    const problems = [...checkCertifying(deck, language)];
    for (const slide of deck.slides) problems.push(...checkSlideContent(slide, language));
    if (language !== 'en' && files.en) problems.push(...compareNumbers(files.en, deck, language));
    result.set(language, problems);
  }
  return result;
}

function checkCertifying(deck: ParsedDeck, language: Language): LineProblem[] {
  const front = deck.frontMatter;
  if (!front) return []; // the parser already reported the missing front matter
  const problems: LineProblem[] = certifyingFields
    .filter((field) => front[field] === undefined)
    .map((field) => ({ line: 1, message: `front matter is missing the certifying item '${field}'` }));
  if (language !== 'en' && front.translationReview === undefined) {
    problems.push({
      line: 1,
      message: 'front matter is missing \'translationReview\' (e.g. "awaiting review by a native-speaking clinician")',
    });
  }
  return problems;
}

function label(slide: ParsedSlide): string {
  return slide.id === null ? `slide at line ${slide.line}` : `slide '${slide.id}'`;
}

function checkSlideContent(slide: ParsedSlide, language: Language): LineProblem[] {
  const problems: LineProblem[] = [];
  for (const number of numbersIn(slide.text, language)) {
    const ungroupedLarge = /^\d{4}$/.test(number.text) && !isYear(number.value) && Number(number.text) >= 1000;
    if (Number.isNaN(number.value) || ungroupedLarge) {
      problems.push({
        line: slide.bodyLine,
        message: `${label(slide)}: number '${number.text}' is not written the ${language} way (${NUMBER_FORMAT[language].example})`,
      });
    }
  }
  const hasNumber = /\d/.test(slide.text);
  if (hasNumber && slide.notes.trim() !== '' && !SOURCE_LINE.test(slide.notes)) {
    // Empty notes are already a structural problem (check-rules.ts).
    problems.push({
      line: slide.notesLine,
      message: `${label(slide)} states a number but its notes have no 'Source:' line`,
    });
  }
  for (const match of slide.notes.matchAll(DRAFT_WORDS)) {
    const offset = slide.notes.slice(0, match.index).split('\n').length - 1;
    problems.push({
      line: slide.notesLine + offset,
      message: `${label(slide)}: notes still contain the drafting word '${match[0]}'`,
    });
  }
  return problems;
}

/** Every number of an English slide must appear on the slide of the same id in `other`. */
function compareNumbers(en: ParsedDeck, other: ParsedDeck, language: Language): LineProblem[] {
  const problems: LineProblem[] = [];
  const byId = new Map(other.slides.filter((slide) => slide.id !== null).map((slide) => [slide.id, slide]));
  for (const enSlide of en.slides) {
    const slide = enSlide.id === null ? undefined : byId.get(enSlide.id);
    if (!slide) continue; // a missing slide is reported by the translation comparison
    const remaining = numbersIn(slide.text, language).map((number) => number.value);
    const missing: string[] = [];
    for (const number of numbersIn(enSlide.text, 'en')) {
      if (Number.isNaN(number.value)) continue; // already reported on en.md
      const at = remaining.indexOf(number.value);
      if (at >= 0) remaining.splice(at, 1);
      else missing.push(number.text);
    }
    if (missing.length > 0) {
      problems.push({
        line: slide.bodyLine,
        message: `${label(slide)} lacks the number${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of en.md`,
      });
    }
  }
  return problems;
}

/**
 * Flesch–Kincaid grade level of English patient text. Slide text is mostly
 * headings and bullet points without full stops, so every non-empty line
 * (heading, list item, paragraph line) counts as at least one sentence;
 * otherwise a slide of ten bullets would read as one enormous sentence.
 */
import { syllable } from 'syllable';

export interface Readability {
  /** US school grade; 0 when there is no text. */
  grade: number;
  words: number;
  sentences: number;
  syllables: number;
}

const LETTER = /\p{L}/u;
const SENTENCE_END = /[.!?]+/;

/** Counts for one piece of text; sum several with `combineReadability`. */
export function readability(text: string): Readability {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const line of text.split(/\r?\n/)) {
    for (const part of line.split(SENTENCE_END)) {
      const tokens = part.split(/\s+/).filter((token) => LETTER.test(token));
      if (tokens.length === 0) continue;
      sentences += 1;
      words += tokens.length;
      for (const token of tokens) syllables += Math.max(1, syllable(wordOf(token)));
    }
  }
  return { grade: grade(words, sentences, syllables), words, sentences, syllables };
}

/** Counts of several texts taken together (one deck). */
export function combineReadability(parts: readonly Readability[]): Readability {
  const words = sum(parts, (part) => part.words);
  const sentences = sum(parts, (part) => part.sentences);
  const syllables = sum(parts, (part) => part.syllables);
  return { grade: grade(words, sentences, syllables), words, sentences, syllables };
}

function grade(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** Strip surrounding punctuation so "bone," counts like "bone". */
function wordOf(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function sum(parts: readonly Readability[], pick: (part: Readability) => number): number {
  return parts.reduce((total, part) => total + pick(part), 0);
}

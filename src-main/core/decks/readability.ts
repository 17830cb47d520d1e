/**
 * Readability of English patient text: Flesch–Kincaid grade and SMOG.
 *
 * `readability` counts every non-empty line as at least one sentence (a slide
 * of ten unpunctuated bullets would otherwise read as one enormous sentence).
 * `runningReadability` is the stricter measure the checker reports: a slide's
 * lines are joined into one running text, so only real sentence ends (. ! ?)
 * end a sentence — bullets have to be written as short full sentences to score well.
 */
import { syllable } from 'syllable';

export interface Readability {
  /** Flesch–Kincaid US school grade; 0 when there is no text. */
  grade: number;
  /** SMOG grade (McLaughlin 1969); 0 when there is no text. */
  smog: number;
  words: number;
  sentences: number;
  syllables: number;
  /** Words of three or more syllables (SMOG counts these). */
  polysyllables: number;
}

const LETTER = /\p{L}/u;
const SENTENCE_END = /[.!?]+/;

/** Counts for one piece of text, one line at least one sentence; sum several with `combineReadability`. */
export function readability(text: string): Readability {
  const counts = { words: 0, sentences: 0, syllables: 0, polysyllables: 0 };
  for (const line of text.split(/\r?\n/)) addSentences(line, counts);
  return score(counts);
}

/** Counts for a slide's lines joined into one running text (only . ! ? end a sentence). */
export function runningReadability(text: string): Readability {
  const counts = { words: 0, sentences: 0, syllables: 0, polysyllables: 0 };
  addSentences(text.split(/\r?\n/).join(' '), counts);
  return score(counts);
}

type Counts = Omit<Readability, 'grade' | 'smog'>;

function addSentences(text: string, counts: Counts): void {
  for (const part of text.split(SENTENCE_END)) {
    const tokens = part.split(/\s+/).filter((token) => LETTER.test(token));
    if (tokens.length === 0) continue;
    counts.sentences += 1;
    counts.words += tokens.length;
    for (const token of tokens) {
      const count = Math.max(1, syllable(wordOf(token)));
      counts.syllables += count;
      if (count >= 3) counts.polysyllables += 1;
    }
  }
}

/** Counts of several texts taken together (one deck). */
export function combineReadability(parts: readonly Readability[]): Readability {
  return score({
    words: sum(parts, (part) => part.words),
    sentences: sum(parts, (part) => part.sentences),
    syllables: sum(parts, (part) => part.syllables),
    polysyllables: sum(parts, (part) => part.polysyllables),
  });
}

function score(counts: Counts): Readability {
  const { words, sentences, syllables, polysyllables } = counts;
  if (words === 0 || sentences === 0) return { grade: 0, smog: 0, ...counts };
  const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
  const smog = 1.043 * Math.sqrt(polysyllables * (30 / sentences)) + 3.1291;
  return { grade, smog, ...counts };
}

/** Strip surrounding punctuation so "bone," counts like "bone". */
function wordOf(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function sum(parts: readonly Readability[], pick: (part: Readability) => number): number {
  return parts.reduce((total, part) => total + pick(part), 0);
}

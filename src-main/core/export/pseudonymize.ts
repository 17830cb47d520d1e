/**
 * Replaces a patient's name in free text by their code, for pseudonymized
 * exports: notes often say "Mrs Müller" even when the export must not. Words
 * are compared folded (case and accents ignored), so "MULLER" and "Müller"
 * both go. Name particles ("de", "von", "van der") are kept: replacing them
 * would rewrite ordinary French or German words everywhere in the notes.
 */
import type { Patient } from '../../../src-shared/contract/index.js';
import { fold } from '../records/patients.js';

const PARTICLES = new Set([
  'al',
  'da',
  'das',
  'de',
  'del',
  'della',
  'den',
  'der',
  'des',
  'di',
  'do',
  'dos',
  'du',
  'el',
  'la',
  'le',
  'st',
  'ten',
  'ter',
  'van',
  'von',
  'zu',
  'zum',
  'zur',
]);

/** Letters (with combining marks) only: "Müller's" is the word "Müller" then "'s". */
const WORD = /[\p{L}\p{M}]+/gu;

/** The folded words of a name that identify the patient. */
export function nameWords(displayName: string | null): Set<string> {
  const words = new Set<string>();
  for (const match of (displayName ?? '').matchAll(WORD)) {
    const word = fold(match[0]);
    if (word.length >= 2 && !PARTICLES.has(word)) words.add(word);
  }
  return words;
}

/** What may stand between two words of one name: "Anna Müller", "Müller-Keller", "O’Brien". */
const JOINER = /^[\s\-'’.]+$/u;

/**
 * A function that puts the code in place of the patient's name: each run of
 * name words (with the spaces, hyphens and apostrophes between them) becomes
 * one code, and the hospital number goes too.
 */
export function nameScrubber(
  patient: Pick<Patient, 'displayName' | 'code' | 'hospitalNumber'>,
): (text: string) => string {
  const words = nameWords(patient.displayName);
  const isName = (part: string | undefined): boolean => part !== undefined && words.has(fold(part));
  return (text) => {
    // Odd indexes hold the words, even ones what lies between them.
    const parts = text.split(/([\p{L}\p{M}]+)/u);
    const out: string[] = [];
    for (let i = 0; i < parts.length; i += 1) {
      if (i % 2 === 0 || !isName(parts[i])) {
        out.push(parts[i] ?? '');
        continue;
      }
      while (JOINER.test(parts[i + 1] ?? '') && isName(parts[i + 2])) i += 2;
      out.push(patient.code);
    }
    const scrubbed = out.join('');
    return patient.hospitalNumber ? scrubbed.split(patient.hospitalNumber).join(patient.code) : scrubbed;
  };
}

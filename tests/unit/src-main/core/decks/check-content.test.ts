import { describe, expect, it } from 'vitest';
import { checkDeckFolder } from '../../../../../src-main/core/decks/check.js';
import { numbersIn } from '../../../../../src-main/core/decks/check-content.js';
import { certifying, deckFile, slide, tempDir, writeDeck, writeGoodDeck } from './deck-fixtures.js';

/** Content problems ("file:line: message") of a deck given per language as slide lists. */
function contentOf(
  slides: Partial<Record<'en' | 'fr' | 'de', string[]>>,
  fields: (language: string) => Record<string, string | null> = certifying,
): string[] {
  const files: Record<string, string> = {};
  for (const [language, list] of Object.entries(slides))
    files[`${language}.md`] = deckFile('demo', language, list, fields(language));
  const result = checkDeckFolder(writeDeck(tempDir(), 'demo', files));
  return result.contentProblems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

const sourced = (id: string, body: string): string => slide(id, body, 'Source: Zhan et al. 2017.');

describe('deck content rules', () => {
  it('passes the good deck, whose problems stay structural-only', () => {
    const result = checkDeckFolder(writeGoodDeck(tempDir(), 'good'));
    expect(result.contentProblems).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reports each missing certifying item, and a translation without its review status', () => {
    const problems = contentOf({ en: [slide('a')], fr: [slide('a')] }, (language) =>
      language === 'en' ? { ...certifying('en'), funding: null } : { ...certifying('fr'), translationReview: null },
    );
    expect(problems).toEqual([
      "demo/en.md:1: front matter is missing the certifying item 'funding'",
      expect.stringMatching(/^demo\/fr\.md:1: front matter is missing 'translationReview'/),
    ]);
  });

  it('keeps a deck missing certifying items in the app (content, not structural)', () => {
    const dir = writeDeck(tempDir(), 'demo', { 'en.md': deckFile('demo', 'en', [slide('a')]) });
    const result = checkDeckFolder(dir);
    expect(result.problems).toEqual([]);
    expect(result.contentProblems).toHaveLength(4);
  });

  it('refuses a badly written evidence date and a paragraph as a role (front-matter parser)', () => {
    const dir = writeDeck(tempDir(), 'demo', {
      'en.md': deckFile('demo', 'en', [slide('a')], {
        ...certifying('en'),
        evidenceReviewed: '2026-02-30',
        writtenBy: `"${'x'.repeat(200)}"`,
      }),
    });
    const messages = checkDeckFolder(dir).problems.map((p) => p.message);
    expect(messages).toContain("front matter 'evidenceReviewed': is not a real calendar date");
    expect(messages).toContain("front matter 'writtenBy': must be a short role, not a paragraph");
  });

  it('finds an English number missing from the French and German slide of the same id', () => {
    const problems = contentOf({
      en: [sourced('risk', 'About 8 in 1,000 people; 3.5 days.')],
      fr: [sourced('risk', 'Environ 8 sur 1 000 personnes ; 3,5 jours.')],
      de: [sourced('risk', 'Etwa 8 von 100 Menschen; 3,5 Tage.')],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^demo\/de\.md:\d+: slide 'risk' lacks the number 1,000 of en\.md$/),
    ]);
  });

  it('counts a repeated number as often as English states it', () => {
    const problems = contentOf({
      en: [sourced('two', '1 in 10 and 1 in 20.')],
      fr: [sourced('two', '1 sur 10 et sur 20.')],
    });
    expect(problems).toEqual([expect.stringMatching(/slide 'two' lacks the number 1 of en\.md$/)]);
  });

  it('enforces number formatting per language', () => {
    const problems = contentOf({
      en: [sourced('f', 'About 3,5 days; 12000 people; in 2018.')],
      fr: [sourced('f', 'Environ 3.5 jours ; 12,000 personnes ; en 2018.')],
      de: [sourced('f', 'Etwa 3.5 Tage; 12 000 Menschen; 2018.')],
    });
    const format = problems.filter((line) => line.includes('is not written'));
    expect(format).toEqual([
      expect.stringContaining("en.md:14: slide 'f': number '3,5' is not written the en way (1,000 and 3.5)"),
      expect.stringContaining("number '12000' is not written the en way"),
      expect.stringContaining("fr.md:15: slide 'f': number '3.5' is not written the fr way (1 000 and 3,5)"),
      expect.stringContaining("de.md:15: slide 'f': number '3.5' is not written the de way (1.000 and 3,5)"),
    ]);
    // The year is accepted everywhere; fr "12,000" reads as 12 (not 12,000) and German split "12 000" too.
    expect(format.join('\n')).not.toContain('2018');
  });

  it('reads numbers with each language’s separators', () => {
    expect(numbersIn('1,000 and 3.5', 'en').map((n) => n.value)).toEqual([1000, 3.5]);
    expect(numbersIn('1\u202F000 et 3,5 et 1 000', 'fr').map((n) => n.value)).toEqual([1000, 3.5, 1000]);
    expect(numbersIn('1.000 und 3,5', 'de').map((n) => n.value)).toEqual([1000, 3.5]);
    expect(numbersIn('3,5', 'en')[0]?.value).toBeNaN();
  });

  it('requires a Source: line in the notes of a slide stating a number', () => {
    const problems = contentOf({
      en: [slide('n', 'About 1 in 100.', 'From a big trial.'), slide('ok', 'About 1 in 100.', 'Source: VERTOS IV.')],
      fr: [
        slide('n', 'Environ 1 sur 100.', 'Source : Zhan.'),
        slide('ok', 'Environ 1 sur 100.', 'Source : VERTOS IV.'),
      ],
      de: [slide('n', 'Etwa 1 von 100.', 'Quelle: Zhan.'), slide('ok', 'Etwa 1 von 100.', 'Quelle: VERTOS IV.')],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^demo\/en\.md:\d+: slide 'n' states a number but its notes have no 'Source:' line$/),
    ]);
  });

  it('reports drafting words left in the notes, on their line', () => {
    const problems = contentOf({
      en: [
        slide('d', '## Words', 'Fine line.\nTo be checked against the fact base.\nCheck the seed data.'),
        slide('clean', '## Words', 'Ask what the patient checked online? No: "checked" is a normal word.'),
      ],
    });
    expect(problems.map((line) => line.replace(/^demo\/en\.md:/, ''))).toEqual([
      expect.stringMatching(/^\d+: slide 'd': notes still contain the drafting word 'To be checked'$/),
      expect.stringMatching(/^\d+: slide 'd': notes still contain the drafting word 'fact base'$/),
      expect.stringMatching(/^\d+: slide 'd': notes still contain the drafting word 'Check'$/),
      expect.stringMatching(/^\d+: slide 'd': notes still contain the drafting word 'seed'$/),
    ]);
    const lines = problems.map((line) => Number(/:(\d+):/.exec(line)?.[1]));
    expect(lines[0]).toBe(lines[2]! - 1);
  });
});

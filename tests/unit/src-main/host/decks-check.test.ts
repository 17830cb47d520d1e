import { describe, expect, it } from 'vitest';
import { checkDecks } from '../../../../src-main/core/decks/check.js';
import { formatCheck } from '../../../../src-main/host/decks-check.js';
import { deckFile, slide, tempDir, writeDeck, writeGoodDeck } from '../core/decks/deck-fixtures.js';

describe('decks-check output', () => {
  it('prints problems, readability per English deck and a summary; exit 1 on problems', () => {
    const root = tempDir();
    writeGoodDeck(root, 'good-deck');
    writeDeck(root, 'bad', { 'en.md': deckFile('bad', 'en', [slide('a', '<script>x</script>')]) });
    const { lines, exitCode } = formatCheck(checkDecks(root));
    expect(lines[0]).toBe('bad/en.md:12: unsafe element <script>');
    // The bad deck also lacks its certifying items (content rules, which fail the CLI too).
    expect(lines.filter((line) => line.startsWith('bad/en.md:1: front matter is missing the certifying'))).toHaveLength(
      4,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^readability bad: grade -?\d+\.\d, SMOG \d+\.\d \(\d+ words\)/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^readability good-deck: grade -?\d+\.\d, SMOG \d+\.\d \(\d+ words\)$/),
    );
    expect(lines.at(-1)).toBe('2 decks checked, 5 problems');
    expect(exitCode).toBe(1);
  });

  it('exits 0 when every deck passes', () => {
    const root = tempDir();
    writeGoodDeck(root, 'good-deck');
    expect(formatCheck(checkDecks(root))).toMatchObject({ exitCode: 0 });
  });
});

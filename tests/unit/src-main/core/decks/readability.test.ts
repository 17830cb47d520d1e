import { describe, expect, it } from 'vitest';
import { combineReadability, readability, runningReadability } from '../../../../../src-main/core/decks/readability.js';

describe('readability', () => {
  it('scores a known simple sentence', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45
    const result = readability('The cat sat on the mat.');
    expect(result).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
    expect(result.grade).toBeCloseTo(-1.45, 2);
  });

  it('scores long words and long sentences higher', () => {
    const text =
      'Percutaneous vertebroplasty stabilizes osteoporotic compression fractures with polymethylmethacrylate cement injection.';
    expect(readability(text).grade).toBeGreaterThan(12);
  });

  it('counts every line as a sentence and splits on . ! ?', () => {
    const result = readability('Cement can leak\nIt is rare. Tell us! Any pain?\n\n18 in 100');
    expect(result.sentences).toBe(5);
    expect(result.words).toBe(11);
  });

  it('ignores tokens without letters and empty text', () => {
    expect(readability('12 - 40 %')).toEqual({
      grade: 0,
      smog: 0,
      words: 0,
      sentences: 0,
      syllables: 0,
      polysyllables: 0,
    });
  });

  it('combines the counts of several slides', () => {
    const combined = combineReadability([readability('The cat sat.'), readability('The dog ran.')]);
    expect(combined).toMatchObject({ words: 6, sentences: 2, syllables: 6 });
    expect(combined.grade).toBeCloseTo(0.39 * 3 + 11.8 - 15.59, 5);
  });
});

describe('running readability and SMOG', () => {
  it('joins a slide’s lines so only real sentence ends count', () => {
    const bullets = 'Cement can leak\nIt is rare\nTell us about pain';
    expect(readability(bullets).sentences).toBe(3);
    expect(runningReadability(bullets).sentences).toBe(1);
    expect(runningReadability(bullets).grade).toBeGreaterThan(readability(bullets).grade);
  });

  it('computes SMOG from words of three or more syllables', () => {
    // 2 sentences, polysyllables: "operation", "important" → 1.043 * sqrt(2 * 30 / 2) + 3.1291
    const result = runningReadability('The operation is important. We talk first.');
    expect(result.polysyllables).toBe(2);
    expect(result.smog).toBeCloseTo(1.043 * Math.sqrt(30) + 3.1291, 3);
    expect(runningReadability('The cat sat. The dog ran.').smog).toBeCloseTo(3.1291, 3);
  });
});

/** Every bundled deck must pass `decks:check` in all three languages, or the app leaves it out. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDeckFolder, findDeckFolders } from '../../../src-main/core/decks/check.js';

const slidesDir = fileURLToPath(new URL('../../../slides/', import.meta.url));
const folders = findDeckFolders(slidesDir);

describe('bundled decks', () => {
  it('exist', () => {
    expect(folders.length).toBeGreaterThan(0);
  });

  it.each(folders.map((dir) => [path.basename(dir), dir]))('%s passes the checker in en, fr and de', (_name, dir) => {
    const missing = ['en.md', 'fr.md', 'de.md'].filter((file) => !existsSync(path.join(dir, file)));
    const result = checkDeckFolder(dir, slidesDir);
    const problems = result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect({ missing, problems }).toEqual({ missing: [], problems: [] });
  });

  // The other content rules are reported by `decks:check` while the deck texts are being corrected;
  // the certifying items (IPDAS) are already required of every bundled deck.
  it.each(folders.map((dir) => [path.basename(dir), dir]))('%s states its certifying items', (_name, dir) => {
    const certifying = checkDeckFolder(dir, slidesDir)
      .contentProblems.filter((p) => /certifying item|translationReview/.test(p.message))
      .map((p) => `${p.file}: ${p.message}`);
    expect(certifying).toEqual([]);
  });
});

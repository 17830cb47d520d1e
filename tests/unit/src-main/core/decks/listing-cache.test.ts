import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeckLibrary } from '../../../../../src-main/core/decks/library.js';
import { deckFile, slide, tempDir, writeDeck, writeGoodDeck } from './deck-fixtures.js';

/** A bundled good deck and a clinic deck, with a listing cache file in the data folder. */
function setup(): { bundledDir: string; userDir: string; cacheFile: string; clinicEn: string } {
  const root = tempDir();
  const bundledDir = path.join(root, 'slides');
  const userDir = path.join(root, 'data', 'decks');
  writeGoodDeck(bundledDir, 'good-deck');
  writeDeck(userDir, 'clinic-deck', {
    'en.md': deckFile('clinic-deck', 'en', [slide('welcome', '## Welcome to our clinic')]),
  });
  utimesSync(path.join(userDir, 'clinic-deck', 'en.md'), FIXED_TIME, FIXED_TIME);
  return {
    bundledDir,
    userDir,
    cacheFile: path.join(root, 'data', 'cache', 'deck-listing.json'),
    clinicEn: path.join(userDir, 'clinic-deck', 'en.md'),
  };
}

const FIXED_TIME = new Date('2026-01-01T00:00:00Z');

/** Rewrites a file with same-sized content and the same (whole-second) dates, so its stamp does not change. */
function rewriteKeepingStamp(file: string, content: string): void {
  expect(Buffer.byteLength(content)).toBe(statSync(file).size);
  writeFileSync(file, content);
  utimesSync(file, FIXED_TIME, FIXED_TIME);
}

describe('deck listing cache (start-up does not re-check unchanged decks)', () => {
  it('lists an unchanged deck from the cache (not checked again) and renders it from the file when shown', () => {
    const s = setup();
    const first = createDeckLibrary({ ...s, listingCacheFile: s.cacheFile, version: '1.0.0' });
    expect(first.list().decks.map((d) => d.id)).toEqual(['good-deck', 'clinic-deck']);
    expect(statSync(s.cacheFile).mode & 0o777).toBe(0o600);
    // Same size and dates: a second start takes the listing from the cache without reading the file; a
    // change the checker would refuse is therefore not seen (the stamp is what marks a deck as changed)…
    const original = readFileSync(s.clinicEn, 'utf8');
    rewriteKeepingStamp(s.clinicEn, original.replace('## Welcome to our clinic', '<script>x()</script>'.padEnd(24)));
    const second = createDeckLibrary({ ...s, listingCacheFile: s.cacheFile, version: '1.0.0' });
    expect(second.list().decks.map((d) => d.id)).toEqual(['good-deck', 'clinic-deck']);
    // …while what is shown is parsed and sanitized from the file as it is now.
    const html = second.get('clinic-deck', 'en', { withNotes: false })?.slides[0]?.html ?? '';
    expect(html).not.toContain('Welcome to our clinic');
    expect(html).not.toContain('<script');
  });

  it('checks a deck again when its files change, and after an app update', () => {
    const s = setup();
    createDeckLibrary({ ...s, listingCacheFile: s.cacheFile, version: '1.0.0' }).list();
    const broken = deckFile('clinic-deck', 'en', [slide('welcome', '<script>x()</script>')]);
    writeFileSync(s.clinicEn, broken);
    const changed = createDeckLibrary({ ...s, listingCacheFile: s.cacheFile, version: '1.0.0' }).list();
    expect(changed.decks.map((d) => d.id)).toEqual(['good-deck']);
    expect(changed.problems.map((p) => p.message)).toContain('unsafe element <script>');
    // Broken but with the stamp of a good listing from another version: checked again, so left out.
    const other = setup();
    createDeckLibrary({ ...other, listingCacheFile: other.cacheFile, version: '1.0.0' }).list();
    const good = readFileSync(other.clinicEn, 'utf8');
    rewriteKeepingStamp(other.clinicEn, good.replace('## Welcome to our clinic', '<script>x()</script>'.padEnd(24)));
    const updated = createDeckLibrary({ ...other, listingCacheFile: other.cacheFile, version: '1.1.0' }).list();
    expect(updated.decks.map((d) => d.id)).toEqual(['good-deck']);
  });

  it('ignores an unreadable cache file and replaces it', () => {
    const s = setup();
    createDeckLibrary({ ...s, listingCacheFile: s.cacheFile, version: '1.0.0' }).list();
    writeFileSync(s.cacheFile, '{ not json');
    const listing = createDeckLibrary({ ...s, listingCacheFile: s.cacheFile, version: '1.0.0' }).list();
    expect(listing.decks.map((d) => d.id)).toEqual(['good-deck', 'clinic-deck']);
    expect(() => JSON.parse(readFileSync(s.cacheFile, 'utf8')) as unknown).not.toThrow();
  });
});

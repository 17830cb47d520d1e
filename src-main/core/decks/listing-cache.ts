/**
 * What the deck check found for each deck folder, kept on disk between starts,
 * so that start-up does not grow with the clinic's own deck folder: a deck
 * whose files have not changed (same names, sizes and dates, same app version)
 * is listed from here and parsed only when it is first shown. The file holds
 * deck titles and check messages, never patient data; it is still written
 * 0600 in the 0700 data folder like everything there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { deckProblemSchema, deckSummarySchema } from '../../../src-shared/contract/decks.js';
import type { DeckProblem, DeckSummary } from '../../../src-shared/contract/decks.js';

/** Bump when the checker's rules change, so every deck is checked again. */
export const LISTING_RULES = 2;
/** A deck folder with more files than this is not stamped (and so always checked). */
const MAX_FILES = 2000;

export interface CachedDeck {
  stamp: string;
  /** The deck's listing, or null when the check left it out. */
  summary: DeckSummary | null;
  problems: DeckProblem[];
}

export interface DeckListingCache {
  get(dir: string, stamp: string): CachedDeck | undefined;
  set(dir: string, entry: CachedDeck): void;
  /** Writes the file if anything changed (temp file, then rename). */
  save(): void;
}

const fileSchema = z.object({
  key: z.string(),
  decks: z.record(
    z.string(),
    z.object({ stamp: z.string(), summary: deckSummarySchema.nullable(), problems: z.array(deckProblemSchema) }),
  ),
});

/** Names, sizes and dates of every file in a deck folder; null if it cannot be read or is too large. */
export function folderStamp(dir: string): string | null {
  const parts: string[] = [];
  const walk = (folder: string, prefix: string): boolean => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!walk(full, `${prefix}${entry.name}/`)) return false;
        continue;
      }
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat) parts.push(`${prefix}${entry.name}:${stat.size}:${stat.mtimeMs}`);
      if (parts.length > MAX_FILES) return false;
    }
    return true;
  };
  try {
    return walk(dir, '') ? parts.sort().join('|') : null;
  } catch {
    return null;
  }
}

/** A cache kept in `file` for this app version; without a file, no cache (every load checks every deck). */
export function createListingCache(file: string | null, version: string): DeckListingCache {
  if (!file) return { get: () => undefined, set: () => undefined, save: () => undefined };
  const key = `${version}/${LISTING_RULES}`;
  let decks: Record<string, CachedDeck> = {};
  let dirty = false;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    // Another version's findings, or an unreadable file: check every deck again.
    if (parsed.success && parsed.data.key === key) decks = parsed.data.decks as Record<string, CachedDeck>;
  } catch {
    decks = {};
  }
  return {
    get(dir, stamp) {
      const entry = decks[dir];
      return entry && entry.stamp === stamp ? entry : undefined;
    },
    set(dir, entry) {
      decks[dir] = entry;
      dirty = true;
    },
    save() {
      if (!dirty) return;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        const temp = `${file}.partial`;
        fs.writeFileSync(temp, JSON.stringify({ key, decks }), { mode: 0o600 });
        fs.renameSync(temp, file);
        dirty = false;
      } catch {
        // Only a speed-up: a full disk or a read-only folder means the next start checks again.
      }
    },
  };
}

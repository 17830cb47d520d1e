/**
 * Help → About: the app's version, its runtime, and each bundled deck's
 * content version and evidence date (from the decks' front matter), so a
 * physician can tell which evidence the slides rest on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface DeckFacts {
  id: string;
  version: string | null;
  evidenceDate: string | null;
}

/** Front matter of each deck's English file: `version` and `evidence_date` (or `evidenceDate`). */
export function readDeckFacts(slidesDir: string): DeckFacts[] {
  let decks: string[];
  try {
    decks = fs
      .readdirSync(slidesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
  return decks.map((id) => {
    try {
      const text = fs.readFileSync(path.join(slidesDir, id, 'en.md'), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
      const meta = (match ? parse(match[1] ?? '') : {}) as Record<string, unknown>;
      const value = (v: unknown): string | null => (v === undefined || v === null ? null : String(v));
      return { id, version: value(meta.version), evidenceDate: value(meta.evidence_date ?? meta.evidenceDate) };
    } catch {
      return { id, version: null, evidenceDate: null };
    }
  });
}

export function aboutDetail(info: {
  version: string;
  versions: Record<string, string | undefined>;
  decks: readonly DeckFacts[];
}): string {
  const runtime = ['electron', 'chrome', 'node']
    .filter((k) => info.versions[k])
    .map((k) => `${k[0]?.toUpperCase()}${k.slice(1)} ${info.versions[k]}`)
    .join(', ');
  const decks = info.decks.map(
    (d) => `  ${d.id}: content version ${d.version ?? '–'}, evidence ${d.evidenceDate ?? 'date not given'}`,
  );
  return [`ConsultDeck ${info.version}`, runtime, '', 'Decks:', ...decks].join('\n');
}

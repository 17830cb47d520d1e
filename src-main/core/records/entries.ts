/** Quick timestamped entries, each with the slide on the patient screen at that moment. */
import type { Language, NoteEntry } from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';

interface EntryRow {
  id: number;
  at: string;
  text: string;
  deck_id: string | null;
  slide_id: string | null;
  language: Language | null;
}

const toEntry = (row: EntryRow): NoteEntry => ({
  id: row.id,
  at: row.at,
  text: row.text,
  deckId: row.deck_id,
  slideId: row.slide_id,
  language: row.language,
});

/** The slide the patient sees right now, or null (idle page, black/white screen). */
export function slideOnPatientScreen(
  services: Services,
): { deckId: string; slideId: string; language: Language } | null {
  const { position, blank, startedAt, language } = services.presentation.state;
  if (startedAt === null || blank !== 'none' || position.deckId === null) return null;
  const deck = services.library.get(position.deckId, language, { withNotes: false });
  const slide = deck?.slides[position.slideIndex];
  return deck && slide ? { deckId: deck.id, slideId: slide.id, language: deck.language } : null;
}

export function listEntries(db: Db, consultationId: string): NoteEntry[] {
  const rows = db
    .prepare('SELECT * FROM note_entries WHERE consultation_id = ? ORDER BY at, id')
    .all(consultationId) as EntryRow[];
  return rows.map(toEntry);
}

export function insertEntry(services: Services, consultationId: string, text: string, at: string): NoteEntry {
  const slide = slideOnPatientScreen(services);
  const result = services.db
    .prepare(
      'INSERT INTO note_entries (consultation_id, at, text, deck_id, slide_id, language) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(consultationId, at, text, slide?.deckId ?? null, slide?.slideId ?? null, slide?.language ?? null);
  const row = services.db.prepare('SELECT * FROM note_entries WHERE id = ?').get(result.lastInsertRowid) as EntryRow;
  return toEntry(row);
}

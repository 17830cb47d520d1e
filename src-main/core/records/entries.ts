/** Quick timestamped entries, each with the slide on the patient screen at that moment. */
import type { Language, NoteEntry } from '../../../src-shared/contract/index.js';
import { ApiError } from '../../../src-shared/errors.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { recordChange, requireDraft } from './consultation-rows.js';

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

function insertEntry(services: Services, consultationId: string, text: string, at: string): NoteEntry {
  const slide = slideOnPatientScreen(services);
  const result = services.db
    .prepare(
      'INSERT INTO note_entries (consultation_id, at, text, deck_id, slide_id, language) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(consultationId, at, text, slide?.deckId ?? null, slide?.slideId ?? null, slide?.language ?? null);
  const row = services.db.prepare('SELECT * FROM note_entries WHERE id = ?').get(result.lastInsertRowid) as EntryRow;
  return toEntry(row);
}

/** Adds an entry to a draft, audited by its id (never its text). */
export function addEntry(services: Services, consultationId: string, text: string): NoteEntry {
  const { db } = services;
  return db
    .transaction(() => {
      requireDraft(db, consultationId, 'consultationId');
      const entry = insertEntry(services, consultationId, text, services.clock().toISOString());
      recordChange(services, consultationId, 'consultation.update', `section=entries added=${entry.id}`);
      return entry;
    })
    .immediate();
}

export function removeEntry(services: Services, consultationId: string, entryId: number): void {
  const { db } = services;
  db.transaction(() => {
    requireDraft(db, consultationId, 'consultationId');
    const result = db
      .prepare('DELETE FROM note_entries WHERE id = ? AND consultation_id = ?')
      .run(entryId, consultationId);
    if (result.changes === 0) throw new ApiError('NOT_FOUND', 'This entry does not exist (any more).', 'entryId');
    recordChange(services, consultationId, 'consultation.update', `section=entries removed=${entryId}`);
  }).immediate();
}

/**
 * The full-text search rows of consultations whose note changed (marked by the
 * triggers of db/0005): written in one transaction before a search, at start
 * and at close, instead of on every autosave. Quick entries and amendments
 * still update their row at once (0002): they are single, rarer writes.
 */
import type { Db } from '../db/open.js';

/** Writes the search row of every marked consultation; answers how many. */
export function flushSearchIndex(db: Db): number {
  const marked = db.prepare('SELECT consultation_id FROM record_search_dirty').pluck().all() as string[];
  if (marked.length === 0) return 0;
  const ensureKey = db.prepare(
    `INSERT INTO record_search_keys (consultation_id)
       SELECT @id WHERE EXISTS (SELECT 1 FROM consultations WHERE id = @id)
         AND NOT EXISTS (SELECT 1 FROM record_search_keys WHERE consultation_id = @id)`,
  );
  const dropRow = db.prepare(
    'DELETE FROM record_fts WHERE rowid = (SELECT key FROM record_search_keys WHERE consultation_id = ?)',
  );
  // The same row as the triggers of 0002 write: notes, quick entries, amended notes.
  const writeRow = db.prepare(
    `INSERT INTO record_fts (rowid, notes, entries, amendments)
       SELECT k.key,
         coalesce((SELECT body FROM notes WHERE consultation_id = k.consultation_id), ''),
         coalesce((SELECT group_concat(text, char(10)) FROM note_entries WHERE consultation_id = k.consultation_id), ''),
         coalesce((SELECT group_concat(json_extract(after, '$.body'), char(10)) FROM amendments
                   WHERE consultation_id = k.consultation_id AND section = 'notes'), '')
       FROM record_search_keys k
       WHERE k.consultation_id = ? AND EXISTS (SELECT 1 FROM consultations WHERE id = k.consultation_id)`,
  );
  const unmark = db.prepare('DELETE FROM record_search_dirty WHERE consultation_id = ?');
  db.transaction(() => {
    for (const id of marked) {
      ensureKey.run({ id });
      dropRow.run(id);
      writeRow.run(id);
      unmark.run(id);
    }
  })();
  return marked.length;
}

import { ApiError } from '../../../src-shared/errors.js';
import { recordChange, requireDraft } from '../records/consultation-rows.js';
import { insertEntry } from '../records/entries.js';
import type { AreaHandlers } from '../handler.js';

export const notesApi: AreaHandlers<'notes'> = {
  'notes.save': ({ consultationId, body, revision }, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        requireDraft(db, consultationId, 'consultationId');
        const stored = db
          .prepare('SELECT body, revision, saved_at FROM notes WHERE consultation_id = ?')
          .get(consultationId) as { body: string; revision: number; saved_at: string } | undefined;
        if (stored) {
          // A retry of the save that already landed.
          if (revision === stored.revision && body === stored.body) return { revision, savedAt: stored.saved_at };
          // An older save arriving late must never overwrite newer text.
          if (revision <= stored.revision) {
            throw new ApiError(
              'CONFLICT',
              `Newer notes are already saved (revision ${stored.revision}); this older version was not written.`,
              'revision',
            );
          }
        }
        const savedAt = services.clock().toISOString();
        db.prepare(
          `INSERT INTO notes (consultation_id, body, revision, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (consultation_id) DO UPDATE SET body = excluded.body, revision = excluded.revision, saved_at = excluded.saved_at`,
        ).run(consultationId, body, revision, savedAt);
        // The audit says that the notes changed, never what they say.
        if (body !== (stored?.body ?? '')) {
          recordChange(services, consultationId, 'consultation.update', `section=notes revision=${revision}`);
        }
        return { revision, savedAt };
      })
      .immediate();
  },

  'notes.addEntry': ({ consultationId, text }, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        requireDraft(db, consultationId, 'consultationId');
        const entry = insertEntry(services, consultationId, text, services.clock().toISOString());
        recordChange(services, consultationId, 'consultation.update', `section=entries added=${entry.id}`);
        return entry;
      })
      .immediate();
  },

  'notes.removeEntry': ({ consultationId, entryId }, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        requireDraft(db, consultationId, 'consultationId');
        const result = db
          .prepare('DELETE FROM note_entries WHERE id = ? AND consultation_id = ?')
          .run(entryId, consultationId);
        if (result.changes === 0) throw new ApiError('NOT_FOUND', 'This entry does not exist (any more).', 'entryId');
        recordChange(services, consultationId, 'consultation.update', `section=entries removed=${entryId}`);
        return { removed: entryId };
      })
      .immediate();
  },
};

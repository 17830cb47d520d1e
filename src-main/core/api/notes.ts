import { ApiError } from '../../../src-shared/errors.js';
import { recordChange, requireDraft } from '../records/consultation-rows.js';
import { insertEntry } from '../records/entries.js';
import { checkBase } from '../records/revisions.js';
import type { AreaHandlers } from '../handler.js';

export const notesApi: AreaHandlers<'notes'> = {
  'notes.save': ({ consultationId, body, baseRevision }, { services }) => {
    const { db } = services;
    return db
      .transaction(() => {
        requireDraft(db, consultationId, 'consultationId');
        const stored = db
          .prepare('SELECT body, revision, saved_at FROM notes WHERE consultation_id = ?')
          .get(consultationId) as { body: string; revision: number; saved_at: string } | undefined;
        const current = stored ?? { body: '', revision: 0, saved_at: null };
        // The same text again (a retry of a save that landed, or both windows wrote it): nothing to write.
        if (stored && body === stored.body) return { revision: stored.revision, savedAt: stored.saved_at };
        // Text based on an older revision must never overwrite what another window saved since.
        checkBase('notes', baseRevision, { revision: current.revision, value: () => ({ body: current.body }) });
        const revision = current.revision + 1;
        const savedAt = services.clock().toISOString();
        db.prepare(
          `INSERT INTO notes (consultation_id, body, revision, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (consultation_id) DO UPDATE SET body = excluded.body, revision = excluded.revision, saved_at = excluded.saved_at`,
        ).run(consultationId, body, revision, savedAt);
        // The audit says that the notes changed, never what they say.
        if (body !== current.body) {
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

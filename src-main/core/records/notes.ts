/**
 * The running notes of a consultation: one text per record with its own
 * revision (a save based on an older revision is refused, never merged).
 */
import type { CallOutput, ParsedInput } from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { draftWrite } from '../db/durability.js';
import { recordChange, requireDraft } from './consultation-rows.js';
import { checkBase } from './revisions.js';

export interface StoredNotes {
  body: string;
  revision: number;
  saved_at: string;
}

export function readNotes(db: Db, consultationId: string): StoredNotes | undefined {
  return db.prepare('SELECT body, revision, saved_at FROM notes WHERE consultation_id = ?').get(consultationId) as
    StoredNotes | undefined;
}

/** Writes the notes of a draft in one transaction; audited as "notes changed", never with their text. */
export function saveNotes(
  services: Services,
  { consultationId, body, baseRevision }: ParsedInput<'notes.save'>,
): CallOutput<'notes.save'> {
  const { db } = services;
  return draftWrite(db, () =>
    db
      .transaction(() => {
        requireDraft(db, consultationId, 'consultationId');
        const stored = readNotes(db, consultationId);
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
      .immediate(),
  );
}

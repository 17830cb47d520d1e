/**
 * What matters to the patient: the answers of one consultation. Only answered
 * statements have a row; a missing row reads as "not asked", so a record from
 * before migration 0006 shows every statement not asked.
 */
import {
  NOTHING_ASKED,
  whatMattersAnswerSchema,
  whatMattersIds,
  type WhatMatters,
  type WhatMattersId,
} from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { draftWrite } from '../db/durability.js';
import { recordChange, requireDraft } from './consultation-rows.js';
import { checkBase } from './revisions.js';

export function readWhatMatters(db: Db, consultationId: string): WhatMatters {
  const rows = db
    .prepare('SELECT statement, answer FROM what_matters WHERE consultation_id = ?')
    .all(consultationId) as Array<{ statement: string; answer: string }>;
  const answers: WhatMatters = { ...NOTHING_ASKED };
  for (const row of rows) {
    const answer = whatMattersAnswerSchema.safeParse(row.answer);
    // A statement this version does not know (or an unreadable answer) is left out, never guessed.
    if ((whatMattersIds as readonly string[]).includes(row.statement) && answer.success) {
      answers[row.statement as WhatMattersId] = answer.data;
    }
  }
  return answers;
}

export function whatMattersRevision(db: Db, consultationId: string): number {
  const value = db
    .prepare('SELECT revision FROM what_matters_revisions WHERE consultation_id = ?')
    .pluck()
    .get(consultationId) as number | undefined;
  return value ?? 0;
}

/**
 * Replaces the answers of a draft in one transaction, audited (the ids and answers only). A change based on
 * another revision than the current one is refused with CONFLICT and the answers core holds; a save that
 * changes nothing is accepted whatever its base (a retry of one that landed).
 */
export function writeWhatMatters(services: Services, id: string, whatMatters: WhatMatters, baseRevision: number): void {
  const { db } = services;
  draftWrite(db, () =>
    db
      .transaction(() => {
        requireDraft(db, id);
        const before = readWhatMatters(db, id);
        if (whatMattersIds.every((s) => before[s] === whatMatters[s])) return;
        checkBase('whatMatters', baseRevision, { revision: whatMattersRevision(db, id), value: () => before });
        db.prepare(
          `INSERT INTO what_matters_revisions (consultation_id, revision) VALUES (?, 1)
       ON CONFLICT (consultation_id) DO UPDATE SET revision = revision + 1`,
        ).run(id);
        db.prepare('DELETE FROM what_matters WHERE consultation_id = ?').run(id);
        const insert = db.prepare('INSERT INTO what_matters (consultation_id, statement, answer) VALUES (?, ?, ?)');
        const asked = whatMattersIds.filter((s) => whatMatters[s] !== 'not-asked');
        for (const statement of asked) insert.run(id, statement, whatMatters[statement]);
        recordChange(services, id, 'consultation.update', `section=whatMatters asked=${asked.length}`);
      })
      .immediate(),
  );
}

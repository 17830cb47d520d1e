/**
 * Saving the findings and the decision of a draft: each save checks its dates,
 * writes only a real change, refuses one based on an older revision, moves the
 * section's revision on and is audited (section and revision, no values), all
 * in one transaction.
 */
import type { ParsedInput } from '../../../src-shared/contract/index.js';
import type { Services } from '../context.js';
import type { Db } from '../db/open.js';
import { draftWrite } from '../db/durability.js';
import { recordChange, requireDraft } from './consultation-rows.js';
import { localDate } from './dates.js';
import { bumpSection, checkBase, sectionRevision } from './revisions.js';
import {
  checkDecisionDates,
  checkFindingsDates,
  decisionView,
  normalizeDecision,
  normalizeFindings,
  parseDecision,
  parseFindings,
} from './sections.js';

/** The decision row as stored: the path and the details as JSON (no row: nothing decided yet). */
export function readStoredDecision(
  db: Db,
  consultationId: string,
): { path: string | null; details: string } | undefined {
  return db.prepare('SELECT path, details FROM decisions WHERE consultation_id = ?').get(consultationId) as
    { path: string | null; details: string } | undefined;
}

export function writeFindings(
  services: Services,
  { id, findings, baseRevision }: ParsedInput<'consultations.updateFindings'>,
): void {
  const { db } = services;
  draftWrite(db, () =>
    db
      .transaction(() => {
        const row = requireDraft(db, id);
        checkFindingsDates(findings, localDate(services.clock()), 'findings');
        const json = JSON.stringify(normalizeFindings(findings));
        if (json === row.findings) return;
        const revision = sectionRevision(db, id, 'findings');
        checkBase('findings', baseRevision, { revision, value: () => parseFindings(row.findings) });
        db.prepare('UPDATE consultations SET findings = ? WHERE id = ?').run(json, id);
        const next = bumpSection(db, id, 'findings');
        recordChange(services, id, 'consultation.update', `section=findings revision=${next}`);
      })
      .immediate(),
  );
}

export function writeDecision(
  services: Services,
  { id, decision, baseRevision }: ParsedInput<'consultations.updateDecision'>,
): void {
  const { db } = services;
  draftWrite(db, () =>
    db
      .transaction(() => {
        const row = requireDraft(db, id);
        checkDecisionDates(decision, localDate(new Date(row.started_at)), 'decision');
        const { path, ...details } = normalizeDecision(decision);
        const json = JSON.stringify(details);
        const stored = readStoredDecision(db, id);
        if (stored && stored.path === path && stored.details === json) return;
        const revision = sectionRevision(db, id, 'decision');
        checkBase('decision', baseRevision, {
          revision,
          value: () => decisionView(parseDecision(stored?.path, stored?.details)),
        });
        const next = bumpSection(db, id, 'decision');
        const at = recordChange(services, id, 'consultation.update', `section=decision path=${path} revision=${next}`);
        db.prepare(
          `INSERT INTO decisions (consultation_id, path, details, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (consultation_id) DO UPDATE SET path = excluded.path, details = excluded.details, updated_at = excluded.updated_at`,
        ).run(id, path, json, at);
      })
      .immediate(),
  );
}

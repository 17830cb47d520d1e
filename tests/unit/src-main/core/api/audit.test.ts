import { describe, expect, it } from 'vitest';
import { signWarningIds } from '../../../../../src-shared/contract/index.js';
import { GENESIS_HASH, appendAudit, auditHead, verifyAuditChain } from '../../../../../src-main/core/audit.js';
import { auditRows, newDraft, recordsCore } from './record-fixtures.js';
import { base } from '../../../helpers/revisions.js';

async function withHistory() {
  const t = await recordsCore();
  const draft = await newDraft(t);
  await t.call('notes.save', { consultationId: draft.id, body: 'x', baseRevision: await base(t, draft.id, 'notes') });
  await t.call('notes.addEntry', { consultationId: draft.id, text: 'y' });
  await t.call('consultations.finalize', { id: draft.id, acknowledged: [...signWarningIds] });
  appendAudit(t.core.services.db, {
    at: t.now().toISOString(),
    actor: 'Dr. Anna Weber',
    action: 'export',
    consultationId: draft.id,
    detail: 'pdf',
  });
  return { t, db: t.core.services.db, draft };
}

describe('audit chain', () => {
  it('writes who, when and what for every change, chained from the genesis hash', async () => {
    const { t, db, draft } = await withHistory();
    const rows = auditRows(t);
    expect(rows.map((r) => r.action)).toEqual([
      'settings.update',
      'patient.create',
      'consultation.start',
      'consultation.update',
      'consultation.update',
      'consultation.sign-warnings',
      'consultation.finalize',
      'export',
    ]);
    expect(rows.slice(2).every((r) => r.consultation_id === draft.id)).toBe(true);
    const first = db.prepare('SELECT prev_hash FROM audit_log WHERE id = 1').get() as { prev_hash: string };
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(auditHead(db).id).toBe(rows.length);
    expect(verifyAuditChain(db)).toEqual({ ok: true });
  });

  it('is valid when empty', async () => {
    const t = await recordsCore({ physician: null });
    expect(verifyAuditChain(t.core.services.db)).toEqual({ ok: true });
    expect(auditHead(t.core.services.db)).toEqual({ id: 0, hash: GENESIS_HASH });
  });

  it('detects an edited row', async () => {
    const { db } = await withHistory();
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = 4").run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 4 });
  });

  it('detects an edited row whose hash was recomputed without the rest of the chain', async () => {
    const { db } = await withHistory();
    db.prepare("UPDATE audit_log SET detail = 'section=nothing', hash = ? WHERE id = 3").run('f'.repeat(64));
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 3 });
  });

  it('detects a deleted row', async () => {
    const { db } = await withHistory();
    db.prepare('DELETE FROM audit_log WHERE id = 5').run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 6 });
  });

  it('detects reordered rows', async () => {
    const { db } = await withHistory();
    // Swap the contents of rows 4 and 5, keeping their ids.
    const swap = db.transaction(() => {
      const a = db.prepare('SELECT * FROM audit_log WHERE id = 4').get() as Record<string, unknown>;
      const b = db.prepare('SELECT * FROM audit_log WHERE id = 5').get() as Record<string, unknown>;
      const put = db.prepare(
        'UPDATE audit_log SET at = ?, actor = ?, action = ?, consultation_id = ?, detail = ?, prev_hash = ?, hash = ? WHERE id = ?',
      );
      for (const [row, id] of [
        [b, 4],
        [a, 5],
      ] as const) {
        put.run(row.at, row.actor, row.action, row.consultation_id, row.detail, row.prev_hash, row.hash, id);
      }
    });
    swap();
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 4 });
  });

  it('keeps going after a rolled-back call: the failed call leaves no row', async () => {
    const { t, db } = await withHistory();
    const before = auditRows(t).length;
    const result = await t.raw('notes.save', {
      consultationId: '00000000-0000-4000-8000-000000000000',
      body: 'x',
      baseRevision: 0,
    });
    expect(result.ok).toBe(false);
    expect(auditRows(t)).toHaveLength(before);
    appendAudit(db, { at: t.now().toISOString(), actor: 'x', action: 'export' });
    expect(verifyAuditChain(db)).toEqual({ ok: true });
  });
});

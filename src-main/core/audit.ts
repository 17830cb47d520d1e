/**
 * The audit log: who did what to which record, and when — never note text.
 * Rows form a keyed chain: each row's hash is HMAC-SHA-256(key, prev_hash +
 * its canonical fields, row id included), the key kept outside the database
 * (audit-key.ts). Editing, deleting or reordering a row breaks the chain from
 * that row on, and without the key nobody can recompute it after a change
 * (issue 11, M5: the chain was plain SHA-256 before, so anyone who could write
 * the file could rebuild it). Cutting rows off the end cannot be seen from
 * inside the chain; `auditHead` gives the last hash, which exports print.
 */
import { createHash, createHmac } from 'node:crypto';
import type { Db } from './db/open.js';

export const GENESIS_HASH = '0'.repeat(64);

export const knownAuditActions = [
  'patient.create',
  'patient.update',
  'patient.correct',
  'consultation.start',
  'consultation.open',
  'consultation.update',
  'consultation.sign-warnings',
  'consultation.finalize',
  'consultation.amend',
  'consultation.delete',
  'settings.update',
  'export.started',
  'export',
  'export.failed',
  'audit.rekey',
  'session.pinSet',
  'session.pinRemoved',
] as const;
/** The known actions; other areas may add their own `area.verb`. */
export type AuditAction = (typeof knownAuditActions)[number] | (string & {});

export interface AuditEntry {
  /** ISO time, from the core clock. */
  at: string;
  /** Who: the physician name of the settings, or "doctor" before it is set. */
  actor: string;
  action: AuditAction;
  consultationId?: string | null;
  /** What, briefly: section names, ids, revisions. Never note or record text. */
  detail?: string;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  consultation_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditRowFields {
  id: number;
  at: string;
  actor: string;
  action: string;
  consultation_id: string | null;
  detail: string;
}

function canonical(row: AuditRowFields): string {
  return JSON.stringify([row.id, row.at, row.actor, row.action, row.consultation_id, row.detail]);
}

/** The keyed hash of one row given the hash before it. */
export function auditHash(key: Buffer, prevHash: string, row: AuditRowFields): string {
  return createHmac('sha256', key).update(prevHash).update(canonical(row)).digest('hex');
}

/** The chain as it was before it was keyed (plain SHA-256), only to check it once before re-keying. */
export function legacyAuditHash(prevHash: string, row: AuditRowFields): string {
  return createHash('sha256').update(prevHash).update(canonical(row)).digest('hex');
}

// The key of each open database, given once by core at open (audit-key.ts), so every writer of
// the log keeps calling `appendAudit(db, entry)` and no row is ever written without it.
const keys = new WeakMap<Db, Buffer>();

export function useAuditKey(db: Db, key: Buffer): void {
  keys.set(db, key);
}

export function auditKeyOf(db: Db): Buffer {
  const key = keys.get(db);
  if (!key) throw new Error('The audit key was not given to this database: no audit row can be written.');
  return key;
}

/** The last row of the chain (id 0 and the genesis hash when empty). */
export function auditHead(db: Db): { id: number; hash: string } {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  return last ?? { id: 0, hash: GENESIS_HASH };
}

/**
 * Appends one row to the chain. Runs in its own (nested, if the caller has
 * one) transaction so reading the head and writing the row cannot interleave.
 */
export function appendAudit(db: Db, entry: AuditEntry): { id: number; hash: string } {
  return db.transaction(() => {
    const head = auditHead(db);
    const row = {
      id: head.id + 1,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      consultation_id: entry.consultationId ?? null,
      detail: entry.detail ?? '',
    };
    const hash = auditHash(auditKeyOf(db), head.hash, row);
    db.prepare(
      'INSERT INTO audit_log (id, at, actor, action, consultation_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(row.id, row.at, row.actor, row.action, row.consultation_id, row.detail, head.hash, hash);
    return { id: row.id, hash };
  })();
}

/**
 * Walks the chain in id order with the key (or, `legacy`, the old unkeyed hash); `brokenAt` is the
 * id of the first row that does not fit.
 */
export function verifyAuditChain(db: Db, key: Buffer | 'legacy' = auditKeyOf(db)): { ok: boolean; brokenAt?: number } {
  const hash = (prev: string, row: AuditRowFields) =>
    key === 'legacy' ? legacyAuditHash(prev, row) : auditHash(key, prev, row);
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>;
  for (const row of rows) {
    const fits = row.id === expectedId && row.prev_hash === prevHash && hash(prevHash, row) === row.hash;
    if (!fits) {
      rows.return?.();
      return { ok: false, brokenAt: row.id };
    }
    prevHash = row.hash;
    expectedId += 1;
  }
  return { ok: true };
}

/**
 * The key of the audit chain, kept outside the database (issue 11, M5), and
 * the one-time re-keying of a chain written before it existed.
 *
 * Where the key lives:
 * - Electron: `audit.key.enc`, the key encrypted with the OS keychain through
 *   `safeStorage` (src-main/electron/audit-key.ts), handed to core in its options.
 * - Browser mode (and wherever no key is handed over): `audit.key`, 32 random
 *   bytes as hex, mode 0600 in the data folder. Weaker: someone who can read the
 *   data folder as the doctor's OS user can read the key too. It still stops a
 *   copy of the database alone (a backup, a file sent for support) from being
 *   edited and re-chained.
 *
 * Re-keying: a database whose chain was written with plain SHA-256 (before
 * migration 0006/0007) has no `scheme` in `audit_meta`. At the first open with
 * a key, the old chain is checked; every row is then re-chained with the key in
 * one transaction, and a row `audit.rekey` records how many rows were re-keyed,
 * the old chain's last hash, and whether the old chain was intact (if not, the
 * row it broke at stays named in `audit_meta.legacy_broken_at`, so the break is
 * never hidden by the re-keying).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GENESIS_HASH, appendAudit, auditHash, type AuditRowFields, verifyAuditChain } from './audit.js';
import type { Db } from './db/open.js';
import { PRIVATE_FILE_MODE } from './db/private-files.js';

export const AUDIT_KEY_FILE = 'audit.key';
const KEY_BYTES = 32;

/** The browser-mode key: read, or created (0600) on first use. */
export function loadOrCreateAuditKey(dataDir: string): Buffer {
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a ${KEY_BYTES}-byte key.`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(KEY_BYTES);
  // Whole or absent, even if the app is killed right now: written and flushed under a temp name, then
  // linked to its name (which fails rather than overwrite a key another process has just written).
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    fs.writeFileSync(fd, `${key.toString('hex')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateAuditKey(dataDir);
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  fs.chmodSync(file, PRIVATE_FILE_MODE);
  return key;
}

/** A fingerprint of the key (never the key): tells which key a chain was written with. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('consultdeck-audit-key-id').update(key).digest('hex').slice(0, 16);
}

export function auditMeta(db: Db, name: string): string | null {
  return (db.prepare('SELECT value FROM audit_meta WHERE key = ?').pluck().get(name) as string | undefined) ?? null;
}

function setMeta(db: Db, name: string, value: string): void {
  db.prepare(
    'INSERT INTO audit_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(name, value);
}

/**
 * Makes the chain keyed with `key`: re-keys a legacy chain once (see above); for a chain keyed with
 * another key, says so (its rows will not verify, which `audit:check` reports).
 */
export function prepareAuditChain(db: Db, key: Buffer, at: string): void {
  const scheme = auditMeta(db, 'scheme');
  if (scheme === 'hmac-sha256') {
    if (auditMeta(db, 'key_id') !== keyId(key)) {
      console.error(
        '[consultdeck] The audit log was written with another key than this one. The log is kept as it is; ' +
          '`npm run audit:check` will report it. Restore the original key file if you have it.',
      );
    }
    return;
  }
  db.transaction(() => {
    const legacy = verifyAuditChain(db, 'legacy');
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Array<AuditRowFields & { hash: string }>;
    const legacyHead = rows.at(-1)?.hash ?? GENESIS_HASH;
    const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = auditHash(key, prev, row);
      update.run(prev, hash, row.id);
      prev = hash;
    }
    setMeta(db, 'scheme', 'hmac-sha256');
    setMeta(db, 'key_id', keyId(key));
    if (!legacy.ok) setMeta(db, 'legacy_broken_at', String(legacy.brokenAt ?? 0));
    if (rows.length > 0) {
      appendAudit(db, {
        at,
        actor: 'consultdeck',
        action: 'audit.rekey',
        detail: `rows=${rows.length} legacyHead=${legacyHead} legacyIntact=${legacy.ok ? 'yes' : `no, broken at row ${legacy.brokenAt ?? '?'}`}`,
      });
    }
  }).immediate();
}

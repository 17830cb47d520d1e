/**
 * `npm run audit:check -- --data-dir D [--key-file F]`: verifies the audit log's keyed chain (an
 * edited, deleted or reordered row is found, and a chain recomputed without the key does not verify)
 * and each signed record's digest against the record as stored now (an edited signed note is found),
 * without changing the file. Prints the last hash, which signed exports quote.
 * The key is the data folder's `audit.key` (browser mode) unless `--key-file` names another file
 * holding it as hex (the desktop app keeps its key encrypted by the OS; see core/audit-key.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { auditHead, verifyAuditChain } from '../core/audit.js';
import { AUDIT_KEY_FILE, auditMeta, keyId } from '../core/audit-key.js';
import { checkSignedDigests } from '../core/records/record.js';
import { defaultDataDir } from './paths.js';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, 'key-file': { type: 'string' } },
  strict: true,
});
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
const file = path.join(dataDir, 'consultdeck.sqlite');
const key = Buffer.from(
  fs.readFileSync(values['key-file'] ?? path.join(dataDir, AUDIT_KEY_FILE), 'utf8').trim(),
  'hex',
);
const db = new Database(file, { readonly: true, fileMustExist: true });
const out = (line: string) => process.stdout.write(`${line}\n`);
try {
  const rows = Number(db.prepare('SELECT count(*) AS n FROM audit_log').pluck().get());
  if (auditMeta(db, 'key_id') !== keyId(key)) {
    out('audit log: this key is not the one the log was written with; the chain cannot be verified with it.');
    process.exitCode = 1;
  }
  const result = verifyAuditChain(db, key);
  if (result.ok) out(`audit log: ${rows} rows, chain intact, last hash ${auditHead(db).hash}`);
  else {
    out(`audit log: ${rows} rows, chain BROKEN at row ${result.brokenAt ?? '?'}`);
    process.exitCode = 1;
  }
  const legacyBreak = auditMeta(db, 'legacy_broken_at');
  if (legacyBreak !== null) {
    out(`audit log: the chain written before it was keyed was already broken at row ${legacyBreak}`);
    process.exitCode = 1;
  }
  const signed = checkSignedDigests(db);
  const changed = signed.filter((s) => !s.ok);
  out(
    `signed records: ${signed.length}, ${changed.length === 0 ? 'all match their signed digest' : `${changed.length} CHANGED since signing`}`,
  );
  for (const record of changed) out(`  changed since signing: consultation ${record.consultationId}`);
  if (changed.length > 0) process.exitCode = 1;
} finally {
  db.close();
}

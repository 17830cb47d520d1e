/**
 * `npm run audit:check -- --data-dir D`: verifies the audit log's hash chain
 * (an edited, deleted or reordered row is found) without changing the file.
 * Prints the last hash, which a printout or export can quote.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { auditHead, verifyAuditChain } from '../core/audit.js';
import { defaultDataDir } from './paths.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: true });
const file = path.join(path.resolve(values['data-dir'] ?? defaultDataDir()), 'consultdeck.sqlite');
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  const result = verifyAuditChain(db);
  const rows = Number(db.prepare('SELECT count(*) AS n FROM audit_log').pluck().get());
  if (result.ok) {
    process.stdout.write(`audit log: ${rows} rows, chain intact, last hash ${auditHead(db).hash}\n`);
  } else {
    process.stdout.write(`audit log: ${rows} rows, chain BROKEN at row ${result.brokenAt ?? '?'}\n`);
    process.exitCode = 1;
  }
} finally {
  db.close();
}

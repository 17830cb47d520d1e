/**
 * Issue 11, M5 and M6 on a real core and SQLite file. Before: the chain was plain SHA-256, so
 * editing or deleting rows and recomputing it passed `audit:check`; a signed record's digest was
 * never checked; nothing printed the chain on exports; an export wrote its files before any audit
 * row. Each test below failed then.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  auditHash,
  auditKeyOf,
  legacyAuditHash,
  verifyAuditChain,
  type AuditRowFields,
} from '../../../../src-main/core/audit.js';
import { AUDIT_KEY_FILE, auditMeta } from '../../../../src-main/core/audit-key.js';
import { checkSignedDigests } from '../../../../src-main/core/records/record.js';
import { appRoot, makeTestCore, type TestCore } from '../../helpers/test-core.js';
import { closeCores, exportCore, fixtureRecord, listFiles } from './export/export-fixture.js';

const cores: TestCore[] = [];
afterEach(() => {
  for (const t of cores.splice(0)) t.close();
  closeCores();
});

const cli = path.join(appRoot, 'src-main/host/audit-check.ts');
const auditCheck = (dataDir: string) =>
  spawnSync(process.execPath, [path.join(appRoot, 'node_modules/tsx/dist/cli.mjs'), cli, '--data-dir', dataDir], {
    encoding: 'utf8',
  });

type Row = AuditRowFields & { prev_hash: string; hash: string };
const rowsOf = (db: Database.Database) => db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];

/** What someone who can write the file but has no key does: change the rows, then rebuild the chain. */
function rechain(db: Database.Database, hash: (prev: string, row: Row) => string): void {
  let prev = GENESIS_HASH;
  for (const row of rowsOf(db)) {
    const next = hash(prev, row);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, next, row.id);
    prev = next;
  }
}

async function signedRecord() {
  const t = await exportCore();
  const record = await fixtureRecord(t);
  return { t, record, db: t.core.services.db };
}

describe('tamper-evident audit (M5)', () => {
  it('keys the chain with a 0600 key file outside the database', async () => {
    const { t, db } = await signedRecord();
    const file = path.join(t.dataDir, AUDIT_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(auditMeta(db, 'scheme')).toBe('hmac-sha256');
    expect(verifyAuditChain(db)).toEqual({ ok: true });
    // Not the old, unkeyed hash.
    expect(verifyAuditChain(db, 'legacy').ok).toBe(false);
  });

  it('detects rows edited and deleted, then re-chained without the key (plain SHA-256 or a guessed key)', async () => {
    const { db } = await signedRecord();
    db.prepare("UPDATE audit_log SET actor = 'someone else' WHERE id = 3").run();
    db.prepare('DELETE FROM audit_log WHERE id = 5').run();
    db.prepare('UPDATE audit_log SET id = id - 1 WHERE id > 5').run();
    rechain(db, legacyAuditHash);
    expect(verifyAuditChain(db).ok).toBe(false);
    rechain(db, (prev, row) => auditHash(Buffer.alloc(32, 7), prev, row));
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 1 });
  });

  it('audit:check finds a signed note edited in the database, and a chain rebuilt without the key', async () => {
    const { t, record } = await signedRecord();
    t.close();
    const intact = auditCheck(t.dataDir);
    expect(intact.stdout).toMatch(/chain intact, last hash [0-9a-f]{64}/);
    expect(intact.stdout).toContain('signed records: 1, all match their signed digest');
    expect(intact.status).toBe(0);

    const db = new Database(path.join(t.dataDir, 'consultdeck.sqlite'));
    db.prepare("UPDATE notes SET body = 'declines surgery' WHERE consultation_id = ?").run(record.id);
    expect(checkSignedDigests(db)).toEqual([{ consultationId: record.id, ok: false }]);
    db.close();
    const edited = auditCheck(t.dataDir);
    expect(edited.stdout).toContain('signed records: 1, 1 CHANGED since signing');
    expect(edited.stdout).toContain(`changed since signing: consultation ${record.id}`);
    expect(edited.status).toBe(1);

    const again = new Database(path.join(t.dataDir, 'consultdeck.sqlite'));
    again.prepare('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)').run();
    again.prepare("UPDATE audit_log SET detail = 'section=nothing' WHERE id = 2").run();
    rechain(again, legacyAuditHash);
    again.close();
    const rebuilt = auditCheck(t.dataDir);
    expect(rebuilt.stdout).toMatch(/chain BROKEN at row 1/);
    expect(rebuilt.status).toBe(1);
  });

  it('re-keys a chain written before the key existed, once, saying how many rows and whether it was intact', async () => {
    const t = makeTestCore();
    await t.call('settings.update', { physicianName: 'Dr Legacy' });
    await t.call('patients.create', { code: 'LG-1', birthDate: '1950', sex: 'male' });
    const db = t.core.services.db;
    // As an older version left it: an unkeyed chain, no key file, no scheme.
    rechain(db, legacyAuditHash);
    db.prepare('DELETE FROM audit_meta').run();
    const legacyHead = rowsOf(db).at(-1)?.hash;
    t.close();
    fs.rmSync(path.join(t.dataDir, AUDIT_KEY_FILE));
    const reopened = makeTestCore({ dataDir: t.dataDir });
    cores.push(reopened);
    const rdb = reopened.core.services.db;
    expect(verifyAuditChain(rdb)).toEqual({ ok: true });
    const last = rowsOf(rdb).at(-1);
    expect(last).toMatchObject({ action: 'audit.rekey', detail: `rows=2 legacyHead=${legacyHead} legacyIntact=yes` });
    expect(
      auditKeyOf(rdb).equals(Buffer.from(fs.readFileSync(path.join(t.dataDir, AUDIT_KEY_FILE), 'utf8').trim(), 'hex')),
    ).toBe(true);
  });

  it('a legacy chain already broken is re-keyed but the break stays reported', async () => {
    const t = makeTestCore();
    await t.call('settings.update', { physicianName: 'Dr Legacy' });
    await t.call('patients.create', { code: 'LG-2', birthDate: '1950', sex: 'male' });
    const db = t.core.services.db;
    rechain(db, legacyAuditHash);
    db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 2").run();
    db.prepare('DELETE FROM audit_meta').run();
    t.close();
    const reopened = makeTestCore({ dataDir: t.dataDir });
    cores.push(reopened);
    expect(auditMeta(reopened.core.services.db, 'legacy_broken_at')).toBe('2');
    expect(rowsOf(reopened.core.services.db).at(-1)?.detail).toMatch(/legacyIntact=no, broken at row 2$/);
    reopened.close();
    cores.pop();
    expect(auditCheck(t.dataDir).stdout).toContain('was already broken at row 2');
  });

  it('prints the signed digest and the chain head on signed exports (record text, FHIR)', async () => {
    const { t, record, db } = await signedRecord();
    const digest = (
      db.prepare("SELECT detail FROM audit_log WHERE action = 'consultation.finalize'").pluck().get() as string
    ).replace('sha256=', '');
    const { files } = await t.call('exports.create', {
      consultationIds: [record.id],
      kind: 'record-text',
      pseudonymize: false,
    });
    const text = fs.readFileSync(files[0]!.path, 'utf8');
    expect(text).toContain(`Record digest (SHA-256, at signing): ${digest}`);
    const head = /Audit log at row (\d+): ([0-9a-f]{64})/.exec(text);
    expect(head).not.toBeNull();
    expect(db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(Number(head![1]))).toBe(head![2]);
    const fhir = await t.call('exports.create', {
      consultationIds: [record.id],
      kind: 'fhir-json',
      pseudonymize: true,
    });
    const bundle = JSON.parse(fs.readFileSync(fhir.files[0]!.path, 'utf8')) as {
      meta: { tag: Array<{ system: string; code: string }> };
      entry: Array<{ resource: { resourceType: string; signature?: Array<{ data: string }> } }>;
    };
    expect(bundle.meta.tag).toContainEqual({ system: 'urn:consultdeck:record-digest-sha256', code: digest });
    const provenance = bundle.entry.find((e) => e.resource.resourceType === 'Provenance')?.resource;
    expect(Buffer.from(provenance?.signature?.[0]?.data ?? '', 'base64').toString()).toContain(
      `record-sha256=${digest}`,
    );
  });
});

describe('exports audited as intent, then completion (M6)', () => {
  it('names the files in an export.started row before writing, and in the export row after', async () => {
    const { t, record, db } = await signedRecord();
    const { files } = await t.call('exports.create', {
      consultationIds: [record.id],
      kind: 'fhir-json',
      pseudonymize: true,
    });
    const rows = db
      .prepare("SELECT id, action, detail FROM audit_log WHERE action LIKE 'export%' ORDER BY id")
      .all() as Array<{ id: number; action: string; detail: string }>;
    expect(rows.map((r) => r.action)).toEqual(['export.started', 'export']);
    const name = path.basename(files[0]!.path);
    for (const row of rows) expect(row.detail).toContain(`files=${name}`);
  });

  it('removes temp files a killed export left, at the next export and when core starts', async () => {
    const { t, record } = await signedRecord();
    const folder = path.join(t.dataDir, 'exports');
    fs.mkdirSync(folder, { recursive: true });
    const leftover = path.join(folder, '.2026-11-23_X_fhir.json.0123456789ab.tmp');
    const other = path.join(folder, 'notes-of-the-clinic.txt');
    fs.writeFileSync(leftover, '{"half');
    fs.writeFileSync(other, 'keep me');
    await t.call('exports.create', { consultationIds: [record.id], kind: 'fhir-json', pseudonymize: true });
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(other)).toBe(true);
    fs.writeFileSync(leftover, '{"half');
    t.close();
    const reopened = makeTestCore({ dataDir: t.dataDir });
    cores.push(reopened);
    expect(listFiles(folder).some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkIntegrityInBackground, probeStructure } from '../../../../../src-main/core/db/integrity.js';
import { makeTestCore } from '../../../helpers/test-core.js';

/** A database with one big table whose inner pages lie far from every root. */
function bigDatabase(): { file: string; pageSize: number; pages: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-integrity-'));
  const file = path.join(dir, 'consultdeck.sqlite');
  const db = new Database(file);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX notes_body ON notes (body)');
  const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 4000; i += 1) insert.run(`note ${i} `.repeat(20));
  })();
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const pages = Number(db.pragma('page_count', { simple: true }));
  db.close();
  return { file, pageSize, pages };
}

describe('checking the record file', () => {
  it('finds damage deep inside the file in the background, where the quick probes at open do not look', async () => {
    const { file, pageSize, pages } = bigDatabase();
    const bytes = fs.readFileSync(file);
    // Damage a run of pages in the middle of the file: leaves of the table, far from its root.
    const middle = Math.floor(pages / 2);
    bytes.fill(0xa5, middle * pageSize, (middle + 3) * pageSize);
    fs.writeFileSync(file, bytes);

    const db = new Database(file, { readonly: true });
    expect(() => probeStructure(db)).not.toThrow();
    db.close();
    const result = await checkIntegrityInBackground(file);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).not.toMatch(/could not run/);
  });

  it('probes refuse a file whose table roots are damaged', () => {
    const { file, pageSize } = bigDatabase();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, pageSize, 3 * pageSize);
    fs.writeFileSync(file, bytes);
    const db = new Database(file, { readonly: true });
    expect(() => probeStructure(db)).toThrow();
    db.close();
  });

  it('passes a sound record file, checked after start while core serves calls', async () => {
    const t = makeTestCore();
    await t.call('settings.update', { clinicName: 'Checked while working' });
    await expect(t.core.integrity).resolves.toEqual({ ok: true });
    t.close();
  });
});

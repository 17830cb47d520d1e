/**
 * Numbered `.sql` files in db/, each applied in one transaction together with
 * `PRAGMA user_version`, so a kill mid-migration leaves the old or the new
 * version, never a mix.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export function listMigrations(dir: string): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((name) => FILE.test(name))
    .sort()
    .map((name) => ({
      version: Number(FILE.exec(name)?.[1]),
      name,
      sql: fs.readFileSync(path.join(dir, name), 'utf8'),
    }));
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new Error(`Migration ${m.name} is out of sequence (expected ${index + 1}).`);
  });
  return migrations;
}

export function migrate(db: Database.Database, pending: readonly Migration[]): void {
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

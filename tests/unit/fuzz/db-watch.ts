import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../src-main/core/db/open.js';

interface TableHash {
  name: string;
  /** Ordinary tables get TEMP triggers counting their writes; FTS tables (virtual, shadow) cannot. */
  watched: boolean;
  rows: Statement;
  /** The write count this hash was taken at, and the hash. */
  seenAt: number;
  hash: string | null;
}

/**
 * Content fingerprint of a database: SHA-256 over every row of every table
 * (rendered by SQLite with `quote()`, so blobs and reals are exact) and over
 * the schema.
 *
 * Hashing megabytes of notes after each of 50 000 calls would blow the time
 * budget, so a table's hash is reused while nothing was written to it: TEMP
 * triggers (connection-only, nothing is added to the file) count the writes
 * of every ordinary table. FTS tables cannot carry triggers; they are rehashed
 * whenever any ordinary table was written (only the app's triggers on those
 * write them). `full()` ignores every cache; the suites compare both now and
 * then, so a write the counters miss would still be caught.
 */
export class DbWatch {
  readonly #tables: TableHash[];
  readonly #schema: Statement;
  readonly #writes: Statement;

  constructor(db: Db) {
    const all = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as Array<{ name: string; sql: string }>;
    const virtual = all.filter((t) => /^CREATE\s+VIRTUAL/i.test(t.sql)).map((t) => t.name);
    const quoteId = (id: string): string => `"${id.replace(/"/g, '""')}"`;
    db.exec('CREATE TEMP TABLE IF NOT EXISTS fuzz_writes (name TEXT PRIMARY KEY, n INTEGER NOT NULL)');
    this.#tables = all.map(({ name, sql }) => {
      const isVirtual = virtual.includes(name);
      const watched = !isVirtual && !virtual.some((v) => name.startsWith(`${v}_`));
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as Array<{ name: string }>).map(
        (c) => `quote(${quoteId(c.name)})`,
      );
      // Row order by rowid where there is one (no sort needed); by the rendered row otherwise.
      const order = /WITHOUT\s+ROWID/i.test(sql) || isVirtual ? 'r' : 'rowid';
      const rows = db.prepare(
        `SELECT count(*) AS n, group_concat(r, char(10)) AS s FROM (SELECT ${columns.join(" || ',' || ")} AS r FROM ${quoteId(name)} ORDER BY ${order})`,
      );
      if (watched) {
        db.prepare('INSERT OR IGNORE INTO temp.fuzz_writes (name, n) VALUES (?, 0)').run(name);
        const literal = `'${name.replace(/'/g, "''")}'`;
        for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
          db.exec(
            `CREATE TEMP TRIGGER IF NOT EXISTS ${quoteId(`fuzz_${event}_${name}`)} AFTER ${event} ON main.${quoteId(name)}
             BEGIN UPDATE temp.fuzz_writes SET n = n + 1 WHERE name = ${literal}; END`,
          );
        }
      }
      return { name, watched, rows, seenAt: -1, hash: null };
    });
    this.#schema = db.prepare('SELECT group_concat(sql, char(10)) AS s FROM main.sqlite_schema');
    this.#writes = db.prepare('SELECT name, n FROM temp.fuzz_writes');
  }

  #hashOf(table: TableHash): string {
    const { n, s } = table.rows.get() as { n: number; s: string | null };
    return createHash('sha256')
      .update(`${table.name}\u0000${n}\u0000${s ?? ''}`)
      .digest('hex');
  }

  #combine(hashes: string[]): string {
    const hash = createHash('sha256').update((this.#schema.get() as { s: string }).s);
    for (const part of hashes) hash.update(part);
    return hash.digest('hex');
  }

  /** The fingerprint, rehashing only the tables written since their last hash. */
  fingerprint(): string {
    const counts = new Map((this.#writes.all() as Array<{ name: string; n: number }>).map((r) => [r.name, r.n]));
    const allWrites = [...counts.values()].reduce((a, b) => a + b, 0);
    return this.#combine(
      this.#tables.map((table) => {
        const at = table.watched ? (counts.get(table.name) ?? 0) : allWrites;
        if (table.hash === null || table.seenAt !== at) {
          table.hash = this.#hashOf(table);
          table.seenAt = at;
        }
        return table.hash;
      }),
    );
  }

  /** The fingerprint from every row, with no cache. */
  full(): string {
    return this.#combine(this.#tables.map((table) => this.#hashOf(table)));
  }
}

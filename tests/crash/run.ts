/**
 * `npm run test:crash`: kills a child running the real store with SIGKILL at
 * random moments, then reopens the database and checks that every save the
 * child had acknowledged is there and whole, and that integrity_check is ok.
 * Also kills a slow migration midway: the database must be at the old or the
 * new version, never between.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src-main/core/db/open.js';
import { verifyBackup } from '../../src-main/core/db/backup.js';
import { migrate, listMigrations } from '../../src-main/core/db/migrate.js';
import { verifyAuditChain } from '../../src-main/core/audit.js';
import { AUDIT_KEY_FILE } from '../../src-main/core/audit-key.js';
import { tempFileTarget } from '../../src-main/core/export/write-files.js';

const root = path.resolve(import.meta.dirname, '../..');
const KILLS = Number(process.env.CRASH_KILLS ?? 500);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

type Ack =
  | { op: 'note'; id: string; revision: number; sha: string }
  | { op: 'entry'; id: string; entryId: number; text: string }
  | { op: 'finalize'; id: string }
  | { op: 'amend'; id: string; reason: string }
  | { op: 'backup'; file: string };

let rng = SEED || 1;
const random = (): number => {
  rng = (Math.imul(rng, 48271) + 11) >>> 0;
  return rng / 2 ** 32;
};

function expectedBody(consultationId: string, revision: number): string {
  const unit = crypto.createHash('sha256').update(`${consultationId}:${revision}`).digest('hex');
  return `rev ${revision}\n${unit.repeat((revision % 40) + 1)}`;
}

/** Runs the child until a random moment after it is ready, then SIGKILLs it. */
function runAndKill(dataDir: string, seed: number, afterReadyMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'tests/crash/child.mjs'), dataDir, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const before = out.includes('ready\n');
      out += chunk.toString();
      if (!before && out.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), afterReadyMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed: ${err}`));
      // Only whole lines are acknowledgements: a line cut by the kill was not acknowledged.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Ack));
    });
  });
}

interface Tally {
  acknowledged: number;
  lost: string[];
  torn: string[];
}

function verify(dataDir: string, acks: readonly Ack[], tally: Tally): void {
  const db = openDatabase({
    file: path.join(dataDir, 'consultdeck.sqlite'),
    migrationsDir: path.join(root, 'db'),
    backupsDir: path.join(dataDir, 'backups'),
  });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') tally.torn.push(`integrity_check: ${String(integrity)}`);
    // The keyed audit chain survives every kill whole (issue 11, M5).
    const key = Buffer.from(fs.readFileSync(path.join(dataDir, AUDIT_KEY_FILE), 'utf8').trim(), 'hex');
    const chain = verifyAuditChain(db, key);
    if (!chain.ok) tally.torn.push(`audit chain broken at row ${chain.brokenAt ?? '?'}`);
    const lastNote = new Map<string, Extract<Ack, { op: 'note' }>>();
    for (const ack of acks) {
      tally.acknowledged += 1;
      if (ack.op === 'note') lastNote.set(ack.id, ack);
      else if (ack.op === 'entry') {
        const row = db.prepare('SELECT text FROM note_entries WHERE id = ?').get(ack.entryId) as
          { text: string } | undefined;
        if (!row) tally.lost.push(`entry ${ack.entryId}`);
        else if (row.text !== ack.text) tally.torn.push(`entry ${ack.entryId}`);
      } else if (ack.op === 'finalize') {
        const row = db.prepare('SELECT status FROM consultations WHERE id = ?').get(ack.id) as
          { status: string } | undefined;
        if (row?.status !== 'finalized') tally.lost.push(`finalize ${ack.id}`);
      } else if (ack.op === 'amend') {
        const row = db
          .prepare('SELECT 1 FROM amendments WHERE consultation_id = ? AND reason = ?')
          .get(ack.id, ack.reason);
        if (!row) tally.lost.push(`amendment ${ack.id}`);
      } else if (!fs.existsSync(ack.file) || !verifyBackup(ack.file)) {
        // Older backups are pruned on purpose (the last 10 are kept).
        const kept = fs.readdirSync(path.dirname(ack.file)).length >= 10;
        if (!kept) tally.lost.push(`backup ${ack.file}`);
      }
    }
    for (const [id, ack] of lastNote) {
      const row = db.prepare('SELECT body, revision FROM notes WHERE consultation_id = ?').get(id) as
        { body: string; revision: number } | undefined;
      if (!row || row.revision < ack.revision) tally.lost.push(`note ${id} rev ${ack.revision}`);
      else if (
        row.revision === ack.revision &&
        crypto.createHash('sha256').update(row.body).digest('hex') !== ack.sha
      ) {
        tally.torn.push(`note ${id} rev ${ack.revision}`);
      } else if (row.body !== expectedBody(id, row.revision)) tally.torn.push(`note ${id} rev ${row.revision}`);
    }
  } finally {
    db.close();
  }
}

/** A migration slow enough that kills land inside it. */
async function migrationKills(count: number): Promise<{ kills: number; old: number; new: number; between: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-migration-'));
  const migrations = path.join(dir, 'db');
  fs.mkdirSync(migrations);
  fs.copyFileSync(path.join(root, 'db/0001_initial.sql'), path.join(migrations, '0001_initial.sql'));
  fs.writeFileSync(
    path.join(migrations, '0002_slow.sql'),
    'CREATE TABLE slow (n INTEGER);\nWITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 400000) INSERT INTO slow SELECT n FROM c;\n',
  );
  const script = `import Database from 'better-sqlite3';
import { listMigrations, migrate } from ${JSON.stringify(path.join(root, 'out/main/src-main/core/db/migrate.js'))};
const db = new Database(process.argv[1]); db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
const all = listMigrations(process.argv[2]); const v = db.pragma('user_version', { simple: true });
process.stdout.write('ready\\n'); migrate(db, all.filter((m) => m.version > v)); process.stdout.write('done\\n'); setInterval(() => {}, 1000);`;
  const result = { kills: 0, old: 0, new: 0, between: 0 };
  for (let i = 0; i < count; i += 1) {
    const file = path.join(dir, `db-${i}.sqlite`);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(db, listMigrations(migrations).slice(0, 1));
    db.close();
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, file, migrations], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), random() * 400));
      child.on('exit', () => resolve());
    });
    result.kills += 1;
    const after = new Database(file);
    const version = Number(after.pragma('user_version', { simple: true }));
    const table = after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'slow'").get() as { n: number };
    const rows = table.n ? (after.prepare('SELECT count(*) AS n FROM slow').get() as { n: number }).n : 0;
    after.close();
    if (version === 1 && table.n === 0) result.old += 1;
    else if (version === 2 && rows === 400000) result.new += 1;
    else result.between += 1;
  }
  return result;
}

/**
 * Exports killed at random (issue 11, M6): after each kill, every file in the export folder (a
 * whole one, or the temp file of one being written) must be named by an `export.started` row, and
 * the next start removes the temp files.
 */
async function exportKills(count: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-crash-export-'));
  const folder = path.join(dataDir, 'exports');
  const result = { kills: 0, files: 0, temps: 0, unaudited: [] as string[], tempsLeftAfterStart: 0 };
  for (let kill = 0; kill < count; kill += 1) {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(root, 'tests/crash/export-child.mjs'), dataDir, String(SEED + kill)],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const before = out.includes('ready\n');
        out += chunk.toString();
        if (!before && out.includes('ready\n')) setTimeout(() => child.kill('SIGKILL'), Math.floor(random() * 300));
      });
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(err))));
    });
    result.kills += 1;
    const db = new Database(path.join(dataDir, 'consultdeck.sqlite'), { readonly: true });
    const named = new Set(
      (db.prepare("SELECT detail FROM audit_log WHERE action = 'export.started'").pluck().all() as string[]).flatMap(
        (detail) => (/files=(\S*)/.exec(detail)?.[1] ?? '').split(','),
      ),
    );
    db.close();
    for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
      const target = tempFileTarget(name);
      if (target) result.temps += 1;
      else result.files += 1;
      if (!named.has(target ?? name)) result.unaudited.push(name);
    }
  }
  // One more start: the temp files of the last kill go.
  const { createCore } = await import('../../src-main/core/create-core.js');
  const core = createCore({
    dataDir,
    appRoot: root,
    bundledDecksDir: path.join(dataDir, 'no-bundled-decks'),
    mode: 'browser',
    version: 'crash-test',
  });
  core.close();
  result.tempsLeftAfterStart = fs.readdirSync(folder).filter((n) => tempFileTarget(n)).length;
  return result;
}

const tally: Tally = { acknowledged: 0, lost: [], torn: [] };
const started = Date.now();
// Two lanes (the machines have two cores), each with its own data folder.
const LANES = 2;
await Promise.all(
  Array.from({ length: LANES }, async (_, lane) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `consultdeck-crash-${lane}-`));
    for (let kill = lane; kill < KILLS; kill += LANES) {
      const acks = await runAndKill(dataDir, (SEED + kill) >>> 0, Math.floor(random() * 150));
      verify(dataDir, acks, tally);
    }
  }),
);
const migration = await migrationKills(Number(process.env.CRASH_MIGRATION_KILLS ?? 30));
const exports = await exportKills(Number(process.env.CRASH_EXPORT_KILLS ?? 40));
console.log(
  `crash test: seed ${SEED}, kills ${KILLS}, acknowledged saves ${tally.acknowledged}, lost ${tally.lost.length}, torn ${tally.torn.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
console.log(
  `migration kills: ${migration.kills}, at old version ${migration.old}, at new version ${migration.new}, between ${migration.between}`,
);
console.log(
  `export kills: ${exports.kills}, files on disk ${exports.files}, temp files ${exports.temps}, without an export.started row ${exports.unaudited.length}, temp files left after a start ${exports.tempsLeftAfterStart}`,
);
for (const problem of [...tally.lost, ...tally.torn, ...exports.unaudited].slice(0, 20)) console.log(`  ${problem}`);
const failed =
  tally.lost.length + tally.torn.length + migration.between + exports.unaudited.length + exports.tempsLeftAfterStart;
console.log(`${KILLS + migration.kills + exports.kills - failed} passed, ${failed} failed`);
process.exit(failed === 0 && tally.acknowledged > 0 ? 0 : 1);

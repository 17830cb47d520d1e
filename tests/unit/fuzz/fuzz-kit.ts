/**
 * Shared pieces of the fuzz suites: run counts and seed, a content hash of the
 * whole database, payload generators derived from the contract's JSON Schema
 * (zod 4 `z.toJSONSchema`), mutations of valid payloads towards their edges,
 * and a browser-mode host with an HTTP and a WebSocket client.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import WebSocket from 'ws';
import { z } from 'zod';
import { calls, type CallName, type Role } from '../../../src-shared/contract/index.js';
import { callResultSchema, MAX_MESSAGE_BYTES, TOKEN_HEADER, type CallResult } from '../../../src-shared/envelope.js';
import { errorCodes } from '../../../src-shared/errors.js';
import type { Core } from '../../../src-main/core/create-core.js';
import type { Db } from '../../../src-main/core/db/open.js';
import type { Statement } from 'better-sqlite3';
import { startHost, type Host } from '../../../src-main/host/server.js';
import { createTokens, type RunTokens } from '../../../src-main/host/tokens.js';

// ---- run counts and seed ------------------------------------------------------

const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** Payloads per call through `dispatch` (FUZZ_RUNS lowers it locally). */
export const RUNS = envInt('FUZZ_RUNS', 1000);
/** Payloads per call over each transport (HTTP and WebSocket). */
export const TRANSPORT_RUNS = envInt('FUZZ_TRANSPORT_RUNS', Math.min(100, RUNS));
/** One seed per run of the suite; replay a failure with FUZZ_SEED=<seed> (fc also prints the seed and path). */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ 0x5eed) | 0;

/** A stable seed per test, so one failing property can be replayed on its own. */
export function seedFor(label: string): number {
  let h = SEED | 0;
  for (const char of label) h = (Math.imul(h, 31) + char.charCodeAt(0)) | 0;
  return h;
}

// ---- database content ---------------------------------------------------------

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

// ---- JSON Schema of the contract ---------------------------------------------

export interface JsonSchema {
  /** A list for a nullable primitive, e.g. ['boolean', 'null']. */
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  /** Several patterns on one string come as allOf: [{ pattern }, …]. */
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

export function inputJsonSchema(name: CallName): JsonSchema {
  return z.toJSONSchema(calls[name].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const KEBAB = '^[a-z0-9][a-z0-9-]*$';
const YEAR = '^\\d{4}$';
const ONE_LINE = '^[^\\p{Cc}]*$';
const MULTI_LINE = '^(?:[^\\p{Cc}]|[\\n\\r\\t])*$';
const WHOLE_CHARACTERS = '^[^\\p{Cs}]*$';

/** Characters that tend to break things: combining marks, bidi, BOM, quotes, SQL/LIKE wildcards, controls, lone surrogates. */
export const SPECIAL_CHARS = [
  'é',
  'ß',
  'Ü',
  '😀',
  '👩‍⚕️',
  '中',
  '\u0301',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\u00a0',
  '\u2028',
  '"',
  "'",
  '`',
  '\\',
  '<',
  '>',
  '&',
  '%',
  '_',
  '*',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
];

export const charArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .-/') },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  // Any code point; cheaper than unit 'binary', whose reverse table has a million entries.
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)) },
);

/** `seed` repeated to exactly `length` UTF-16 units (a cut may leave half a surrogate pair, on purpose). */
export function fill(seed: string, length: number): string {
  if (length <= 0) return '';
  const unit = seed === '' ? 'a' : seed;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Text of up to `max` units, now and then exactly `max` or `max - 1` long. */
export function textArb(min: number, max: number): fc.Arbitrary<string> {
  return fc.oneof(
    // Long maxima (notes: 100 000) at full length less often: every one is stored, indexed and hashed.
    {
      weight: max > 10_000 ? 20 : 6,
      arbitrary: fc.string({ unit: charArb, minLength: min, maxLength: Math.max(min, Math.min(max, 24)) }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: charArb, minLength: 1, maxLength: 6 }), fc.constantFrom(0, 1))
        .map(([seed, less]) => fill(seed, max - less)),
    },
  );
}

const DAY_MS = 86_400_000;
const MIN_TIME = Date.UTC(1900, 0, 1);
const MAX_TIME = Date.UTC(2100, 11, 31);

/** What the generators need to know about the world: real ids, real decks, the fixed clock's day. */
export interface ArbContext {
  /** Ids to pick from, read when a value is generated (pools grow while fuzzing). */
  ids: () => readonly string[];
  deckIds: readonly string[];
  today: string;
  /** Replaces the generator of every property with this name. */
  overrides?: Record<string, fc.Arbitrary<unknown>>;
}

/** One of the ids in the pool at generation time. */
export function pick(pool: () => readonly string[]): fc.Arbitrary<string> {
  return fc.nat().map((n) => {
    const ids = pool();
    return ids.length === 0 ? '00000000-0000-4000-8000-000000000000' : (ids[n % ids.length] as string);
  });
}

export function uuidArb(ctx: ArbContext): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: pick(ctx.ids) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
    },
  );
}

export function dateArb(ctx: ArbContext): fc.Arbitrary<string> {
  const around = (days: number): string => new Date(Date.parse(ctx.today) + days * DAY_MS).toISOString().slice(0, 10);
  return fc.oneof(
    fc.integer({ min: MIN_TIME, max: MAX_TIME }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
    fc.constantFrom('1900-01-01', '2000-02-29', '2024-02-29', '2099-12-31', around(-1), around(0), around(1)),
  );
}

const dateTimeArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: MIN_TIME, max: MAX_TIME }), fc.constantFrom('ms', 'none', 'micro'))
  .map(([ms, precision]) => {
    const iso = new Date(ms).toISOString();
    if (precision === 'none') return iso.replace(/\.\d{3}Z$/, 'Z');
    if (precision === 'micro') return iso.replace(/Z$/, '123Z');
    return iso;
  });

/** Control characters the pattern refuses (all of them, or all but tab and line breaks). */
const REFUSED: Record<string, RegExp> = {
  [ONE_LINE]: /\p{Cc}/gu,
  [MULTI_LINE]: /(?![\n\r\t])\p{Cc}/gu,
  [WHOLE_CHARACTERS]: /\p{Cs}/gu,
};

function stringArb(node: JsonSchema, ctx: ArbContext): fc.Arbitrary<unknown> {
  const max = node.maxLength ?? 64;
  const min = node.minLength ?? 0;
  if (node.format === 'uuid') return uuidArb(ctx);
  if (node.format === 'date') return dateArb(ctx);
  if (node.format === 'date-time') return dateTimeArb;
  if (node.pattern === YEAR) return fc.oneof(fc.integer({ min: 1900, max: 2100 }).map(String), fc.constantFrom('1900'));
  if (node.pattern === KEBAB) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ctx.deckIds) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]*$/).map((s) => s.slice(0, max)) },
    );
  }
  const patterns = [node.pattern, ...(node.allOf ?? []).map((part) => part.pattern)].filter(
    (pattern): pattern is string => pattern !== undefined,
  );
  const other = patterns.find((pattern) => !REFUSED[pattern]);
  if (other) return fc.stringMatching(new RegExp(other)).map((s) => s.slice(0, max));
  // Cut first, then drop refused characters, so a cut surrogate pair is dropped too.
  return textArb(min, max).map((text) =>
    patterns.reduce((t, pattern) => t.replace(REFUSED[pattern] as RegExp, ''), text.slice(0, max)),
  );
}

/** Levels are unique by level, everything else by value. */
const uniqueKey = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'level' in value
    ? (value as { level: unknown }).level
    : JSON.stringify(value);

/** A generator of (mostly) schema-valid values for a JSON Schema node of the contract. */
export function arbFor(node: JsonSchema, ctx: ArbContext, key?: string): fc.Arbitrary<unknown> {
  const override = key === undefined ? undefined : ctx.overrides?.[key];
  if (override) return override;
  const branches = node.anyOf ?? node.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => arbFor(branch, ctx)));
  if ('const' in node) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  if (Array.isArray(node.type)) return fc.oneof(...node.type.map((type) => arbFor({ ...node, type }, ctx)));
  switch (node.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = node.minimum ?? -(2 ** 31);
      const max = node.maximum ?? 2 ** 31;
      return fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(min, max) },
        { weight: 4, arbitrary: fc.integer({ min, max }) },
      );
    }
    case 'number': {
      const min = node.minimum ?? -1e6;
      const max = node.maximum ?? 1e6;
      return fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom(min, max, (min + max) / 2) },
        { weight: 4, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
      );
    }
    case 'string':
      return stringArb(node, ctx);
    case 'array': {
      if (node.prefixItems) return fc.tuple(...node.prefixItems.map((item) => arbFor(item, ctx)));
      const item = node.items ? arbFor(node.items, ctx) : fc.jsonValue();
      const min = node.minItems ?? 0;
      const max = node.maxItems ?? 10;
      // Lists of choices, levels and ids must not repeat (uniqueList in the contract); points may.
      const items = node.items || {};
      const unique = items.enum !== undefined || items.format === 'uuid' || items.properties?.level !== undefined;
      const list = (minLength: number, maxLength: number): fc.Arbitrary<unknown[]> =>
        unique
          ? fc.uniqueArray(item, { minLength, maxLength, selector: uniqueKey })
          : fc.array(item, { minLength, maxLength });
      return fc.oneof(
        { weight: max > 100 ? 20 : 5, arbitrary: list(min, Math.max(min, Math.min(max, 6))) },
        { weight: 1, arbitrary: list(max, max) },
      );
    }
    case 'object': {
      const properties = node.properties ?? {};
      const model = Object.fromEntries(
        Object.entries(properties).map(([name, child]) => [name, arbFor(child, ctx, name)]),
      );
      return fc.record(model, { requiredKeys: node.required ?? [] }) as fc.Arbitrary<unknown>;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ---- random and mutated payloads ---------------------------------------------

/** Sets an own, enumerable property, even `__proto__`. */
export function defineKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const SPECIAL_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'a.b',
  ' id',
  'ID',
];

/** Anything at all: structured-clone values (IPC), JSON values (HTTP/WS), objects with random and tricky keys. */
export function randomPayloadArb(schemaKeys: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...schemaKeys, ...SPECIAL_KEYS), fc.string({ unit: charArb, maxLength: 8 }));
  const entries = fc.array(fc.tuple(key, fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 });
  return fc.oneof(
    fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withTypedArray: true,
      withSparseArray: true,
    }),
    fc.jsonValue({ maxDepth: 3 }),
    entries.map((list) => {
      const target: Record<string, unknown> = {};
      for (const [name, value] of list) defineKey(target, name, value);
      return target;
    }),
  );
}

interface Slot {
  /** Replace the value here (undefined deletes an object key). */
  set: (value: unknown) => void;
  value: unknown;
  node: JsonSchema | undefined;
}

/** The schema branch that describes `value` (a union picks by discriminator, then by type). */
function branchOf(node: JsonSchema | undefined, value: unknown): JsonSchema | undefined {
  const branches = node?.anyOf ?? node?.oneOf;
  if (!branches) return node;
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const section = value !== null && typeof value === 'object' ? (value as { section?: unknown }).section : undefined;
  const byConst = branches.find((b) => section !== undefined && b.properties?.section?.const === section);
  const types = (b: JsonSchema): string[] => (Array.isArray(b.type) ? b.type : b.type ? [b.type] : []);
  const byType = branches.find(
    (b) =>
      types(b).includes(type) || (types(b).includes('integer') && type === 'number') || (b.anyOf && branchOf(b, value)),
  );
  return branchOf(byConst ?? byType ?? branches[0], value);
}

function slotsOf(root: { value: unknown }, rootNode: JsonSchema): Slot[] {
  const slots: Slot[] = [];
  const visit = (value: unknown, node: JsonSchema | undefined, set: (v: unknown) => void): void => {
    const branch = branchOf(node, value);
    slots.push({ set, value, node: branch });
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        visit(item, branch?.prefixItems?.[index] ?? (branch?.items || undefined), (v) => {
          value[index] = v;
        }),
      );
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const name of Object.keys(record)) {
        visit(record[name], branch?.properties?.[name], (v) => {
          if (v === undefined) delete record[name];
          else defineKey(record, name, v);
        });
      }
    }
  };
  visit(root.value, rootNode, (v) => {
    root.value = v;
  });
  return slots;
}

const WRONG_TYPES: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  2 ** 53,
  1e308,
  '',
  ' ',
  'x',
  '0',
  'null',
  'true',
  '\u0000',
  '\ud800',
  true,
  false,
  [],
  [null],
  {},
  { length: 1 },
];

/** Values just inside and just outside what `node` allows, built only when picked (some are 100 000 characters). */
function edgesOf(node: JsonSchema | undefined, value: unknown): Array<() => unknown> {
  if (!node) return [];
  const out: Array<() => unknown> = [];
  const add = (...values: unknown[]): void => {
    for (const v of values) out.push(() => v);
  };
  const max = node.maxLength;
  const min = node.minLength;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('string') || typeof value === 'string') {
    const text = typeof value === 'string' ? value : 'a';
    if (max !== undefined) {
      out.push(
        () => fill('a', max),
        () => fill('a', max + 1),
        () => fill('é', max + 1),
        // zod here counts characters (code points), not UTF-16 units: max emoji pass, max + 1 do not.
        () => '😀'.repeat(max),
        () => '😀'.repeat(max + 1),
        () => fill('😀', max + 1),
        () => `  ${fill('b', max)}  `,
        () => fill(' ', max + 1),
        () => fill('\n', max),
        () => fill('a\u0000', max),
      );
    }
    if (min !== undefined && min > 0) add('', fill('a', min - 1), fill(' ', min));
    add(
      `${text}\u0000`,
      `\u0007${text}`,
      `${text}\n`,
      `${text}\ud800`,
      ` ${text} `,
      text.toUpperCase(),
      `${text}\u200b`,
    );
    if (node.format === 'uuid' && typeof value === 'string') {
      add(value.toUpperCase(), `{${value}}`, value.replace(/-/g, ''), value.slice(0, -1), `${value}0`);
    }
    if (node.format === 'date') add('2023-02-29', '2024-13-01', '1899-12-31', '2024-1-1', '2024-01-01T00:00:00Z');
    if (node.pattern === YEAR) add('1899', '0000', '10000', '999', '١٩٥٠');
    if (node.format === 'date-time') {
      add('2024-01-01T00:00:00', '2024-01-01T00:00:00+01:00', '2024-01-01', '2024-01-01T24:00:00Z');
    }
  }
  if (node.enum) add(...node.enum.map((v) => `${String(v)} `), ...node.enum.map((v) => String(v).toUpperCase()));
  if (types.includes('integer') || types.includes('number')) {
    const lo = node.minimum;
    const hi = node.maximum;
    if (lo !== undefined) add(lo, lo - 1, lo - 1e-9, lo + 0.5);
    if (hi !== undefined) add(hi, hi + 1, hi + 1e-9, hi - 0.5);
    add(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -Number.MAX_SAFE_INTEGER - 2, Number.MIN_VALUE);
  }
  if (types.includes('array') || Array.isArray(value)) {
    const items = Array.isArray(value) ? value : [];
    const first = items[0] ?? null;
    const copies = (n: number) => (): unknown[] => Array.from({ length: n }, () => structuredClone(first));
    if (node.maxItems !== undefined) out.push(copies(node.maxItems), copies(node.maxItems + 1));
    out.push(
      () => [...items, structuredClone(first)],
      () => [],
      () => Array.from({ length: 5000 }, () => first),
    );
  }
  return out;
}

/**
 * One mutation of a valid payload at a slot chosen by `where`: a wrong type, an
 * edge value (length/number/list bounds ±1, unicode, control characters), a
 * missing key, an extra key (`__proto__` among them), a null-prototype copy.
 * The result may still be valid; the oracle decides with the contract itself.
 */
export function mutate(valid: unknown, schema: JsonSchema, where: number, how: number, what: number): unknown {
  const root = { value: structuredClone(valid) };
  const slots = slotsOf(root, schema);
  const slot = slots[where % slots.length] as Slot;
  const ops: Array<() => void> = [
    () => slot.set(WRONG_TYPES[what % WRONG_TYPES.length]),
    () => {
      const edges = edgesOf(slot.node, slot.value);
      slot.set(
        edges.length > 0 ? (edges[what % edges.length] as () => unknown)() : WRONG_TYPES[what % WRONG_TYPES.length],
      );
    },
    () => {
      const edges = edgesOf(slot.node, slot.value);
      if (edges.length > 0) slot.set((edges[(what >> 4) % edges.length] as () => unknown)());
    },
  ];
  const value = slot.value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length > 0) ops.push(() => delete record[keys[what % keys.length] as string]);
    ops.push(() => defineKey(record, SPECIAL_KEYS[what % SPECIAL_KEYS.length] as string, WRONG_TYPES[how % 7] ?? 1));
    ops.push(() => defineKey(record, '__proto__', { polluted: true, ...record }));
    ops.push(() => slot.set(Object.assign(Object.create(null) as object, record)));
  }
  if (slot === slots[0]) {
    ops.push(
      () => slot.set([value]),
      () => slot.set(JSON.stringify(value) ?? ''),
      () => slot.set({ input: value }),
    );
  }
  (ops[how % ops.length] as () => void)();
  return root.value;
}

// ---- the oracle ---------------------------------------------------------------

/** What dispatch actually validates: a missing input (null/undefined) counts as `{}` (registry.ts). */
export function effectiveInput(input: unknown): unknown {
  return input ?? {};
}

/** Whether a call's result is a well-formed envelope, and JSON-safe (both transports stringify it). */
export function envelopeProblem(result: unknown): string | null {
  if (!callResultSchema.safeParse(result).success) return `not an envelope: ${safeJson(result)}`;
  const r = result as CallResult<unknown>;
  if (r.ok) {
    if (!Object.hasOwn(r, 'value')) return 'ok without value';
  } else {
    if (!errorCodes.includes(r.error.code)) return `unknown code ${r.error.code}`;
    if (r.error.message.trim() === '') return 'empty error message';
  }
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(result));
  } catch (error) {
    return `not JSON-safe: ${String(error)}`;
  }
  if (!sameShape(copy, result)) return 'changes when sent as JSON';
  return null;
}

function sameShape(a: unknown, b: unknown): boolean {
  // -0 and 0 are the same answer; NaN (null in JSON) is not.
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function safeJson(value: unknown, max = 300): string {
  let text: string;
  try {
    text =
      JSON.stringify(value, (_k, v: unknown) =>
        typeof v === 'bigint' ? `${v}n` : v === undefined ? '(undefined)' : v,
      ) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/**
 * Whether a VALIDATION `field` names a place of the payload: `(input)` for the
 * payload itself, else a dotted path whose every step is a key the payload has
 * (an unknown key) or one the schema declares (a missing one), or an index of
 * a list. Keys with dots in them are matched whole.
 */
export function fieldNamesAPlace(field: string, input: unknown, schema: JsonSchema): boolean {
  if (field === '(input)') return true;
  const walk = (rest: string, value: unknown, node: JsonSchema | undefined): boolean => {
    if (rest === '') return true;
    const branch = branchOf(node, value);
    const keys = new Set<string>([
      ...(value !== null && typeof value === 'object' ? Object.keys(value as object) : []),
      ...Object.keys(branch?.properties ?? {}),
    ]);
    for (const key of [...keys].sort((a, b) => b.length - a.length)) {
      if (key === '' || !(rest === key || rest.startsWith(`${key}.`))) continue;
      const next = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      const child = Array.isArray(value)
        ? (branch?.prefixItems?.[Number(key)] ?? (branch?.items || undefined))
        : branch?.properties?.[key];
      if (walk(rest.slice(key.length + 1), Object.hasOwn(Object(value), key) ? next : undefined, child)) return true;
    }
    return false;
  };
  return walk(field, input, schema);
}

/** Every field a zod error could name (the registry names the first issue's). */
export function issueFields(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    const extra = issue.code === 'unrecognized_keys' ? issue.keys : [''];
    return extra.map((key) => [...base, key].filter(Boolean).join('.') || '(input)');
  });
}

// ---- the browser-mode host ----------------------------------------------------

export interface WireAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface FuzzHost {
  host: Host;
  tokens: RunTokens;
  /** POST /api/<name> with this exact body text. */
  post(name: string, body: string, role?: Role): Promise<WireAnswer>;
  /** A WebSocket of this role; `call` sends a message text and waits for the answer with that id. */
  socket(role?: Role): Promise<FuzzSocket>;
  close(): Promise<void>;
}

export interface FuzzSocket {
  /** The answer, or `{ closed: code }` when the host closed the socket instead. */
  send(id: number, text: string): Promise<{ result: CallResult<unknown> } | { closed: number }>;
  readonly open: boolean;
  close(): void;
}

let sharedRendererDir: string | null = null;

function rendererDir(): string {
  if (sharedRendererDir) return sharedRendererDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultdeck-fuzz-renderer-'));
  for (const role of ['doctor', 'patient']) {
    fs.mkdirSync(path.join(dir, role), { recursive: true });
    fs.writeFileSync(path.join(dir, role, 'index.html'), `<!doctype html><title>${role}</title>`);
  }
  sharedRendererDir = dir;
  return dir;
}

const ANSWER_TIMEOUT_MS = 10_000;

export async function startFuzzHost(core: Core): Promise<FuzzHost> {
  const tokens = createTokens();
  const host = await startHost({ core, tokens, rendererDir: rendererDir(), port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<WebSocket>();

  const post = (name: string, body: string, role: Role = 'doctor'): Promise<WireAnswer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: `/api/${encodeURIComponent(name).replace(/%2E/gi, '.')}`,
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: tokens[role] },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(ANSWER_TIMEOUT_MS, () =>
        req.destroy(new Error(`no answer to ${name} in ${ANSWER_TIMEOUT_MS} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });

  const socket = (role: Role = 'doctor'): Promise<FuzzSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?t=${encodeURIComponent(tokens[role])}`, {
        maxPayload: 64 * MAX_MESSAGE_BYTES,
      });
      sockets.add(ws);
      const waiting = new Map<number, (answer: { result: CallResult<unknown> } | { closed: number }) => void>();
      let closedWith: number | null = null;
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: CallResult<unknown> };
        if (typeof message.id !== 'number') return; // a push
        const done = waiting.get(message.id);
        waiting.delete(message.id);
        done?.({ result: message.result as CallResult<unknown> });
      });
      ws.on('close', (code: number) => {
        closedWith = code;
        sockets.delete(ws);
        for (const done of waiting.values()) done({ closed: code });
        waiting.clear();
      });
      ws.on('error', () => undefined);
      ws.on('open', () =>
        resolve({
          get open() {
            return closedWith === null && ws.readyState === WebSocket.OPEN;
          },
          send(id, text) {
            return new Promise((answer, fail) => {
              if (closedWith !== null) {
                answer({ closed: closedWith });
                return;
              }
              const timer = setTimeout(() => {
                waiting.delete(id);
                fail(new Error(`no answer to socket call ${id} in ${ANSWER_TIMEOUT_MS} ms`));
              }, ANSWER_TIMEOUT_MS);
              waiting.set(id, (value) => {
                clearTimeout(timer);
                answer(value);
              });
              ws.send(text);
            });
          },
          close() {
            ws.terminate();
          },
        }),
      );
      ws.once('unexpected-response', () => reject(new Error('WebSocket refused')));
    });

  return {
    host,
    tokens,
    post,
    socket,
    async close() {
      for (const ws of sockets) ws.terminate();
      agent.destroy();
      await host.close();
    },
  };
}

/**
 * Generators of schema-valid payloads, derived from the contract's JSON Schema
 * (zod 4 `z.toJSONSchema`): strings with their patterns and lengths, numbers
 * with their bounds, unique lists, records with their required keys, real ids
 * from the world's pools.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { calls, type CallName } from '../../../src-shared/contract/index.js';

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
export const YEAR = '^\\d{4}$';
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

/** The schema branch that describes `value` (a union picks by discriminator, then by type). */
export function branchOf(node: JsonSchema | undefined, value: unknown): JsonSchema | undefined {
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

/**
 * Random payloads (anything IPC or JSON could carry) and one-place mutations
 * of valid payloads towards their edges.
 */
import fc from 'fast-check';
import { YEAR, branchOf, charArb, fill, type JsonSchema } from './schema-arbitraries.js';

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

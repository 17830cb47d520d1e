/** What every answer of the contract fuzz is held to: envelopes, fields, JSON safety. */
import type { z } from 'zod';
import { callResultSchema, type CallResult } from '../../../src-shared/envelope.js';
import { errorCodes } from '../../../src-shared/errors.js';
import { branchOf, type JsonSchema } from './schema-arbitraries.js';

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

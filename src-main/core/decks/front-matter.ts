/**
 * The YAML block at the top of a deck file (slides/README.md). Problems name
 * the field and point at its line, so an author can fix them without guessing.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { deckIdSchema, languages } from '../../../src-shared/contract/common.js';
import { deckTopics } from '../../../src-shared/contract/decks.js';

export interface LineProblem {
  line: number;
  message: string;
}

const quoted = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** A calendar date written YYYY-MM-DD (YAML leaves it a string); 2026-02-30 is refused. */
const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'is not a real calendar date');

/** Roles, not names (e.g. "spine surgeon"), so the deck names no person. */
const role = z
  .string({ error: 'must be a role, e.g. "spine surgeon"' })
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be a short role, not a paragraph');

export const frontMatterSchema = z.object({
  id: deckIdSchema,
  title: z.string().trim().min(1, 'must not be empty'),
  language: z.enum(languages, {
    error: (issue) => `unknown language ${quoted(issue.input)} (expected ${languages.join(', ')})`,
  }),
  topic: z.enum(deckTopics, {
    error: (issue) => `unknown topic ${quoted(issue.input)} (expected ${deckTopics.join(', ')})`,
  }),
  version: z.union([z.number(), z.string().trim().min(1)], { error: 'must be a number or a string' }),
  sources: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'must list at least one source'),
  audience: z.string().optional(),
  // Certifying items (IPDAS). Optional here so that a deck missing them still
  // parses; the checker (check-content.ts) reports every one that is missing.
  evidenceReviewed: isoDate.optional(),
  writtenBy: role.optional(),
  reviewedBy: role.optional(),
  funding: z.string().trim().min(1, 'must not be empty').optional(),
  /** fr/de: who checked the translation, or that it still awaits a native-speaking clinician. */
  translationReview: z.string().trim().min(1, 'must not be empty').optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface SplitSource {
  /** The YAML text, or null when the file has no front matter. */
  yaml: string | null;
  /** File line (1-based) of the first YAML line. */
  yamlLine: number;
  body: string;
  /** File line (1-based) of the first body line. */
  bodyLine: number;
  /** The file starts with `---` but no closing `---` follows. */
  unclosed: boolean;
}

/** Separate the front matter (between the first two `---` lines) from the slides. */
export function splitFrontMatter(source: string): SplitSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const whole = { yaml: null, yamlLine: 1, body: lines.join('\n'), bodyLine: 1 };
  if (lines[0]?.trimEnd() !== '---') return { ...whole, unclosed: false };
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return { ...whole, unclosed: true };
  const body = lines.slice(end + 1).join('\n');
  return { yaml: lines.slice(1, end).join('\n'), yamlLine: 2, body, bodyLine: end + 2, unclosed: false };
}

/** Parse and validate the YAML; every bad field becomes one problem. */
export function readFrontMatter(
  yaml: string,
  yamlLine: number,
): { value: FrontMatter | null; problems: LineProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
  const fileLine = (offset: number): number => yamlLine + counter.linePos(offset).line - 1;
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => ({
      line: fileLine(error.pos[0]),
      message: `front matter is not valid YAML: ${error.message.split('\n')[0] ?? ''}`,
    }));
    return { value: null, problems };
  }
  const raw: unknown = doc.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      value: null,
      problems: [{ line: yamlLine, message: 'front matter must be a YAML mapping (key: value lines)' }],
    };
  }
  const result = frontMatterSchema.safeParse(raw);
  if (result.success) return { value: result.data, problems: [] };
  const keyLine = (key: string): number => {
    if (!isMap(doc.contents)) return yamlLine;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? fileLine(range[0]) : yamlLine;
  };
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const missing = !Object.hasOwn(raw, key);
    const where = issue.path.length > 1 ? `${key}[${issue.path.slice(1).join('.')}]` : key;
    const message = missing ? `front matter is missing '${key}'` : `front matter '${where}': ${issue.message}`;
    return { line: missing ? yamlLine - 1 : keyLine(key), message };
  });
  return { value: null, problems };
}

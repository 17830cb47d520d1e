/**
 * Api handlers hold no SQL (F10): eslint.config.js forbids `prepare(`/`exec(` calls in src-main/core/api/**.
 * Checked on in-memory fixtures: the same statement fails in an api file and passes in a records module, and
 * every handler file on disk passes.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintAt, oneRule, root } from './one-rule.js';

let eslint: ESLint;

beforeAll(() => {
  eslint = oneRule('no-restricted-syntax');
});

const messages = (file: string, code: string): Promise<string[]> => lintAt(eslint, file, code);

const statement = `export function f(db: { prepare(sql: string): { run(): void }; exec(sql: string): void }): void {
  db.prepare('DELETE FROM notes').run();
  db.exec('VACUUM');
}
`;

describe('SQL in api handlers', () => {
  it('fails lint for prepare( and exec( in an api file', async () => {
    const found = await messages('src-main/core/api/fixture.ts', statement);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('No SQL in an api handler');
  });

  it('passes in a records module', async () => {
    expect(await messages('src-main/core/records/fixture.ts', statement)).toEqual([]);
  });

  it('is absent from every handler file', async () => {
    const dir = path.join(root, 'src-main/core/api');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const results = await eslint.lintFiles(files.map((f) => path.join(dir, f)));
    expect(results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}: ${m.message}`))).toEqual([]);
  });
});

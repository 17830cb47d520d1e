/**
 * No import cycles in the source (type-only imports included: a cycle makes the layers harder to read and
 * load order fragile). madge follows the TypeScript and rune modules; components (.svelte) import downward only.
 */
import path from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('imports', () => {
  it('form no cycle in src-main, src-shared and src-renderer', async () => {
    const graph = await madge(
      ['src-main', 'src-shared', 'src-renderer'].map((dir) => path.join(root, dir)),
      {
        baseDir: root,
        fileExtensions: ['ts'],
        tsConfig: path.join(root, 'tsconfig.base.json'),
        detectiveOptions: { ts: { skipTypeImports: false } },
      },
    );
    expect(Object.keys(graph.obj()).length).toBeGreaterThan(100);
    expect(graph.circular()).toEqual([]);
  }, 60_000);
});

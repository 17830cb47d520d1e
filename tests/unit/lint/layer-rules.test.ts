/**
 * The layer rules of eslint.config.js, run through ESLint's Node API on small
 * fixture files placed (in memory) in every folder: each forbidden import must
 * fail lint, and an allowed one beside it must pass, so a rule that flagged
 * everything (or nothing) fails here.
 */
import path from 'node:path';
import type { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintAt, oneRule, root } from './one-rule.js';

let eslint: ESLint;

beforeAll(() => {
  eslint = oneRule('no-restricted-imports');
});

async function importErrors(file: string, specifier: string): Promise<string[]> {
  const code = file.endsWith('.svelte')
    ? `<script lang="ts">\n  import x from '${specifier}';\n  console.log(x);\n</script>\n`
    : `import x from '${specifier}';\nexport default x;\n`;
  return lintAt(eslint, file, code);
}

/** [fixture file, forbidden imports, an allowed import] per folder. */
const cases: Array<[string, string[], string]> = [
  [
    'src-shared/fixture.ts',
    ['electron', 'node:fs', 'svelte', '../src-main/core/create-core.js', '../src-renderer/api/client.js'],
    'zod',
  ],
  [
    'src-main/core/api/fixture.ts',
    [
      'electron',
      'http',
      'node:https',
      'ws',
      '../../host/server.js',
      '../../electron/ipc.js',
      '../../preload/bridge.js',
      '../../../src-renderer/state/lock.svelte.js',
    ],
    '../../../src-shared/contract/index.js',
  ],
  [
    'src-main/host/fixture.ts',
    ['electron', '../electron/ipc.js', '../preload/bridge.js', '../../src-renderer/api/client.js'],
    '../core/create-core.js',
  ],
  [
    'src-main/electron/fixture.ts',
    ['../host/static-files.js', '../preload/bridge.js', '../../src-renderer/doctor/keyboard.js'],
    '../core/create-core.js',
  ],
  [
    'src-main/preload/fixture.ts',
    [
      'node:fs',
      'path',
      '../core/create-core.js',
      '../host/server.js',
      '../electron/channels.js',
      '../../src-renderer/api/client.js',
      'better-sqlite3',
    ],
    'electron',
  ],
  [
    'src-renderer/api/fixture.ts',
    ['electron', 'node:fs', '../../src-main/core/registry.js', '../state/lock.svelte.js', '../doctor/keyboard.js'],
    '../../src-shared/bridge.js',
  ],
  [
    'src-renderer/state/fixture.svelte.ts',
    ['../doctor/keyboard.js', '../patient/RevealStage.svelte', 'ws'],
    '../api/client.js',
  ],
  [
    'src-renderer/doctor/Fixture.svelte',
    ['../patient/RevealStage.svelte', '../identify/main.js', 'node:path'],
    '../state/lock.svelte.js',
  ],
  [
    'src-renderer/patient/Fixture.svelte',
    ['../doctor/PresenterView.svelte', '../doctor/keyboard.js', 'better-sqlite3'],
    '../api/client.js',
  ],
  [
    'src-renderer/identify/fixture.ts',
    ['../doctor/keyboard.js', '../patient/RevealStage.svelte'],
    '../../src-shared/bridge.js',
  ],
];

describe('layer rules: a forbidden import fails lint in every folder', () => {
  it.each(cases)('%s', async (file, forbidden, allowed) => {
    for (const specifier of forbidden) {
      const errors = await importErrors(file, specifier);
      expect(errors, `${file} importing ${specifier}`).toHaveLength(1);
      expect(errors[0]).toMatch(/^no-restricted-imports: /);
    }
    expect(await importErrors(file, allowed), `${file} importing ${allowed}`).toEqual([]);
  });

  it('lets tests import electron for types only', async () => {
    expect(await importErrors('tests/unit/fixture.ts', 'electron')).toHaveLength(1);
    const [result] = await eslint.lintText("import type { App } from 'electron';\nexport type A = App;\n", {
      filePath: path.join(root, 'tests/unit/fixture.ts'),
    });
    expect(result?.messages).toEqual([]);
  });
});

// Lint enforces the layering (which folder may import what) as well as style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'child_process', 'crypto', 'url', 'net'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.ts',
            'scripts/*.js',
            'tests/crash/*.mjs',
            'src-renderer/vite.config.ts',
            'src-main/preload/vite.config.ts',
          ],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 12,
        },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, svelteConfig } },
  },
  {
    // {@html} only ever receives HTML sanitized by core (deck renderer).
    files: ['src-renderer/**/*.svelte'],
    rules: { 'svelte/no-at-html-tags': 'off' },
  },
  {
    files: ['src-shared/**'],
    ...{
      rules: restrict(
        ['electron', ...nodeBuiltins, 'svelte', 'svelte/*', '../src-main/*', '../../src-main/*', '**/src-renderer/**'],
        'src-shared is imported by every side: zod only.',
      ),
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: restrict(
      ['electron', ...nodeBuiltins, '**/src-main/**', 'better-sqlite3', 'ws'],
      'The renderer talks to core through src-renderer/api only.',
    ),
  },
  {
    files: ['src-main/core/**'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['electron', 'http', 'node:http', 'ws', '**/host/**', '**/electron/**'],
      'Core knows nothing of its transport.',
    ),
  },
  {
    files: ['src-main/host/**'],
    languageOptions: { globals: globals.node },
    rules: restrict(['electron', '**/electron/**'], 'Browser mode must run without the Electron binary.'),
  },
  {
    files: ['src-main/preload/**'],
    rules: restrict(
      [...nodeBuiltins, '**/core/**', '**/host/**', 'better-sqlite3'],
      'The preload exposes the bridge only.',
    ),
  },
  {
    files: ['tests/**', 'scripts/**', 'bench/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Tests may import type-only from electron; a runtime import would start the binary download.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Mock electron; never require it at run time.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // Build configs run in Node at build time, not in the windows.
    files: ['src-renderer/vite.config.ts', 'src-main/preload/vite.config.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': 'off' },
  },
);

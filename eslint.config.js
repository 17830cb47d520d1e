// Lint enforces the layering (which folder may import what) as well as style.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'http2', 'child_process', 'crypto', 'url', 'net'];

/**
 * The layer rules: one `no-restricted-imports` per folder (ARCHITECTURE.md,
 * "Folders"). ESLint replaces a rule's options when a later block matches the
 * same file, so each block lists every group that applies to its folder.
 * tests/unit/lint/layer-rules.test.ts checks that a forbidden import fails in every folder.
 */
const rule = (message, group) => ({ group, message });
const restrictions = (...groups) => ({ 'no-restricted-imports': ['error', { patterns: groups }] });

const notRenderer = rule('Main-process code never imports renderer code (it meets the renderer in src-shared).', [
  '**/src-renderer/**',
]);
const rendererCommon = [
  rule('The renderer talks to core through src-renderer/api only.', [
    'electron',
    ...nodeBuiltins,
    '**/src-main/**',
    'better-sqlite3',
    'ws',
  ]),
];
const notWindow = (...others) =>
  rule(
    "One window's components never import another window's: shared parts go to src-renderer/shared or state.",
    others.map((name) => `**/${name}/**`),
  );

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
    rules: restrictions(
      rule('src-shared is imported by every side: zod only.', [
        'electron',
        ...nodeBuiltins,
        'svelte',
        'svelte/*',
        '**/src-main/**',
        '**/src-renderer/**',
      ]),
    ),
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: restrictions(...rendererCommon),
  },
  {
    // The transport layer serves every window: no state, no components.
    files: ['src-renderer/api/**'],
    rules: restrictions(
      ...rendererCommon,
      rule('src-renderer/api is the transport: it knows no state or window.', [
        '**/state/**',
        '**/doctor/**',
        '**/patient/**',
        '**/identify/**',
        '**/shared/**',
      ]),
    ),
  },
  {
    // State classes sit under the components: a key map or helper they need lives beside them.
    files: ['src-renderer/state/**'],
    rules: restrictions(
      ...rendererCommon,
      rule('State never imports components or window folders.', ['**/doctor/**', '**/patient/**', '**/identify/**']),
    ),
  },
  { files: ['src-renderer/doctor/**'], rules: restrictions(...rendererCommon, notWindow('patient', 'identify')) },
  { files: ['src-renderer/patient/**'], rules: restrictions(...rendererCommon, notWindow('doctor', 'identify')) },
  { files: ['src-renderer/identify/**'], rules: restrictions(...rendererCommon, notWindow('doctor', 'patient')) },
  {
    files: ['src-renderer/shared/**'],
    rules: restrictions(...rendererCommon, notWindow('doctor', 'patient', 'identify')),
  },
  {
    files: ['src-main/core/**'],
    languageOptions: { globals: globals.node },
    rules: restrictions(
      rule('Core knows nothing of its transport: no Electron, no HTTP, no WebSocket.', [
        'electron',
        'http',
        'node:http',
        'https',
        'node:https',
        'http2',
        'node:http2',
        'ws',
        '**/host/**',
        '**/electron/**',
        '**/preload/**',
      ]),
      notRenderer,
    ),
  },
  {
    // Handlers parse, call, audit and push; every SQL statement of the record lives in core/records (F10).
    files: ['src-main/core/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|exec)$/]',
          message: 'No SQL in an api handler: put the statement in a core/records module and call it.',
        },
      ],
    },
  },
  {
    files: ['src-main/host/**'],
    languageOptions: { globals: globals.node },
    rules: restrictions(
      rule('Browser mode must run without the Electron binary.', ['electron', '**/electron/**', '**/preload/**']),
      notRenderer,
    ),
  },
  {
    files: ['src-main/electron/**'],
    languageOptions: { globals: globals.node },
    rules: restrictions(
      rule('The Electron main process uses core and shared; browser mode (host) and the preload are other programs.', [
        '**/host/**',
        '**/preload/**',
      ]),
      notRenderer,
    ),
  },
  {
    files: ['src-main/preload/**'],
    rules: restrictions(
      rule('The sandboxed preload exposes the bridge only: electron and src-shared.', [
        ...nodeBuiltins,
        '**/core/**',
        '**/host/**',
        '**/electron/**',
        'better-sqlite3',
      ]),
      notRenderer,
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
    files: [
      'src-renderer/vite.config.ts',
      'src-main/preload/vite.config.ts',
      'src-main/electron/vite.config.ts',
      'src-main/host/vite.config.ts',
    ],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': 'off' },
  },
);

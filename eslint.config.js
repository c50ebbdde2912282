import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The layer table of the architecture brief, enforced: a breach fails `npm test`.
 * shared/ is pure; core runs in plain Node; the UI reaches main only through shared/api.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

const uiLayer = { group: [...nodeBuiltins, 'electron', '**/electron/**', 'better-sqlite3'], message: 'The UI talks to main only through the shared/api contract.' };
const browserZoneData = { group: ['@date-fns/tz'], message: 'Zone offsets come from core’s tables (shared/time), never the browser’s own zone data (ARCHITECTURE rule 8).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node, parserOptions: { project: false, program: null } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', '**/electron/**', '**/renderer/**', 'better-sqlite3'],
      'shared/ is pure domain code: no I/O, no Node, no Electron, no React, no DOM.',
    ),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts'],
    rules: restrict(['electron', 'react', 'react-dom', '**/renderer/**', '**/main/**', '**/preload/**'], 'core and browser mode run in plain Node: no electron, no UI.'),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict(['**/renderer/**', 'react', 'react-dom'], 'The shell never imports the UI.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [uiLayer, browserZoneData] }],
    },
  },
  {
    // The one stop-gap: a zone typed a moment ago, until core's table for it arrives.
    files: ['renderer/src/time/zoneTables.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [uiLayer] }] },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);

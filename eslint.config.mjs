import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads'];
const nodeBuiltins = [...nodeModules, ...nodeModules.map((m) => `node:${m}`)];

// The process boundary, enforced: renderer never reaches main or Node, main/core never
// imports electron nor the transports above it, shared/ imports neither side.
const boundary = (message, patterns, paths) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }], paths: paths.map((name) => ({ name, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The build config runs under Node, not in the page.
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: boundary(
      'The renderer talks to the core only through renderer/api.ts.',
      ['**/main/**', '../main/*'],
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'fastify'],
    ),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: boundary(
      'main/core runs under plain Node and is used by the transports (main/http, main/electron), never the other way round.',
      ['electron/*', '**/http/*', '**/electron/*', '**/renderer/**', '../../http', '../http', '../electron', '../../electron'],
      ['electron', 'fastify'],
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary(
      'shared/ is pure TypeScript used by both sides.',
      ['**/main/**', '**/renderer/**'],
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'fastify', 'react'],
    ),
  },
  {
    // Playwright fixtures must destructure their (unused) first argument.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);

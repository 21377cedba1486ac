import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Which layer may import which is checked in full by dependency-cruiser
// (.dependency-cruiser.cjs, `npm run lint:deps`), cycles included. The rule below
// repeats its most important line so an editor shows it while typing.

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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
          message: "import * as z from 'zod': the z object holds everything zod has, its 40 locales too, and keeps them all in the bundles.",
        },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'http', 'https', 'node:http', 'node:https'].map((name) => ({ name, message: 'main/core runs under plain Node, below the transports.' })),
          patterns: [{ group: ['**/http/*', '**/electron/*', '../http', '../../http', '../electron', '../../electron'], message: 'main/core is used by main/http and main/electron, never the other way round.' }],
        },
      ],
    },
  },
  {
    // Playwright fixtures must destructure their (unused) first argument.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);

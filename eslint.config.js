// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Where code runs decides what it may import. A file's folder says where it runs:
 * - `utils/worker/`: the service worker alone (the key, the API, storage writes); only
 *   `entrypoints/background.ts` imports it;
 * - `utils/linkedin/` and `entrypoints/linkedin-*`: the LinkedIn content scripts;
 * - `entrypoints/popup*`, `entrypoints/options`, `entrypoints/dashboard`, `components/`: the
 *   extension's pages;
 * - the rest of `utils/`: anywhere.
 * Tests are exempt (a worker test imports the worker).
 */
const FORBIDDEN = {
  worker: {
    group: ['**/worker', '**/worker/**', '@/utils/worker', '@/utils/worker/**'],
    message: 'Service worker only (utils/worker): the key and the API never leave it.',
  },
  linkedin: {
    group: ['**/linkedin/**', '@/utils/linkedin/**', '**/linkedin-gate/**', '**/linkedin-profile-badge/**'],
    message: 'LinkedIn content scripts only (utils/linkedin, entrypoints/linkedin-*).',
  },
  pages: {
    group: [
      '**/components/**',
      '@/components/**',
      '**/popup/**',
      '**/options/**',
      '**/dashboard/**',
      'preact',
      'preact/**',
    ],
    message: "Extension pages only: a content script carries none of the pages' code (size and trust).",
  },
  entrypoints: {
    group: ['**/entrypoints/**', '@/entrypoints/**'],
    message: 'Entrypoints import shared code, never the other way round.',
  },
  chartAuto: {
    group: ['chart.js/auto'],
    message: 'Register chart.js parts one by one (components/charts/chart-parts.ts).',
  },
};

/** The import rules of each runtime context, by folder. */
function runtimeBoundaries() {
  const zone = (files, forbidden, ignores = []) => ({
    files,
    ignores: ['**/*.test.ts', '**/*.test.tsx', ...ignores],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden.map((name) => FORBIDDEN[name]) }] },
  });
  const PAGES = [
    'entrypoints/popup/**',
    'entrypoints/popup-first-frame.ts',
    'entrypoints/options/**',
    'entrypoints/dashboard/**',
  ];
  const CONTENT = ['entrypoints/linkedin-gate/**', 'entrypoints/linkedin-profile-badge/**'];
  return [
    zone(
      ['utils/**'],
      ['worker', 'linkedin', 'pages', 'entrypoints', 'chartAuto'],
      ['utils/worker/**', 'utils/linkedin/**', 'utils/testing/**'],
    ),
    zone(['utils/worker/**'], ['linkedin', 'pages', 'entrypoints', 'chartAuto']),
    zone(['utils/linkedin/**'], ['worker', 'pages', 'entrypoints', 'chartAuto']),
    zone(['components/**'], ['worker', 'linkedin', 'entrypoints', 'chartAuto']),
    zone(PAGES, ['worker', 'linkedin', 'chartAuto']),
    zone(CONTENT, ['worker', 'pages', 'chartAuto']),
  ];
}

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.tsx', 'components/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Data from the API or LinkedIn is text, never markup.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Render data as text, never as HTML.',
        },
        {
          selector: "MemberExpression[property.name='outerHTML']",
          message: 'Render data as text, never as HTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render data as text.',
        },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render data as text.' },
      ],
    },
  },
  ...runtimeBoundaries(),
);

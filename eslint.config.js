// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // The API key lives in the service worker alone: no page or content script may touch it.
    files: ['entrypoints/**', 'components/**'],
    ignores: ['entrypoints/background.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/secrets', '@/utils/secrets', '**/worker', '**/worker/*', '@/utils/worker/*'],
              message: 'Service worker only: the key never leaves it.',
            },
            {
              group: ['chart.js/auto'],
              message: 'Register chart.js parts one by one (components/charts/chart-parts.ts).',
            },
          ],
        },
      ],
    },
  },
);

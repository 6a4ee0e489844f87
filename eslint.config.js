import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const htmlSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Render untrusted text as text: use textContent or DOM nodes.',
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln|createContextualFragment|setHTMLUnsafe)$/]',
    message: 'No HTML string sinks: build DOM nodes.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Render untrusted text as text.',
  },
  {
    selector:
      "CallExpression[callee.name=/^(eval|Function)$/], NewExpression[callee.name='Function']",
    message: 'No dynamic code: MV3 and the stores forbid it.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-firefox/',
      // Side-by-side builds (EXT_OUT_DIR=dist-…).
      'dist-*/',
      'artifacts/',
      'node_modules/',
      'test/output/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...htmlSinks],
    },
  },
  {
    files: ['scripts/**', 'test/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright fixtures declare their dependencies by destructuring, even when there are none.
    files: ['test/e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/**'],
    rules: {
      // Logs are readable by anyone with devtools: the product logs nothing of its own.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The API layer stays pure so it runs in Node tests and in the worker alike.
    files: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'webextension-polyfill',
                '**/background/**',
                '**/content/**',
                '**/popup/**',
                '**/options/**',
              ],
              message: 'src/api is pure: no extension APIs, no UI.',
            },
          ],
        },
      ],
    },
  },
  {
    // The pages learn everything from the worker through the protocol (src/shared/protocol.ts):
    // not even a type comes from the worker's modules, so its code never reaches a page bundle.
    files: ['src/ui/**', 'src/popup/**', 'src/options/**', 'src/wording/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/background', '**/background/**'],
              message: 'Pages talk to the worker through src/shared/protocol.ts only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The content script runs inside the helpdesk page: it never holds the key, never calls the
    // API, and stays one small self-contained chunk.
    files: ['src/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api', '**/api/**', '**/popup/**', '**/options/**', '**/key-store*'],
              message: 'Content scripts never reach the API layer or the key.',
              allowTypeImports: true,
            },
            {
              group: ['**/background', '**/background/**'],
              message: 'Content scripts talk to the worker through src/shared/protocol.ts only.',
            },
            {
              // The protocol module declares its messages with zod: only its types may come here.
              group: [
                'preact',
                'preact/*',
                'zod',
                'zod/*',
                'webextension-polyfill',
                '**/shared/protocol',
              ],
              message: 'Keep the content script small and self-contained.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);

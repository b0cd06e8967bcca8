// ESLint with typescript-eslint's type-aware rules. The layer boundaries (STYLE.md) are lint errors too, so an
// editor shows them as they are typed; tests/unit/boundaries.test.ts checks the same rules in CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'dist/', 'node_modules/', 'coverage/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Messages from other contexts are checked by guards in src/messages.ts before use.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  layer(['src/engine/**'], ['wxt', 'wxt/*', 'webextension-polyfill', 'preact', 'preact/*', 'linkedom', 'happy-dom', 'node:*', '**/dom/**', '**/ui/**', '**/cli/**', '**/background/**', '**/build/**'], 'the engine knows only text'),
  layer(['src/dom/**'], ['wxt', 'wxt/*', 'webextension-polyfill', 'preact', 'preact/*', '**/ui/**', '**/cli/**', '**/background/**'], 'dom maps text to the page and nothing more'),
  layer(['src/ui/**'], ['wxt', 'wxt/*', 'webextension-polyfill', '**/entrypoints/**'], 'components get data as props and act through callbacks'),
  layer(['src/cli/**'], ['wxt', 'wxt/*', 'webextension-polyfill', 'preact', 'preact/*', '**/ui/**'], 'the scanner has no UI'),
  {
    // Test fakes implement the browser's promise-returning APIs with async functions that need no await.
    files: ['tests/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // An ambient module cannot import relative paths: import() types are the only way to name ours there.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Plain JavaScript (this file, bin/): no type information to lint against.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);

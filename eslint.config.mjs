// ESLint (flat config): the TypeScript rules that catch real bugs here, and the layer rule
// grammar ← server ← client (no `vscode` outside client/). Formatting is Prettier's job; import
// cycles are checked by test/architecture/imports.test.ts (faster than a lint plugin).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** no-restricted-imports options for a folder that may not import these layers (nor `vscode`). */
const layer = (forbidden, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'vscode', message: 'Only client/ may import vscode.' }],
      patterns: forbidden.map((folder) => ({ regex: `(^|/)${folder}/`, message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/e2e/workspace/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error: the server must report, never crash silently.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and JSON readers use `any` deliberately; the compiler's strict mode covers the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['grammar/**/*.ts'], rules: layer(['server', 'client'], 'grammar/ is pure: it imports nothing from server/ or client/.') },
  { files: ['server/**/*.ts'], rules: layer(['client'], 'server/ imports nothing from client/.') },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // CommonJS preloads for Node (`node --require`): test/support/slow-files.cjs.
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', setTimeout: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

// ESLint (flat config): the TypeScript rules that catch real bugs here, and the layer rule
// grammar ← server ← client (no `vscode` outside client/). Formatting is Prettier's job; import
// cycles are checked by test/architecture/imports.test.ts (faster than a lint plugin).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import ts from 'typescript';

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

/**
 * VS Code's `vscode.l10n.t` puts a number argument in as `String(value)` does; the client's `l10n.t`
 * (client/l10n.ts) writes it as the display language does, as the server's messages do
 * (docs/localization.md). This rule refuses a number-typed argument to VS Code's own function.
 */
const l10nNumbers = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      number:
        'vscode.l10n.t writes this number as String(value) does: call l10n.t of client/l10n.ts, which writes it as the display language does.',
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services.program.getTypeChecker();
    const isNumber = (type) => (type.isUnion() ? type.types.some(isNumber) : (type.flags & ts.TypeFlags.NumberLike) !== 0);
    /** Whether the call resolves to the `l10n.t` declared by VS Code's API (@types/vscode), not to the client's own. */
    const isVsCodeL10n = (call) =>
      /[\\/]@types[\\/]vscode[\\/]/.test(
        checker.getResolvedSignature(services.esTreeNodeToTSNodeMap.get(call))?.declaration?.getSourceFile().fileName ?? '',
      );
    return {
      'CallExpression[callee.type="MemberExpression"][callee.property.name="t"]'(call) {
        const numbers = call.arguments.slice(1).filter((arg) => {
          const type = services.getTypeAtLocation(arg.type === 'SpreadElement' ? arg.argument : arg);
          return isNumber(arg.type === 'SpreadElement' ? (checker.getIndexTypeOfType(type, ts.IndexKind.Number) ?? type) : type);
        });
        if (numbers.length && isVsCodeL10n(call)) for (const arg of numbers) context.report({ node: arg, messageId: 'number' });
      },
    };
  },
};

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
  { files: ['client/**/*.ts'], plugins: { aadmap: { rules: { 'l10n-numbers': l10nNumbers } } }, rules: { 'aadmap/l10n-numbers': 'error' } },
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

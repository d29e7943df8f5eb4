/**
 * No export without an importer: every function, constant or class the product code (grammar/,
 * server/, client/) exports is imported by another file — product code, a test, a benchmark or a
 * script. An export used nowhere is dead code (delete it); one used only in its own file is a
 * private helper that claims to be an API (drop the `export`), and a reader looking for its callers
 * should not have to search the repository to learn there are none.
 *
 * The one allow-list is PUBLIC_ENTRY_POINTS: the modules esbuild.mjs bundles into dist/, whose
 * exports are a contract with code outside this repository (the VS Code host calls `activate`, other
 * projects require dist/grammar.js), so no file here need import them. Library modules inside the
 * repository, grammar/<language>/index.ts included, are not on it: their public functions are
 * imported by the editor features and the tests, and one nobody imports is not public. Types are not
 * checked: an exported type may only describe an exported function's parameters or result.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../support/files-under';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PRODUCT = ['grammar', 'server', 'client'];
const READERS = [...PRODUCT, 'test', 'bench', 'scripts'];
/** Modules whose exports are a contract with code outside this repository (esbuild.mjs entry points). */
const PUBLIC_ENTRY_POINTS = new Set([
  'grammar/index.ts',
  'client/extension.ts',
  'client/browser-extension.ts',
  'server/lsp/main.ts',
  'server/cli/bin.ts',
]);

/** The TypeScript sources under a folder (declaration files aside). */
const sourcesUnder = (folder: string) => filesUnder(folder, (path) => /\.(ts|mts|mjs)$/.test(path) && !path.endsWith('.d.ts'));

const posix = (path: string) => relative(root, path).split(sep).join('/');

function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')].map(posix).find((c) => {
    try {
      return statSync(join(root, c)).isFile();
    } catch {
      return false;
    }
  });
}

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The values a file exports by declaration (`export function f`, `export const a, b`, `export class C`). */
function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!hasExport(statement)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/** Every (module, name) another file imports or re-exports; `*` for a namespace import or `export *`. */
function importedNames(files: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const visit = (node: ts.Node) => {
      if (
        (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      ) {
        const module = resolveModule(file, node.moduleSpecifier.text);
        if (module) {
          if (ts.isImportDeclaration(node)) {
            const bindings = node.importClause?.namedBindings;
            if (node.importClause?.name) used.add(`${module}#default`);
            if (bindings && ts.isNamespaceImport(bindings)) used.add(`${module}#*`);
            if (bindings && ts.isNamedImports(bindings))
              for (const e of bindings.elements) used.add(`${module}#${(e.propertyName ?? e.name).text}`);
          } else if (node.exportClause && ts.isNamedExports(node.exportClause)) {
            for (const e of node.exportClause.elements) used.add(`${module}#${(e.propertyName ?? e.name).text}`);
          } else used.add(`${module}#*`);
        }
      }
      // `await import('./x')` and `import('./x').T` in types.
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        const module = argument && ts.isStringLiteral(argument) ? resolveModule(file, argument.text) : undefined;
        if (module) used.add(`${module}#*`);
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const module = resolveModule(file, node.argument.literal.text);
        if (module) used.add(node.qualifier && ts.isIdentifier(node.qualifier) ? `${module}#${node.qualifier.text}` : `${module}#*`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

describe('exports', () => {
  it('has no exported value that no other file imports (public entry points aside)', () => {
    const readers = READERS.flatMap((folder) => sourcesUnder(join(root, folder)));
    const used = importedNames(readers);
    expect(used.size, 'the imports were read').toBeGreaterThan(500);
    const dead: string[] = [];
    for (const file of PRODUCT.flatMap((folder) => sourcesUnder(join(root, folder))).filter((f) => f.endsWith('.ts'))) {
      const module = posix(file);
      if (PUBLIC_ENTRY_POINTS.has(module) || used.has(`${module}#*`)) continue;
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
      for (const name of exportedNames(source)) {
        if (!used.has(`${module}#${name}`)) dead.push(`${module}: ${name}`);
      }
    }
    expect(dead).toEqual([]);
  });
});

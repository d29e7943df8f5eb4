/**
 * Finds every message the code localizes: the string literal of each `t('…')` call (the
 * grammar/common/l10n.ts function, in grammar/ and server/) and of each `vscode.l10n.t('…')` /
 * `l10n.t('…')` call (the client). A call whose message is not a literal is reported: its text could
 * not be found, so it could not be translated.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';
import { filesUnder } from '../support/files-under';

export interface MessageSite {
  message: string;
  /** `path:line` of the call, relative to the repository root. */
  at: string;
}

export interface FoundMessages {
  sites: MessageSite[];
  /** `path:line` of calls whose first argument is not a string literal. */
  notLiteral: string[];
}

const SOURCE_FOLDERS = ['grammar', 'server', 'client'];

/**
 * The files of wrappers that pass their own `message` parameter on to `vscode.l10n.t` (client/l10n.ts
 * writes numbers in the display language): their callers' literals are the messages, found at the calls.
 */
const FORWARDERS = new Set(['client/l10n.ts']);

/** Whether `call` is a forwarder's: its message is a parameter of the function around it. */
function forwards(call: ts.CallExpression, file: string): boolean {
  const first = call.arguments[0];
  if (!FORWARDERS.has(file) || !first || !ts.isIdentifier(first)) return false;
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent)
    if (ts.isFunctionLike(node)) return node.parameters.some((parameter) => parameter.name.getText() === first.text);
  return false;
}

/** Whether the file imports `t` from grammar/common/l10n (any relative path to it). */
function importsT(source: ts.SourceFile): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      /(^|\/)common\/l10n$/.test(statement.moduleSpecifier.text) &&
      !!statement.importClause?.namedBindings &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === 't'),
  );
}

function isLocalizeCall(call: ts.CallExpression, tImported: boolean): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return tImported && callee.text === 't';
  // vscode.l10n.t(…) or l10n.t(…) (the `l10n` namespace of the vscode module).
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(^|\.)l10n$/.test(callee.expression.getText());
}

export function findMessages(root: string): FoundMessages {
  const found: FoundMessages = { sites: [], notLiteral: [] };
  const files = SOURCE_FOLDERS.flatMap((folder) =>
    filesUnder(`${root}/${folder}`, (path) => path.endsWith('.ts') && !path.endsWith('.d.ts')),
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('t(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const tImported = importsT(source);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isLocalizeCall(node, tImported) && !forwards(node, relative(root, file))) {
        const at = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)))
          found.sites.push({ message: first.text, at });
        else found.notLiteral.push(at);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The `{n}` placeholders of a message, sorted and without repeats. */
export function placeholdersOf(message: string): string[] {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}

/**
 * Document highlights and rename of source attributes: every `[name]` of the file with exactly the
 * same name (attribute names are case-sensitive), in expressions and scoping clauses alike.
 */
import type { IToken } from 'chevrotain';
import { DocumentHighlightKind, type DocumentHighlight, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { DocumentSnapshot } from '../snapshot';
import { AttributeRef } from '../../../grammar/expression/tokens';
import { is, statementAt, tokenEnd } from '../../../grammar/mapping/statement-view';
import { RenameError } from './rename-error';
import { t } from '../../../grammar/common/l10n';

/** The closed `[name]` token under the cursor (in a `.aadmap` file). */
function attributeAt(snapshot: DocumentSnapshot, position: Position): IToken | undefined {
  if (snapshot.languageId !== 'aadmap') return undefined;
  const offset = snapshot.lines.offsetAt(position);
  const token = statementAt(snapshot, offset).tokens.find((t) => t.startOffset <= offset && offset <= tokenEnd(t));
  return is(token, AttributeRef) ? token : undefined;
}

function nameOf(token: IToken): string {
  return token.image.slice(1, -1);
}

function occurrences(snapshot: DocumentSnapshot, name: string): IToken[] {
  return snapshot.tokens.tokens.filter((t) => is(t, AttributeRef) && nameOf(t) === name);
}

function nameRange(snapshot: DocumentSnapshot, token: IToken): Range {
  return { start: snapshot.lines.positionAt(token.startOffset + 1), end: snapshot.lines.positionAt(tokenEnd(token) - 1) };
}

export function documentHighlights(snapshot: DocumentSnapshot, position: Position): DocumentHighlight[] {
  const token = attributeAt(snapshot, position);
  if (!token) return [];
  return occurrences(snapshot, nameOf(token)).map((t) => ({ range: nameRange(snapshot, t), kind: DocumentHighlightKind.Read }));
}

export function prepareRename(snapshot: DocumentSnapshot, position: Position): { range: Range; placeholder: string } | null {
  const token = attributeAt(snapshot, position);
  if (!token || nameOf(token) === '') return null;
  return { range: nameRange(snapshot, token), placeholder: nameOf(token) };
}

export { RenameError };

export function rename(snapshot: DocumentSnapshot, position: Position, newName: string): WorkspaceEdit | null {
  const token = attributeAt(snapshot, position);
  if (!token) return null;
  const name = newName.replace(/^\[/, '').replace(/\]$/, '');
  if (name.trim() === '' || /[\]\r\n]/.test(name))
    throw new RenameError(t("'{0}' cannot be an attribute name: it must not be empty or contain ']' or a line break.", newName));
  return {
    changes: { [snapshot.uri]: occurrences(snapshot, nameOf(token)).map((t) => ({ range: nameRange(snapshot, t), newText: name })) },
  };
}

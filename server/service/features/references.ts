/**
 * Document highlights and rename of source attributes: every `[name]` of the file with exactly the
 * same name (attribute names are case-sensitive), in expressions and scoping clauses alike, and the
 * name of each `attribute source NAME …` declaration of it.
 */
import type { IToken } from 'chevrotain';
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { DocumentSnapshot } from '../snapshot';
import { AttributeRef, Identifier, StringLiteral } from '../../../grammar/expression/tokens';
import { decodeExpressionString, encodeExpressionString } from '../../../grammar/expression/strings';
import { mappingLexer } from '../../../grammar/mapping/lexer';
import { Attribute, Source } from '../../../grammar/mapping/tokens';
import { is, statementAt, tokenEnd } from '../../../grammar/mapping/statement-view';
import { RenameError } from './rename-error';
import { t } from '../../../grammar/common/l10n';

/**
 * An occurrence of a source attribute's name: a closed `[name]` token, or the name of an
 * `attribute source NAME …` declaration (an identifier or a string; docs/custom-attributes.md).
 */
interface Occurrence {
  token: IToken;
  name: string;
  declaration: boolean;
}

function referenceOf(token: IToken): Occurrence {
  return { token, name: token.image.slice(1, -1), declaration: false };
}

/** The declaration name token after `attribute source`, when `tokens[at]` is that `attribute`. */
function declaredAt(tokens: readonly IToken[], at: number): Occurrence | undefined {
  if (!is(tokens[at], Attribute) || !is(tokens[at + 1], Source)) return undefined;
  const token = tokens[at + 2];
  if (is(token, Identifier)) return { token: token!, name: token!.image, declaration: true };
  if (is(token, StringLiteral))
    return { token: token!, name: decodeExpressionString(token!.image, token!.startOffset, []), declaration: true };
  return undefined;
}

/** The source attribute name under the cursor (in a `.aadmap` file). */
function attributeAt(snapshot: DocumentSnapshot, position: Position): Occurrence | undefined {
  if (snapshot.languageId !== 'aadmap') return undefined;
  const offset = snapshot.lines.offsetAt(position);
  const tokens = statementAt(snapshot, offset).tokens;
  const token = tokens.find((t) => t.startOffset <= offset && offset <= tokenEnd(t));
  if (is(token, AttributeRef)) return referenceOf(token!);
  const declared = declaredAt(tokens, 0);
  return declared && declared.token === token ? declared : undefined;
}

function occurrences(snapshot: DocumentSnapshot, name: string): Occurrence[] {
  const tokens = snapshot.tokens.tokens;
  const found: Occurrence[] = [];
  tokens.forEach((token, i) => {
    const occurrence = is(token, AttributeRef) ? referenceOf(token) : declaredAt(tokens, i);
    if (occurrence && occurrence.name === name) found.push(occurrence);
  });
  return found;
}

/** The name without its brackets or quotes; a bare declaration name is the whole token. */
function nameRange(snapshot: DocumentSnapshot, occurrence: Occurrence): Range {
  const { token } = occurrence;
  const inner = !is(token, Identifier);
  return {
    start: snapshot.lines.positionAt(token.startOffset + (inner ? 1 : 0)),
    end: snapshot.lines.positionAt(tokenEnd(token) - (inner ? 1 : 0)),
  };
}

/** The edit writing `name` at an occurrence: a declaration name that is no identifier is quoted. */
function renamed(snapshot: DocumentSnapshot, occurrence: Occurrence, name: string): TextEdit {
  const { token } = occurrence;
  if (!occurrence.declaration) return { range: nameRange(snapshot, occurrence), newText: name };
  if (is(token, StringLiteral)) return { range: nameRange(snapshot, occurrence), newText: encodeExpressionString(name).slice(1, -1) };
  const lexed = mappingLexer.tokenize(name).tokens;
  const bare = lexed.length === 1 && is(lexed[0], Identifier) && lexed[0]!.image === name;
  return { range: nameRange(snapshot, occurrence), newText: bare ? name : encodeExpressionString(name) };
}

export function documentHighlights(snapshot: DocumentSnapshot, position: Position): DocumentHighlight[] {
  const at = attributeAt(snapshot, position);
  if (!at) return [];
  return occurrences(snapshot, at.name).map((o) => ({
    range: nameRange(snapshot, o),
    kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function prepareRename(snapshot: DocumentSnapshot, position: Position): { range: Range; placeholder: string } | null {
  const at = attributeAt(snapshot, position);
  if (!at || at.name === '') return null;
  return { range: nameRange(snapshot, at), placeholder: at.name };
}

export { RenameError };

export function rename(snapshot: DocumentSnapshot, position: Position, newName: string): WorkspaceEdit | null {
  const at = attributeAt(snapshot, position);
  if (!at) return null;
  const name = newName.replace(/^\[/, '').replace(/\]$/, '');
  if (name.trim() === '' || /[\]\r\n]/.test(name))
    throw new RenameError(t("'{0}' cannot be an attribute name: it must not be empty or contain ']' or a line break.", newName));
  return {
    changes: { [snapshot.uri]: occurrences(snapshot, at.name).map((o) => renamed(snapshot, o, name)) },
  };
}

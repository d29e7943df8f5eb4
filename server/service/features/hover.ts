/**
 * Hover = the sections of every contributor, in order, separated by rules. The built-in contributor
 * explains what is under the cursor (function, attribute, target path, keyword, operator); other
 * features add their own (the evaluation section: sample-user-features.ts), bound in editor-features.ts.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextRange } from '../../../grammar/common/text-range';
import { parseAttributePath } from '../../../grammar/scim/index';
import { scimLexer } from '../../../grammar/scim/lexer';
import { parameterForArgument, type FunctionCatalogue } from '../../catalogue/index';
import { isDirectoryExtensionAttribute } from '../../schema/azure-ad';
import { blockObject } from './declared-objects';
import { findAttribute, findObject, findTargetAttribute } from '../../schema/lookup';
import type { DirectorySchema } from '../../schema/types';
import type { PreviewSettings } from '../sample-users';
import type { DocumentSnapshot } from '../snapshot';
import { argumentIndexAt, callAt, callSites, functionsOf, signatureOf } from './calls';
import {
  attributeFlagDoc,
  attributeTypeDoc,
  declarationSideDoc,
  deployFieldDoc,
  describeScimPath,
  directoryExtensionMarkdown,
  flowBehaviorDoc,
  flowTypeDoc,
  functionMarkdown,
  intervalWord,
  keywordDoc,
  objectFlowTypeDoc,
  scimOperatorDoc,
  scopeOperatorDoc,
  sourceAttributeMarkdown,
  targetAttributeMarkdown,
  vbCompareDoc,
} from './descriptions';
import { t } from '../../../grammar/common/l10n';
import {
  AttributeRef,
  ComparisonOperator,
  Identifier,
  LParen,
  StringLiteral,
  UnterminatedAttributeRef,
} from '../../../grammar/expression/tokens';
import { Arrow, keywordOf, LeftArrow, ScopeOperator, TargetPath } from '../../../grammar/mapping/tokens';
import * as Scim from '../../../grammar/scim/tokens';
import { type BlockHeader, is, isKeyword, isOneOf, statementAt, tokenEnd, typeOf } from '../../../grammar/mapping/statement-view';

/** One part of a hover: Markdown, and the text it is about (the narrowest section range is the hover's). */
export interface HoverSection {
  markdown: string;
  range?: TextRange;
}

/** What the editor tells the hover besides the position. */
export interface HoverOptions {
  /** The editor's `aadmap.preview.*` settings (which sample user the evaluation section uses). */
  preview?: PreviewSettings;
}

/** Something that may have a word to say about the offset; undefined when it has none. */
export type HoverContributor = (snapshot: DocumentSnapshot, offset: number, options: HoverOptions) => HoverSection | undefined;

export function hover(
  snapshot: DocumentSnapshot,
  position: Position,
  contributors: readonly HoverContributor[],
  options: HoverOptions = {},
): Hover | null {
  const offset = snapshot.lines.offsetAt(position);
  const sections: HoverSection[] = [];
  for (const contribute of contributors) {
    const section = contribute(snapshot, offset, options);
    if (section && section.markdown.trim() !== '') sections.push(section);
  }
  if (sections.length === 0) return null;
  // The narrowest range: the token's rather than the whole expression's.
  const range = sections
    .map((s) => s.range)
    .filter((r) => r !== undefined)
    .reduce<TextRange | undefined>((best, r) => (best === undefined || r.end - r.start < best.end - best.start ? r : best), undefined);
  return {
    contents: { kind: 'markdown', value: sections.map((s) => s.markdown).join('\n\n---\n\n') },
    ...(range ? { range: { start: snapshot.lines.positionAt(range.start), end: snapshot.lines.positionAt(range.end) } } : {}),
  };
}

/** The built-in contributor: what the token under the cursor is. */
export const languageHover: HoverContributor = (snapshot, offset) => {
  if (snapshot.languageId === 'aadmap') return mappingHover(snapshot, offset);
  if (snapshot.languageId === 'scimfilter') return scimHover(snapshot, offset);
  return undefined;
};

const rangeOf = (token: IToken): TextRange => ({ start: token.startOffset, end: tokenEnd(token) });

function mappingHover(snapshot: DocumentSnapshot, offset: number): HoverSection | undefined {
  const statement = statementAt(snapshot, offset);
  const tokens = statement.tokens;
  const index = tokens.findIndex((t) => t.startOffset <= offset && offset < tokenEnd(t));
  const token = tokens[index];
  if (!token) return undefined;
  const header = statement.container.kind === 'file' ? undefined : statement.container.header;
  const type = typeOf(token);
  const next = tokens[index + 1];
  const previous = tokens[index - 1];
  const section = (markdown: string): HoverSection => ({ markdown, range: rangeOf(token) });

  switch (type) {
    case Identifier: {
      if (is(next, LParen)) {
        // An unknown or wrongly cased name has its diagnostic, which the editor shows in the same
        // hover: the hover documents the function meant and does not say the diagnostic again.
        const sig = signatureOf(token.image, functionsOf(snapshot));
        return sig ? section(functionMarkdown(sig)) : undefined;
      }
      const vbCompare = vbCompareDoc(token.image);
      if (vbCompare) return section(vbCompare);
      const flowType = isKeyword(previous, 'flowType') ? flowTypeDoc(token.image) : undefined;
      if (flowType) return section(`**flowType ${token.image}** — ${flowType}`);
      const flowBehavior = isKeyword(previous, 'flowBehavior') ? flowBehaviorDoc(token.image) : undefined;
      if (flowBehavior) return section(`**flowBehavior ${token.image}** — ${flowBehavior}`);
      const objectFlowType = isKeyword(tokens[0], 'flowTypes') ? objectFlowTypeDoc(token.image) : undefined;
      if (objectFlowType) return section(`**${token.image}** — ${objectFlowType}`);
      if (isKeyword(tokens[0], 'attribute')) return declarationWordHover(tokens, index, section);
      if (isKeyword(previous, 'target')) return targetHover(snapshot, token);
      if (isKeyword(tokens[0], 'mapping')) return objectHover(snapshot, tokens, index);
      if (isKeyword(tokens[0], 'deploy') && is(next, StringLiteral) && index % 2 === 1) {
        // `deploy NAME "VALUE" NAME "VALUE" …`: a field name.
        const doc = deployFieldDoc(token.image);
        return doc ? section(doc) : undefined;
      }
      return undefined;
    }
    case StringLiteral: {
      if (isKeyword(tokens[0], 'mapping') && index > 1) return objectHover(snapshot, tokens, index);
      // A declaration's quoted name or a flag's value: no target statement.
      if (isKeyword(tokens[0], 'attribute')) return undefined;
      if (isKeyword(previous, 'target')) return targetHover(snapshot, token);
      return stringArgumentHover(tokens, index, token, functionsOf(snapshot));
    }
    case AttributeRef:
    case UnterminatedAttributeRef:
      return sourceAttributeHover(snapshot, token, header);
    case TargetPath:
      return targetPathHover(snapshot, token, header);
    case ScopeOperator: {
      const label = token.image.replace(/[ \t]+/g, ' ');
      return section(t('**{0}** (scoping operator) — {1}', label, scopeOperatorDoc(label) ?? ''));
    }
    case LeftArrow:
      return section(
        t(
          '`TARGET <- SOURCE`: an attribute mapping (Graph `attributeMapping`): the target attribute path on the left, the source expression on the right.',
        ),
      );
    case Arrow:
      return section(t('`SOURCE -> TARGET`: the source object (Azure AD) and the target object of the mapping block.'));
    case ComparisonOperator:
      return section(t('`{0}`: a comparison, allowed only as an IIF condition or a CBool argument.', token.image));
    default: {
      const word = keywordOf(type);
      // `target` and `source` right after `attribute` say which side a declaration is of.
      const doc = word && (isKeyword(previous, 'attribute') && index === 1 ? declarationSideDoc(word) : keywordDoc(word));
      return doc ? section(doc) : undefined;
    }
  }
}

/**
 * A word of `attribute SIDE NAME TYPE FLAGS…`: the type (the first word after the name) or a flag;
 * nothing for the name (an identifier) or a word that is neither.
 */
function declarationWordHover(
  tokens: readonly IToken[],
  index: number,
  section: (markdown: string) => HoverSection,
): HoverSection | undefined {
  if (index < 3) return undefined;
  const word = tokens[index]!.image;
  const type = index === 3 ? attributeTypeDoc(word) : undefined;
  if (type) return section(t('**{0}** (attribute type) — {1}', word, type));
  const flag = attributeFlagDoc(word);
  return flag ? section(t('**{0}** (attribute flag) — {1}', word, flag)) : undefined;
}

function targetHover(snapshot: DocumentSnapshot, token: IToken): HoverSection {
  const target = snapshot.schemas.target;
  const markdown = target
    ? t(
        '**{0}** — target schema with {1}.',
        target.displayName,
        target.objects.map((o) => t('{0} ({1} attributes)', o.aliases[0] ?? o.name, o.attributes.length)).join(', '),
      )
    : t('The target schema could not be resolved (see the diagnostic).');
  return { markdown: `${markdown}\n\n${keywordDoc('target')}`, range: rangeOf(token) };
}

function objectHover(snapshot: DocumentSnapshot, tokens: readonly IToken[], index: number): HoverSection | undefined {
  const arrow = tokens.findIndex((t) => is(t, Arrow));
  if (arrow === -1 || (index !== arrow - 1 && index !== arrow + 1)) return undefined;
  const token = tokens[index]!;
  const side = index < arrow ? 'source' : 'target';
  const directory: DirectorySchema | undefined = side === 'source' ? snapshot.schemas.source : snapshot.schemas.target;
  const name = token.image.startsWith('"') ? token.image.slice(1, -1) : token.image;
  const object = directory && findObject(directory, name);
  if (!directory || !object) return undefined;
  const required = object.attributes.filter((a) => a.required).map((a) => `\`${a.name}\``);
  let markdown =
    side === 'source'
      ? t('**{0}** — source object in {1} ({2} attributes)', object.name, directory.displayName, object.attributes.length)
      : t('**{0}** — target object in {1} ({2} attributes)', object.name, directory.displayName, object.attributes.length);
  if (side === 'target' && required.length) markdown += `\n\n${t('Required: {0}.', required.join(', '))}`;
  if (side === 'target' && directory.filterabilityKnown) {
    const filterable = object.attributes.filter((a) => a.filterable).map((a) => `\`${a.name}\``);
    markdown += `\n\n${t('Filterable (can be matching attributes): {0}.', filterable.join(', ') || t('none'))}`;
  }
  return { markdown, range: rangeOf(token) };
}

function sourceAttributeHover(snapshot: DocumentSnapshot, token: IToken, header: BlockHeader | undefined): HoverSection | undefined {
  const name = token.image.replace(/^\[/, '').replace(/\]$/, '');
  const range = rangeOf(token);
  const directory = snapshot.schemas.source;
  const object = blockObject(snapshot, header, 'source');
  const found = object && findAttribute(object, name);
  if (object && found) {
    // A wrong case is the attribute-case diagnostic's to say (shown in the same hover).
    return { markdown: sourceAttributeMarkdown(found.attribute, object.name, directory), range };
  }
  if (isDirectoryExtensionAttribute(name)) return { markdown: `**[${name}]** — ${directoryExtensionMarkdown()}`, range };
  return undefined;
}

function targetPathHover(snapshot: DocumentSnapshot, token: IToken, header: BlockHeader | undefined): HoverSection {
  const parts: string[] = [];
  const directory = snapshot.schemas.target;
  const object = blockObject(snapshot, header, 'target');
  const found = object && findTargetAttribute(object, token.image);
  // An unknown target is the unknown-target-attribute diagnostic's to say (shown in the same hover).
  if (directory && found) parts.push(targetAttributeMarkdown(found.attribute, directory));
  const path = parseAttributePath(token.image).ast;
  if (path) parts.push(describeScimPath(path));
  return { markdown: parts.join('\n\n'), range: rangeOf(token) };
}

/** A string argument with a closed set of values (DateAdd's "d"): what the value means. */
function stringArgumentHover(
  tokens: readonly IToken[],
  index: number,
  token: IToken,
  functions: FunctionCatalogue,
): HoverSection | undefined {
  const arrow = tokens.findIndex((t) => is(t, LeftArrow));
  if (arrow === -1 || index < arrow) return undefined;
  const source = tokens.slice(arrow + 1);
  const call = callAt(callSites(source), token.startOffset);
  const sig = call && signatureOf(call.name, functions);
  const parameter = sig && parameterForArgument(sig, argumentIndexAt(call, token.startOffset));
  if (!parameter?.allowed || parameter.allowed.form !== 'string') return undefined;
  const value = token.image.slice(1, -1);
  const words = intervalWord(value) ?? intervalWord(value.toLowerCase());
  return words ? { markdown: t('`"{0}"`: {1} {2}.', value, parameter.name, words), range: rangeOf(token) } : undefined;
}

// ───────────────────────────────────────────── .scimfilter

/** SCIM tokens after an attribute name: its comparison operators, `pr` and `[`. */
const SCIM_BEFORE_VALUE: ReadonlySet<TokenType> = new Set([...Scim.compareOperators, Scim.Pr, Scim.LBracket]);

function scimHover(snapshot: DocumentSnapshot, offset: number): HoverSection | undefined {
  const line = snapshot.lines.positionAt(offset).line;
  const start = snapshot.lines.lineStart(line);
  const end = line + 1 < snapshot.lines.lineCount ? snapshot.lines.lineStart(line + 1) : snapshot.text.length;
  const text = snapshot.text.slice(start, end);
  if (text.trimStart().startsWith('#')) return undefined;
  const tokens = scimLexer.tokenize(text).tokens;
  const index = tokens.findIndex((t) => start + t.startOffset <= offset && offset < start + tokenEnd(t));
  const token = tokens[index];
  if (!token) return undefined;
  const range = { start: start + token.startOffset, end: start + tokenEnd(token) };
  const type = typeOf(token);
  const lower = token.image.toLowerCase();
  const followedByValueOrPr = isOneOf(tokens[index + 1], SCIM_BEFORE_VALUE);
  const operatorDoc = type !== Scim.Word && !followedByValueOrPr ? scimOperatorDoc(lower) : undefined;
  if (operatorDoc) return { markdown: operatorDoc, range };
  if (type === Scim.Word || followedByValueOrPr) {
    const directory = snapshot.schemas.target;
    const object = directory && findObject(directory, 'User');
    const found = object && findTargetAttribute(object, token.image);
    if (directory && found) return { markdown: targetAttributeMarkdown(found.attribute, directory), range };
  }
  return undefined;
}

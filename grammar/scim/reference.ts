/**
 * The general SCIM parser (chevrotain lexer, parser and visitor), for the input the fast path
 * (fast-path.ts) declines. index.ts loads it on first use through general.lazy.ts, so a start-up
 * that reads only well-formed filters never initialises chevrotain (docs/performance.md).
 */
import { t } from '../common/l10n';
import type { IRecognitionException, IToken } from 'chevrotain';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { ScimFilter, ScimPath } from './ast';
import { scimDiagnostic, type ScimDiagnosticCode } from './diagnostics';
import { MAX_DIAGNOSTICS, MAX_SCIM_NESTING, type Mode } from './limits';
import { scimLexer } from './lexer';
import { CODE_SEPARATOR, scimParser } from './parser';
import { isJsWhitespace, LBracket, LParen, Not, RBracket, RParen } from './tokens';
import { visitFilter, visitPath, type VisitContext } from './visitor';

/** Unusual whitespace characters (JS `\s` minus space, tab, CR, LF). */
// eslint-disable-next-line no-control-regex -- vertical tab and form feed are what this finds
const UNUSUAL_WHITESPACE = /[\u000b\u000c\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export function analyse(text: string, base: number, mode: Mode, diagnostics: SyntaxDiagnostic[]): ScimFilter | ScimPath | undefined {
  const lexed = scimLexer.tokenize(text);
  const tokens = lexed.tokens;
  for (const error of lexed.errors) {
    // Unreachable by construction (every character belongs to a token); kept for safety.
    diagnostics.push(scimDiagnostic('syntax-error', base + error.offset, base + error.offset + Math.max(0, error.length), error.message));
  }
  if (tokens.length === 0) {
    const code: ScimDiagnosticCode = mode === 'filter' ? 'scim-empty-filter' : 'scim-empty-path';
    diagnostics.push(
      scimDiagnostic(
        code,
        base,
        base + text.length,
        mode === 'filter'
          ? t('The filter is empty')
          : mode === 'patchPath'
            ? t('The PATCH path is empty')
            : t('The attribute path is empty'),
      ),
    );
    return undefined;
  }
  if (UNUSUAL_WHITESPACE.test(text)) reportUnusualWhitespace(text, tokens, base, diagnostics);

  const balance = checkNesting(tokens, base, diagnostics);
  if (balance.tooDeep) return undefined;

  const parser = scimParser();
  parser.input = tokens;
  const cst = mode === 'filter' ? parser.filter() : mode === 'attributePath' ? parser.attributePath() : parser.patchPath();
  const parseErrors = parser.errors;
  let lastErrorToken: IToken | undefined;
  for (const error of parseErrors) {
    // Recovery often reports the same problem twice: `and` alone gives "found 'and'" and then
    // "after 'and', found end of input". Keep the first of such a pair.
    const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
    const followsLast = lastErrorToken !== undefined && previous === lastErrorToken;
    lastErrorToken = error.token;
    if (followsLast) continue;
    const diagnostic = toDiagnostic(error, text, base, balance);
    if (diagnostic !== undefined) diagnostics.push(diagnostic);
  }

  const ctx: VisitContext = { text, base, tokens, diagnostics, errorNodes: 0 };
  let ast: ScimFilter | ScimPath | undefined = mode === 'filter' ? visitFilter(cst, ctx) : visitPath(cst, ctx);
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (ast === undefined && mode === 'filter') {
    // Recovery built nothing usable (e.g. the input starts with a value). A diagnostic exists.
    ast = { kind: 'error', start: base + first.startOffset, end: base + last.startOffset + last.image.length };
    ctx.errorNodes++;
  }
  if ((ctx.errorNodes > 0 || ast === undefined) && !diagnostics.some((d) => d.severity === 'error')) {
    // Safety net: an error node always comes with an error.
    diagnostics.push(
      scimDiagnostic(
        'syntax-error',
        base + first.startOffset,
        base + last.startOffset + last.image.length,
        mode === 'filter'
          ? t('Invalid SCIM filter')
          : mode === 'patchPath'
            ? t('Invalid SCIM PATCH path')
            : t('Invalid SCIM attribute path'),
      ),
    );
  }
  return ast;
}

interface Balance {
  tooDeep: boolean;
  /** Whether an unbalanced bracket was reported (chevrotain's own reports are then redundant). */
  unbalanced: boolean;
  /** Offsets of closing brackets reported as unbalanced. */
  badClosers: Set<number> | undefined;
}

/**
 * One pass over the tokens before parsing: reports unbalanced `( )` / `[ ]` at the bracket itself
 * (more useful than chevrotain's "expected ')'" at the end of the input) and stops analysis when
 * nesting (brackets plus chains of `not`) exceeds MAX_SCIM_NESTING.
 */
function checkNesting(tokens: IToken[], base: number, diagnostics: SyntaxDiagnostic[]): Balance {
  const balance: Balance = { tooDeep: false, unbalanced: false, badClosers: undefined };
  let openers: IToken[] | undefined;
  let depths: number[] | undefined;
  let depth = 0;
  let notRun = 0;
  let reported = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.tokenType;
    if (type === LParen || type === LBracket) {
      (openers ??= []).push(token);
      (depths ??= []).push(depth);
      // `not (` is one level (the parentheses carry the `not`); `not not (` two, and so on.
      depth += notRun > 0 ? notRun : 1;
      notRun = 0;
      if (depth > MAX_SCIM_NESTING) return tooDeep(token, base, diagnostics, balance);
    } else if (type === RParen || type === RBracket) {
      notRun = 0;
      const open = openers?.pop();
      const expected = open === undefined ? undefined : open.tokenType === LParen ? ')' : ']';
      if (open !== undefined) depth = depths!.pop()!;
      if (expected !== token.image) {
        balance.unbalanced = true;
        (balance.badClosers ??= new Set()).add(token.startOffset);
        const message =
          open === undefined
            ? t("Unmatched '{0}': there is no '{1}' before it", token.image, token.image === ')' ? '(' : '[')
            : t("Expected '{0}' to close '{1}', found '{2}'", expected!, open.image, token.image);
        if (++reported <= MAX_DIAGNOSTICS) {
          diagnostics.push(scimDiagnostic('scim-unbalanced-brackets', base + token.startOffset, base + token.startOffset + 1, message));
        }
      }
    } else if (type === Not) {
      notRun++;
      if (depth + notRun > MAX_SCIM_NESTING) return tooDeep(token, base, diagnostics, balance);
    } else {
      notRun = 0;
    }
  }
  if (openers !== undefined && openers.length > 0) {
    balance.unbalanced = true;
    for (const open of openers) {
      if (++reported > MAX_DIAGNOSTICS) break;
      const close = open.tokenType === LParen ? ')' : ']';
      diagnostics.push(
        scimDiagnostic(
          'scim-unbalanced-brackets',
          base + open.startOffset,
          base + open.startOffset + 1,
          t("This '{0}' is never closed: expected '{1}'", open.image, close),
        ),
      );
    }
  }
  return balance;
}

function tooDeep(token: IToken, base: number, diagnostics: SyntaxDiagnostic[], balance: Balance): Balance {
  diagnostics.push(
    scimDiagnostic(
      'scim-nesting-too-deep',
      base + token.startOffset,
      base + token.startOffset + token.image.length,
      t("Nesting too deep: more than {0} levels of '(', '[' or 'not'; the filter was not analysed", MAX_SCIM_NESTING),
    ),
  );
  balance.tooDeep = true;
  return balance;
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.isInsertedInRecovery !== true && token.startOffset === token.startOffset && token.image !== '';
}

/** Chevrotain recognition error → diagnostic (undefined when the pre-scan already reported it). */
function toDiagnostic(error: IRecognitionException, text: string, base: number, balance: Balance): SyntaxDiagnostic | undefined {
  const separator = error.message.indexOf(CODE_SEPARATOR);
  const code = (separator > 0 ? error.message.substring(0, separator) : 'syntax-error') as ScimDiagnosticCode;
  const message = separator > 0 ? error.message.substring(separator + 1) : error.message;
  const token = error.token;
  if (isRealToken(token) && balance.badClosers?.has(token.startOffset)) return undefined;
  if (code === 'scim-unbalanced-brackets' && balance.unbalanced) return undefined;
  if (isRealToken(token)) {
    const start = base + token.startOffset;
    const end = code === 'scim-trailing-input' ? base + lastTokenEnd(text) : start + token.image.length;
    return scimDiagnostic(code, start, end, message);
  }
  const previous = (error as IRecognitionException & { previousToken?: IToken }).previousToken;
  const at = isRealToken(previous) ? base + previous.startOffset + previous.image.length : base + text.length;
  return scimDiagnostic(code, at, at, message);
}

/** Offset just past the last non-whitespace character. */
function lastTokenEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isJsWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

function reportUnusualWhitespace(text: string, tokens: IToken[], base: number, diagnostics: SyntaxDiagnostic[]): void {
  let gapStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const gapEnd = i < tokens.length ? tokens[i]!.startOffset : text.length;
    let j = gapStart;
    while (j < gapEnd) {
      if (!UNUSUAL_WHITESPACE.test(text[j]!)) {
        j++;
        continue;
      }
      let k = j + 1;
      while (k < gapEnd && UNUSUAL_WHITESPACE.test(text[k]!)) k++;
      const code = text.charCodeAt(j).toString(16).toUpperCase().padStart(4, '0');
      diagnostics.push(
        scimDiagnostic('scim-whitespace', base + j, base + k, t('Unusual whitespace character U+{0}; use a normal space', code)),
      );
      j = k;
    }
    if (i < tokens.length) gapStart = tokens[i]!.startOffset + tokens[i]!.image.length;
  }
}

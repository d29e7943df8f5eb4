/** Turns chevrotain lexer and parser errors into positioned diagnostics. */
import type { ILexingError, IRecognitionException, IToken } from 'chevrotain';
import { t } from '../common/l10n';
import type { SyntaxDiagnostic } from './syntax-diagnostic';

/** What a character the lexer rejects usually means (a function: messages are made in the user's language). */
function characterHint(character: string | undefined): string | undefined {
  switch (character) {
    case "'":
      return t('strings are written in double quotes');
    case '&':
      return t('the expression language has no operators; use Append or Join to concatenate');
    case '+':
      return t('the expression language has no arithmetic; use Append or Join to concatenate strings');
    case '.':
      return t('numbers are written like 1 or 1.5');
  }
  return undefined;
}

export function lexerDiagnostics(text: string, errors: ILexingError[], base = 0): SyntaxDiagnostic[] {
  return errors.map((error) => {
    const start = error.offset;
    const length = Math.max(1, error.length);
    const shown = text.slice(start, start + Math.min(length, 20));
    const hint = characterHint(shown[0]);
    const written = `${shown}${length > 20 ? '…' : ''}`;
    const unexpected = length === 1 ? t("Unexpected character '{0}'", written) : t("Unexpected characters '{0}'", written);
    return {
      start: base + start,
      end: base + Math.min(text.length, start + length),
      severity: 'error' as const,
      code: 'syntax-error',
      message: hint ? t('{0} ({1})', unexpected, hint) : unexpected,
    };
  });
}

/**
 * One diagnostic per position: recovery may report the same token several times. An error at the
 * end of the input is placed just after the last token (`endOfInput`), and an error at a line
 * break is zero-width at the end of its line, where editors show it best.
 */
export function parserDiagnostics(errors: IRecognitionException[], endOfInput: number, base = 0): SyntaxDiagnostic[] {
  const seen = new Set<number>();
  const diagnostics: SyntaxDiagnostic[] = [];
  for (const error of errors) {
    const token = error.token;
    const atEnd = !Number.isFinite(token.startOffset);
    const start = atEnd ? endOfInput : token.startOffset;
    if (seen.has(start)) continue;
    seen.add(start);
    diagnostics.push({
      start: base + start,
      end: base + (atEnd || token.tokenType.name === 'Newline' ? start : start + token.image.length),
      severity: 'error',
      code: 'syntax-error',
      message: error.message,
    });
  }
  return diagnostics;
}

/** The last resort of the never-throw guarantee: a bug becomes a diagnostic, not a crash. */
export function internalErrorDiagnostic(error: unknown, at = 0): SyntaxDiagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    start: at,
    end: at,
    severity: 'error',
    code: 'internal-error',
    message: t('Internal error while parsing (please report it): {0}', detail),
  };
}

/** The offset just after the last token that is not a line break (0 when there is none). */
export function endOfLastToken(tokens: readonly IToken[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.tokenType.name !== 'Newline') return token.startOffset + token.image.length;
  }
  return 0;
}

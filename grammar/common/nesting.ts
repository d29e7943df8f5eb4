/**
 * Chevrotain's recursive descent spends about fifty stack frames per parenthesis level, so a few
 * hundred nested calls overflow the stack. Real expressions nest a handful of levels (the service
 * caps them at 10,000 characters); beyond MAX_NESTING the rest of the statement is cut off and
 * reported, so the parser never recurses that deep and the rest of the document is still read.
 */
import type { IToken, TokenType } from 'chevrotain';
import { t } from '../common/l10n';
import type { SyntaxDiagnostic } from './syntax-diagnostic';

const MAX_NESTING = 64;

export function limitNesting(
  tokens: IToken[],
  open: TokenType,
  close: TokenType,
  isStatementEnd: (token: IToken) => boolean,
  diagnostics: SyntaxDiagnostic[],
): IToken[] {
  let depth = 0;
  let cutting = false;
  let out: IToken[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isStatementEnd(token)) {
      depth = 0;
      cutting = false;
    } else if (token.tokenType === open && !cutting && ++depth > MAX_NESTING) {
      cutting = true;
      out ??= tokens.slice(0, i);
      diagnostics.push({
        start: token.startOffset,
        end: token.startOffset + token.image.length,
        severity: 'error',
        code: 'syntax-error',
        message: t('Nested more than {0} levels deep: aadmap stops reading this expression here', MAX_NESTING),
      });
    } else if (token.tokenType === close && depth > 0 && !cutting) depth--;
    if (out && !cutting) out.push(token);
  }
  return out ?? tokens;
}

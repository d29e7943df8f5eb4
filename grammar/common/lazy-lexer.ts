/**
 * A chevrotain lexer built on its first `tokenize`. Building one analyses every token pattern
 * (tens of milliseconds for the three lexers together, at every process start), while most
 * documents never reach a lexer: a well-formed `.aadmap` file, expression or SCIM filter is read by
 * a fast path (grammar/mapping/fast-path.ts, grammar/scim/fast-path.ts). The grammar self-checks
 * still run in the tests, whenever a lexer is first built there (docs/performance.md).
 */
import { Lexer, type ILexingResult, type TokenType } from 'chevrotain';
import { SKIP_GRAMMAR_VALIDATIONS } from './build-mode';

export interface LazyLexer {
  tokenize(text: string): ILexingResult;
  /** Builds the lexer now (the grammar tests call it to run chevrotain's checks on it). */
  build(): Lexer;
}

export function lazyLexer(vocabulary: () => TokenType[]): LazyLexer {
  let lexer: Lexer | undefined;
  const build = (): Lexer =>
    (lexer ??= new Lexer(vocabulary(), {
      // Diagnostics use document offsets only, which keeps tokens small.
      positionTracking: 'onlyOffset',
      // Construction fails loudly (in the tests; validations are skipped in production bundles) if a
      // token ever defeats chevrotain's first-character optimisation.
      ensureOptimizations: true,
      skipValidations: SKIP_GRAMMAR_VALIDATIONS,
    }));
  return { tokenize: (text) => build().tokenize(text), build };
}

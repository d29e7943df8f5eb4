/**
 * Error messages for the chevrotain parsers: "Expected X but found Y" with the labels of the token
 * types, phrased for people who write mappings rather than for grammar authors.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the input';
  if (token.tokenType.name === 'Newline') return 'the end of the line';
  const image = token.image.length > 40 ? `${token.image.slice(0, 37)}…` : token.image;
  return `'${image}'`;
}

function label(tokenType: TokenType): string {
  return tokenType.LABEL ?? tokenType.name;
}

function joinAlternatives(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** What a rule stands for when no alternative matched (keyed by rule name). */
export type RuleDescriptions = Record<string, string>;

export function createMessageProvider(ruleDescriptions: RuleDescriptions): IParserErrorMessageProvider {
  return {
    buildMismatchTokenMessage({ expected, actual, ruleName }) {
      // Inside an argument list a ')' is expected only because no ',' came: say both.
      const wanted = ruleName === 'argumentList' && expected.name === 'RParen' ? "',' or ')'" : label(expected);
      return `Expected ${wanted} but found ${describeToken(actual)}`;
    },
    buildNotAllInputParsedMessage({ firstRedundant }) {
      return `Unexpected ${describeToken(firstRedundant)}`;
    },
    buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
      const wanted =
        ruleDescriptions[ruleName] ??
        joinAlternatives(expectedPathsPerAlt.flatMap((paths) => paths.map((path) => (path[0] ? label(path[0]) : 'nothing'))));
      return `Expected ${wanted} but found ${describeToken(actual[0]!)}`;
    },
    buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
      const wanted =
        ruleDescriptions[ruleName] ?? joinAlternatives(expectedIterationPaths.map((path) => (path[0] ? label(path[0]) : 'nothing')));
      return `Expected ${wanted} but found ${describeToken(actual[0]!)}`;
    },
  };
}

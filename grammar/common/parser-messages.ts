/**
 * Error messages for the chevrotain parsers: "Expected X but found Y" with the labels of the token
 * types, phrased for people who write mappings rather than for grammar authors.
 */
import { t } from '../common/l10n';
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return t('the end of the input');
  if (token.tokenType.name === 'Newline') return t('the end of the line');
  const image = token.image.length > 40 ? `${token.image.slice(0, 37)}…` : token.image;
  return `'${image}'`;
}

function label(tokenType: TokenType): string {
  return localizedLabel(tokenType.LABEL ?? tokenType.name);
}

/**
 * A token label in the user's language. Labels are set when the token types are made (at module
 * load, before a bundle is chosen), so they are written in English and translated here, when a
 * message is built. Quoted labels are code (`'('`, `'create'`) and stay as they are.
 */
function localizedLabel(text: string): string {
  switch (text) {
    case 'a string':
      return t('a string');
    case 'a number':
      return t('a number');
    case 'a name':
      return t('a name');
    case 'a comparison operator':
      return t('a comparison operator');
    case 'a line break':
      return t('a line break');
    case 'a target attribute':
      return t('a target attribute');
  }
  const scoping = /^a scoping operator \((.*)\)$/.exec(text);
  return scoping ? t('a scoping operator ({0})', scoping[1]!) : text;
}

function joinAlternatives(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? t('something else');
  return t('{0} or {1}', unique.slice(0, -1).join(', '), unique[unique.length - 1]!);
}

/** What a rule stands for when no alternative matched (keyed by rule name), in the user's language. */
export type RuleDescriptions = Record<string, () => string>;

export function createMessageProvider(ruleDescriptions: RuleDescriptions): IParserErrorMessageProvider {
  return {
    buildMismatchTokenMessage({ expected, actual, ruleName }) {
      // Inside an argument list a ')' is expected only because no ',' came: say both.
      const wanted = ruleName === 'argumentList' && expected.name === 'RParen' ? t('{0} or {1}', "','", "')'") : label(expected);
      return t('Expected {0} but found {1}', wanted, describeToken(actual));
    },
    buildNotAllInputParsedMessage({ firstRedundant }) {
      return t('Unexpected {0}', describeToken(firstRedundant));
    },
    buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
      const wanted =
        ruleDescriptions[ruleName]?.() ??
        joinAlternatives(expectedPathsPerAlt.flatMap((paths) => paths.map((path) => (path[0] ? label(path[0]) : t('nothing')))));
      return t('Expected {0} but found {1}', wanted, describeToken(actual[0]!));
    },
    buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
      const wanted =
        ruleDescriptions[ruleName]?.() ?? joinAlternatives(expectedIterationPaths.map((path) => (path[0] ? label(path[0]) : t('nothing'))));
      return t('Expected {0} but found {1}', wanted, describeToken(actual[0]!));
    },
  };
}

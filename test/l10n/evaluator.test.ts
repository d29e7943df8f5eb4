/**
 * Evaluation errors speak Japanese and French (docs/localization.md): each expression below fails
 * in a different way; with each language's bundle it fails at the same range, the Japanese message
 * holds Japanese text and the French one differs from the English one.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useL10nBundle } from '../../grammar/common/l10n';
import { fromPlainJson, readSampleUser } from '../../server/evaluator/index';
import { readL10nBundle } from '../../server/l10n/bundles';
import { TRANSLATED_LOCALES, type Locale } from '../../server/l10n/locale';
import { evaluateExpressionText } from '../../server/service/sample-evaluation';

const root = join(__dirname, '..', '..');
const JAPANESE = /[\u3001\u3002\u3040-\u30ff\u4e00-\u9fff]/;

const FAILING = [
  'Mid([mail], 0, 2)',
  'Mid([mail], 1, -1)',
  'Item([proxyAddresses], 0)',
  'DateFromNum(-5)',
  'Replace([mail], "", , , "y", , )',
  'IIF([department] = "x", "a", "b")',
  'Left([proxyAddresses], 2)',
  'Error("stop")',
  'NumFromDate("yesterday")',
  'Replace([mail], , "(?<1a>x)", , "y", , )',
  'Replace([mail], , "(?>a)", , "y", , )',
  'FormatDateTime("20241301", , "yyyyMMdd", "yyyy")',
  'FormatDateTime("2024", , "", "yyyy")',
  'RandomString(0, 0, 0, 0, 0, "")',
];

const user = readSampleUser(fromPlainJson({ mail: 'alice@contoso.com', department: '', proxyAddresses: ['SMTP:a@b.c', 'smtp:d@e.f'] }));

function errorsIn(locale: Locale) {
  useL10nBundle(readL10nBundle(locale, root));
  try {
    return FAILING.map((expression) => {
      const outcome = evaluateExpressionText(expression, user, {}).outcome;
      return outcome?.kind === 'error' ? outcome.error : undefined;
    });
  } finally {
    useL10nBundle(undefined);
  }
}

describe('evaluation errors in Japanese and French', () => {
  const english = errorsIn('en');

  it('every expression fails in English', () => {
    expect(FAILING.filter((_, i) => english[i] === undefined)).toEqual([]);
  });

  for (const locale of TRANSLATED_LOCALES) {
    it(`${locale}: the same ranges, translated messages`, () => {
      const translated = errorsIn(locale);
      expect(translated.map((e) => e && [e.start, e.end])).toEqual(english.map((e) => e && [e.start, e.end]));
      const untranslated = translated
        .map((e, i) => ({ expression: FAILING[i]!, message: e?.message ?? '' }))
        .filter(({ message }, i) => (locale === 'ja' ? !JAPANESE.test(message) : message === english[i]?.message));
      expect(untranslated).toEqual([]);
    });
  }
});

/**
 * Numbers in localized messages are written the way the messages' language writes them
 * (grammar/common/l10n.ts, docs/localization.md): 1,234 in English and Japanese, 1 234 with a
 * narrow no-break space in French; JSON output keeps its numbers as JSON numbers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { t, useL10nBundle } from '../../grammar/common/l10n';
import { readL10nBundle } from '../../server/l10n/bundles';
import { runCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const NNBSP = '\u202f';
const TOO_LONG = 'This expression has {0} characters; the service accepts at most {1}.';

const cases = [
  { locale: 'en', grouped: '1,234,567', fraction: '2.5', negative: '-9', message: 'This expression has 12,352 characters' },
  { locale: 'ja', grouped: '1,234,567', fraction: '2.5', negative: '-9', message: 'この式は 12,352 文字です' },
  {
    locale: 'fr',
    grouped: `1${NNBSP}234${NNBSP}567`,
    fraction: '2,5',
    negative: '-9',
    message: `Cette expression compte 12${NNBSP}352 caractères`,
  },
] as const;

describe('t() with numbers', () => {
  afterEach(() => useL10nBundle(undefined));

  for (const { locale, grouped, fraction, negative } of cases) {
    it(`writes numbers as ${locale} does`, () => {
      useL10nBundle(readL10nBundle(locale, root) ?? {}, locale);
      // A message no bundle translates keeps its English words; the numbers still follow the language.
      expect(t('{0} | {1} | {2} | {3}', 1234567, 2.5, -9, 0)).toBe(`${grouped} | ${fraction} | ${negative} | 0`);
    });
  }

  it('keeps every fraction digit, as String does', () => {
    useL10nBundle({}, 'en');
    expect(t('{0}', 0.1 + 0.2)).toBe(String(0.1 + 0.2));
  });

  it('leaves a string argument as it is (a year, a name)', () => {
    useL10nBundle({}, 'fr');
    expect(t('{0} {1}', '12345', 'x')).toBe('12345 x');
  });

  it('writes English numbers when there is no bundle, whatever the locale', () => {
    // English messages (a display language aadmap has no translation for) get English numbers.
    useL10nBundle(undefined, 'de');
    expect(t(TOO_LONG, 12352, 10000)).toBe('This expression has 12,352 characters; the service accepts at most 10,000.');
  });
});

describe('the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aadmap-numbers-'));
  const file = join(dir, 'long.aadmap');
  // An expression of 12,352 characters: over the service's 10,000 (expression-too-long).
  const expression = `Join("", "${'a'.repeat(12340)}")`;
  writeFileSync(
    file,
    `target chatwork\nmapping "U" User -> User {\n  userName <- [userPrincipalName]  match 1\n  title <- ${expression}\n}\n`,
  );
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (locale: string, ...args: string[]) =>
    runCli(['check', file, '--locale', locale, ...args], { cwd: root, env: { FORCE_COLOR: undefined } });

  for (const { locale, message } of cases) {
    it(`writes the numbers of a message in ${locale}, and JSON numbers as numbers`, async () => {
      expect(expression.length).toBe(12352);
      const text = await check(locale);
      expect(text.status).toBe(1);
      expect(text.stdout).toContain(message);
      const json = await check(locale, '--format', 'json');
      const [problem] = JSON.parse(json.stdout) as { code: string; message: string; endColumn: unknown }[];
      expect(problem).toMatchObject({ code: 'expression-too-long', endColumn: 12364 });
      expect(problem!.message).toContain(message);
    });
  }
});

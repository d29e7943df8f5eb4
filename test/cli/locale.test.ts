/**
 * The CLI speaks the user's language (docs/localization.md): `--locale`, else LC_ALL, LC_MESSAGES,
 * LANG. Exact contract: `aadmap check FILE --format text` with LANG=ja_JP.UTF-8 prints Japanese
 * messages with the same codes, lines and columns as with LANG=C; `--locale fr` prints French.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeFromEnvironment, localeOf } from '../../server/l10n/locale';
import { type CliRun, runCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');

function aadmap(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return runCli(args, { cwd: root, env: { FORCE_COLOR: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...env } });
}

/** `file:line:col: severity [code]` and the message of each diagnostic line of the text format. */
function diagnostics(stdout: string): { where: string; message: string }[] {
  return [...stdout.matchAll(/^(\S+:\d+:\d+: \w+ \[[\w-]+\]) (.*)$/gm)].map((match) => ({ where: match[1]!, message: match[2]! }));
}

const FILE = 'examples/mistakes.aadmap';

describe('aadmap check in Japanese and French', async () => {
  const english = await aadmap(['check', FILE, '--format', 'text'], { LANG: 'C' });
  const japanese = await aadmap(['check', FILE, '--format', 'text'], { LANG: 'ja_JP.UTF-8' });
  const french = await aadmap(['check', FILE, '--format', 'text', '--locale', 'fr']);

  it('reports the same codes, lines and columns in every language, with the same exit status', () => {
    expect(diagnostics(english.stdout).length).toBeGreaterThan(0);
    expect(diagnostics(japanese.stdout).map((d) => d.where)).toEqual(diagnostics(english.stdout).map((d) => d.where));
    expect(diagnostics(french.stdout).map((d) => d.where)).toEqual(diagnostics(english.stdout).map((d) => d.where));
    expect([japanese.status, french.status]).toEqual([english.status, english.status]);
  });

  it('prints the unknown function message in the language asked for', () => {
    const message = (run: typeof english) => diagnostics(run.stdout).find((d) => d.where.endsWith('[unknown-function]'))!.message;
    expect(message(english)).toBe("Unknown function 'Swtich'. Did you mean 'Switch'?");
    expect(message(japanese)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(message(japanese)).toContain("'Swtich'");
    expect(message(french)).toMatch(/fonction 'Swtich'/);
  });

  it('prints every diagnostic in Japanese with LANG=ja_JP.UTF-8 and in French with --locale fr', () => {
    const messages = (run: typeof english) => diagnostics(run.stdout).map((d) => d.message);
    expect(messages(japanese).length).toBe(messages(english).length);
    expect(messages(japanese).filter((message) => !/[\u3040-\u30ff\u4e00-\u9fff]/.test(message))).toEqual([]);
    const unchanged = messages(french).filter((message, i) => message === messages(english)[i]);
    expect(unchanged).toEqual([]);
    // The syntax error of the example, made by the parser's message provider, is translated too.
    const syntax = (run: typeof english) => diagnostics(run.stdout).find((d) => d.where.endsWith('[syntax-error]'))!.message;
    expect(syntax(english)).toBe("Expected ',' or ')' but found the end of the line");
    expect(syntax(japanese)).toContain("','");
    expect(syntax(french)).toContain("')'");
  });

  it('lets --locale win over the environment, and LC_ALL over LANG', async () => {
    const forced = await aadmap(['check', FILE, '--locale', 'en'], { LANG: 'ja_JP.UTF-8' });
    expect(forced.stdout).toContain('Unknown function');
    const lcAll = await aadmap(['check', FILE], { LC_ALL: 'fr_FR.UTF-8', LANG: 'ja_JP.UTF-8' });
    expect(lcAll.stdout).toContain("La fonction 'Swtich'");
  });

  it('refuses a language it does not speak as a usage error', async () => {
    const result = await aadmap(['check', FILE, '--locale', 'de']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unsupported --locale 'de'");
    expect(result.stdout).toBe('');
  });
});

describe('locale names', () => {
  it.each([
    ['ja_JP.UTF-8', 'ja'],
    ['ja', 'ja'],
    ['fr-CA', 'fr'],
    ['fr_FR@euro', 'fr'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['en_US.UTF-8', 'en'],
    ['de_DE.UTF-8', undefined],
    ['', undefined],
  ])('%s is %s', (name, locale) => {
    expect(localeOf(name)).toBe(locale);
  });

  it('takes the first locale variable that is set, and English for one it does not speak', () => {
    expect(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: 'fr_FR', LANG: 'ja_JP' })).toBe('fr');
    expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({})).toBe('en');
  });
});

/**
 * The outputs of `aadmap impact`, `eval`, `preview` and `filter` in Japanese and French
 * (docs/localization.md), in real child processes of dist/cli.js: the text, Markdown and HTTP
 * renderings are translated; the exit status, the numbers, the requests and every JSON output
 * (an exact contract, messages included) are the same in every language.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli-process';
import { chatworkChange } from '../support/chatwork-change';
import { directoryLines } from '../support/directory-users';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-l10n-outputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The same command in English (LANG=C), Japanese and French (--locale). */
async function inEveryLanguage(args: string[]): Promise<{ en: CliRun; ja: CliRun; fr: CliRun }> {
  const env = { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C' };
  const [en, ja, fr] = await Promise.all([
    runCli(args, { cwd: scratch, env }),
    runCli([...args, '--locale', 'ja'], { cwd: scratch, env }),
    runCli([...args, '--locale', 'fr'], { cwd: scratch, env }),
  ]);
  return { en: en!, ja: ja!, fr: fr! };
}

const statuses = ({ en, ja, fr }: { en: CliRun; ja: CliRun; fr: CliRun }) => [en.status, ja.status, fr.status];
const numbers = (text: string) => text.match(/\d+/g) ?? [];

// The impact of a change of the Chatwork example (as test/cli/impact.test.ts) on generated users,
// with a line that is not JSON, so that an error sample (a message) is in every output.
const change = chatworkChange();
const write = (name: string, text: string) => {
  writeFileSync(join(scratch, name), text);
  return name;
};
const before = write('before.aadmap', change.before);
const after = write('after.aadmap', change.after);
const users = write('users.jsonl', `${[...directoryLines(60, 5)].join('\n')}\n{"userPrincipalName": \n`);
const impact = ['impact', after, '--users', users, '--before', before];

describe('aadmap impact in Japanese and French', () => {
  it('the text summary: translated lines, the same counts and exit status', async () => {
    const runs = await inEveryLanguage(impact);
    const { en, ja, fr } = runs;
    expect(statuses(runs)).toEqual([0, 0, 0]);
    expect(en.stdout).toContain('Impact on 61 users:');
    expect(ja.stdout).toContain('61 人のユーザーへの影響:');
    expect(fr.stdout).toContain('Impact sur 61 utilisateurs :');
    expect(ja.stdout).toMatch(/^\s+\d+ {2}無効化$/m);
    expect(fr.stdout).toMatch(/^\s+\d+ {2}désactivés$/m);
    expect(ja.stdout).toContain('例 (エラー):');
    expect(fr.stdout).toContain('Exemples (erreurs) :');
    // Every line but the attribute and user lines is translated; the counts are those of English.
    const lines = (run: CliRun) => run.stdout.trimEnd().split('\n');
    expect(lines(ja)).toHaveLength(lines(en).length);
    expect(lines(ja).map((line) => numbers(line))).toEqual(lines(en).map((line) => numbers(line)));
    expect(lines(fr).map((line) => numbers(line))).toEqual(lines(en).map((line) => numbers(line)));
    // The bad line on stderr and in the error sample.
    expect(en.stderr).toMatch(/^users\.jsonl:61: not JSON: /);
    expect(ja.stderr).toMatch(/^users\.jsonl:61: JSON ではありません: /);
    expect(fr.stderr).toMatch(/^users\.jsonl:61: pas du JSON : /);
  });

  it('the JSON is the same in every language, byte for byte (its error message included)', async () => {
    const runs = await inEveryLanguage([...impact, '--format', 'json']);
    const { en, ja, fr } = runs;
    expect(statuses(runs)).toEqual([0, 0, 0]);
    const report = JSON.parse(en.stdout) as { errors: number; samples: { errors?: { error?: string }[] } };
    expect(report.errors).toBe(1);
    expect(report.samples.errors?.[0]?.error).toMatch(/^not JSON: /);
    expect(ja.stdout).toBe(en.stdout);
    expect(fr.stdout).toBe(en.stdout);
  });

  it('the Markdown: translated headings and table header, the same rows of numbers', async () => {
    const runs = await inEveryLanguage([...impact, '--format', 'markdown']);
    const { en, ja, fr } = runs;
    expect(statuses(runs)).toEqual([0, 0, 0]);
    expect(en.stdout).toContain('### Impact on 61 users\n\n| Users | Count |');
    expect(ja.stdout).toContain('### 61 人のユーザーへの影響\n\n| ユーザー | 数 |');
    expect(fr.stdout).toContain('### Impact sur 61 utilisateurs\n\n| Utilisateurs | Nombre |');
    const cells = (run: CliRun) =>
      run.stdout
        .split('\n')
        .filter((line) => line.startsWith('|'))
        .map((line) => numbers(line));
    expect(cells(ja)).toEqual(cells(en));
    expect(cells(fr)).toEqual(cells(en));
  });

  it('--fail-on-disable: the same exit status, the sentence translated', async () => {
    const runs = await inEveryLanguage([...impact, '--fail-on-disable', '1']);
    const { en, ja, fr } = runs;
    expect(statuses(runs)).toEqual([1, 1, 1]);
    const disabled = /aadmap impact: (\d+) users would be disabled \(--fail-on-disable 1\)\./.exec(en.stderr)?.[1];
    expect(disabled).toBeDefined();
    expect(ja.stderr).toContain(`aadmap impact: ${disabled} 人のユーザーが無効化されます (--fail-on-disable 1)。`);
    expect(fr.stderr).toContain(`aadmap impact: Utilisateurs qui seraient désactivés : ${disabled} (--fail-on-disable 1).`);
  });

  it('a usage error: exit status 2 in every language', async () => {
    const runs = await inEveryLanguage(['impact', after, '--before', before]);
    expect(statuses(runs)).toEqual([2, 2, 2]);
    expect(runs.ja.stderr).toContain('impact には --users USERS.jsonl (1 行に 1 ユーザー) が必要です');
    expect(runs.fr.stderr).toContain('impact demande --users USERS.jsonl (un utilisateur par ligne)');
  });
});

describe('aadmap eval in Japanese and French', () => {
  it('an argument-count error: translated, at the same position, with the same exit status', async () => {
    const runs = await inEveryLanguage(['eval', '--expr', 'Mid([mail], 1)']);
    const { en, ja, fr } = runs;
    expect(statuses(runs)).toEqual([1, 1, 1]);
    expect(en.stdout.trim()).toBe(
      '<expr>:1:1: error [argument-count] Mid takes exactly 3 arguments (source, start, length), but 2 were given.',
    );
    expect(ja.stdout.trim()).toBe(
      '<expr>:1:1: error [argument-count] Mid の引数はちょうど 3 個 (source, start, length) ですが、2 個指定されています。',
    );
    expect(fr.stdout.trim()).toBe(
      '<expr>:1:1: error [argument-count] Mid prend exactement 3 arguments (source, start, length), mais 2 ont été fournis.',
    );
  });

  it('the trace and the notes on stderr are translated; the value is not', async () => {
    const runs = await inEveryLanguage([
      'eval',
      '--expr',
      'Coalesce([jobTitl], "Staff")',
      '--input',
      join(root, 'examples', 'alice.user.json'),
      '--trace',
    ]);
    const { en, ja, fr } = runs;
    expect(statuses(runs)).toEqual([0, 0, 0]);
    const value = (run: CliRun) => run.stdout.split('\n')[0];
    expect([value(ja), value(fr)]).toEqual([value(en), value(en)]);
    expect(en.stdout).toContain('(argument 2 is the first that is not null)');
    expect(ja.stdout).toContain('(引数 2 が最初の null でない引数です)');
    expect(fr.stdout).toContain("(l'argument 2 est le premier qui n'est pas null)");
    expect(en.stderr).toContain('it is null. Did you mean [jobTitle]?');
    expect(ja.stderr).toContain('null です。[jobTitle] のことですか?');
    expect(fr.stderr).toContain('il est null. Vouliez-vous dire [jobTitle] ?');
  });

  it.each([
    ['an error', ['--expr', 'Mid([mail], 1)'], 1],
    ['a trace', ['--expr', 'Switch([department], "x", "Sales", Join("-", "a", "b"))', '--trace'], 0],
    ['a flow that is ignored', ['--expr', 'IgnoreFlowIfNullOrEmpty([mail])'], 0],
  ])('the JSON of %s is the same in every language', async (_what, args, status) => {
    const runs = await inEveryLanguage(['eval', ...args, '--format', 'json']);
    expect(statuses(runs)).toEqual([status, status, status]);
    expect(runs.ja.stdout).toBe(runs.en.stdout);
    expect(runs.fr.stdout).toBe(runs.en.stdout);
  });
});

describe('aadmap preview in Japanese and French', () => {
  const chatworkFile = join(root, 'examples', 'chatwork.aadmap');
  const example = (name: string) => join(root, 'examples', name);

  it.each([
    ['a new user', ['--input', example('alice.user.json')]],
    ['an update', ['--input', example('bob.user.json'), '--existing', example('bob.target.json')]],
    ['a user who left the scope', ['--input', example('carol.user.json'), '--existing', example('carol.target.json')]],
  ])('%s: the # comments are translated, the requests are not', async (_what, args) => {
    const runs = await inEveryLanguage(['preview', chatworkFile, ...args]);
    const { en, ja, fr } = runs;
    expect(statuses(runs)).toEqual([en.status, en.status, en.status]);
    // The comments that are sentences (the indented ones list attribute values and scoping clauses).
    const comments = (run: CliRun) => run.stdout.split('\n').filter((line) => /^# \S/.test(line));
    const requests = (run: CliRun) => run.stdout.split('\n').filter((line) => !line.startsWith('#'));
    expect(requests(ja)).toEqual(requests(en));
    expect(requests(fr)).toEqual(requests(en));
    expect(comments(ja).every((line) => JAPANESE.test(line))).toBe(true);
    expect(comments(fr).filter((line) => comments(en).includes(line))).toEqual([]);
  });

  it('the decisions in Japanese and French', async () => {
    const { ja, fr } = await inEveryLanguage([
      'preview',
      chatworkFile,
      '--input',
      example('bob.user.json'),
      '--existing',
      example('bob.target.json'),
    ]);
    expect(ja.stdout).toContain('# ユーザーはターゲットに存在します。変更された属性が更新されます。');
    expect(fr.stdout).toContain("# L'utilisateur existe dans la cible : les attributs modifiés sont mis à jour.");
    expect(ja.stdout).toContain('# 属性の値:');
    expect(fr.stdout).toContain('# Valeurs des attributs :');
  });

  it('the JSON is the same in every language (its reasons included)', async () => {
    const runs = await inEveryLanguage([
      'preview',
      chatworkFile,
      '--input',
      example('carol.user.json'),
      '--existing',
      example('carol.target.json'),
      '--format',
      'json',
    ]);
    expect(statuses(runs)).toEqual([0, 0, 0]);
    expect(runs.en.stdout).toContain('"reason": "The user');
    expect(runs.ja.stdout).toBe(runs.en.stdout);
    expect(runs.fr.stdout).toBe(runs.en.stdout);
  });

  it('a file with errors: the same exit status; the JSON the same, its diagnostics included', async () => {
    const mistakes = join(root, 'examples', 'mistakes.aadmap');
    const text = await inEveryLanguage(['preview', mistakes, '--input', example('alice.user.json')]);
    expect(statuses(text)).toEqual([1, 1, 1]);
    expect(text.ja.stdout).toContain('ファイルにエラーがあります。プレビューの前に修正してください。');
    expect(text.fr.stdout).toContain("Le fichier contient des erreurs : corrigez-les avant l'aperçu.");
    const json = await inEveryLanguage(['preview', mistakes, '--input', example('alice.user.json'), '--format', 'json']);
    expect(statuses(json)).toEqual([1, 1, 1]);
    expect(json.ja.stdout).toBe(json.en.stdout);
    expect(json.fr.stdout).toBe(json.en.stdout);
  });
});

describe('aadmap filter in Japanese and French', () => {
  it('a valid filter: the canonical form as written, the attributes line translated', async () => {
    const runs = await inEveryLanguage(['filter', 'userName Eq "a@contoso.com"', '--schema', 'chatwork']);
    expect(statuses(runs)).toEqual([0, 0, 0]);
    expect(runs.en.stdout).toBe('userName eq "a@contoso.com"\nattributes: userName\n');
    expect(runs.ja.stdout).toBe('userName eq "a@contoso.com"\n属性: userName\n');
    expect(runs.fr.stdout).toBe('userName eq "a@contoso.com"\nattributs : userName\n');
  });

  it.each([
    ['valid', 'userName eq "a"', 0],
    ['not filterable in Chatwork', 'externalId eq "x"', 1],
    ['not a filter', 'userName eq', 1],
  ])('the JSON of a filter %s is the same in every language', async (_what, filter, status) => {
    const runs = await inEveryLanguage(['filter', filter, '--schema', 'chatwork', '--format', 'json']);
    expect(statuses(runs)).toEqual([status, status, status]);
    expect(runs.ja.stdout).toBe(runs.en.stdout);
    expect(runs.fr.stdout).toBe(runs.en.stdout);
  });

  it('an unknown schema: a usage error in every language', async () => {
    const runs = await inEveryLanguage(['filter', 'userName eq "a"', '--schema', 'nope']);
    expect(statuses(runs)).toEqual([2, 2, 2]);
    expect(runs.ja.stderr).toContain("不明なスキーマ 'nope' です (組み込み: chatwork)");
    expect(runs.fr.stderr).toContain("schéma inconnu 'nope' (intégrés : chatwork)");
  });
});

/**
 * The CLI speaks Japanese and French beyond the diagnostics (docs/localization.md): the help of every
 * command, usage errors, file errors and the check summary, in real child processes of dist/cli.js.
 * LANG=ja_JP.UTF-8 and --locale fr choose the language; exit codes and JSON keys never change with it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI without blocking the test worker (the three languages run at once). */
function aadmap(args: string[], env: Record<string, string | undefined> = {}, cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: undefined,
        AADMAP_GRAPH_TOKEN: undefined,
        LC_ALL: undefined,
        LC_MESSAGES: undefined,
        LANG: undefined,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end();
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The same command in English (LANG=C), Japanese (LANG) and French (--locale). */
async function inEveryLanguage(args: string[], env: Record<string, string> = {}, cwd = root): Promise<{ en: Run; ja: Run; fr: Run }> {
  const [en, ja, fr] = await Promise.all([
    aadmap(args, { ...env, LANG: 'C' }, cwd),
    aadmap(args, { ...env, LANG: 'ja_JP.UTF-8' }, cwd),
    aadmap([...args, '--locale', 'fr'], env, cwd),
  ]);
  return { en: en!, ja: ja!, fr: fr! };
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Lines of `text` that contain letters and are not made of code only (synopses, option names, paths). */
function proseLines(text: string): string[] {
  return text.split('\n').filter((line) => /[A-Za-z\u3040-\u30ff\u4e00-\u9fff]{3}/.test(line) && !/^\s*(aadmap|-)/.test(line.trim()));
}

const COMMANDS = [
  'check',
  'filter',
  'fmt',
  'import',
  'export',
  'pull',
  'deploy',
  'rollback',
  'eval',
  'preview',
  'impact',
  'status',
  'start',
  'pause',
  'restart',
  'test-connection',
  'logs',
  'provision',
];

describe('the help in Japanese and French', () => {
  it.each([[], ...COMMANDS.map((command) => [command])])('aadmap %s --help', async (...command: string[]) => {
    const args = [...command, '--help'];
    const { en, ja, fr } = await inEveryLanguage(args);
    expect([en.status, ja.status, fr.status]).toEqual([0, 0, 0]);
    expect(ja.stdout).toMatch(JAPANESE);
    expect(fr.stdout).not.toBe(en.stdout);
    // Every English sentence of the help is translated: no prose line of the English help is left as is.
    const english = new Set(proseLines(en.stdout).map((line) => line.trim()));
    const untranslated = (run: Run) => proseLines(run.stdout).filter((line) => english.has(line.trim()) && /\s\w+\s\w+\s/.test(line));
    expect(untranslated(ja)).toEqual([]);
    expect(untranslated(fr)).toEqual([]);
    // Command names, flags and the synopsis stay as written.
    const synopsis = en.stdout.split('\n').find((line) => line.startsWith('Usage: aadmap'))!;
    expect(ja.stdout).toContain(synopsis.replace(/^Usage:/, '使用法:'));
    expect(fr.stdout).toContain(synopsis.replace(/^Usage:/, 'Usage :'));
  });
});

describe('errors in Japanese and French', () => {
  it('a usage error: the option is named, the exit status is 2', async () => {
    const { en, ja, fr } = await inEveryLanguage(['check', '--formt', 'json', 'examples/mistakes.aadmap']);
    expect(en.stderr).toBe("aadmap check: unknown option --formt (did you mean --format?)\nRun 'aadmap check --help' for usage.\n");
    expect([ja.status, fr.status]).toEqual([2, 2]);
    expect(ja.stderr).toMatch(JAPANESE);
    expect(ja.stderr).toContain('--formt');
    expect(ja.stderr).toContain('--format');
    expect(fr.stderr).toContain('option inconnue --formt');
  });

  it('an unknown command', async () => {
    const { en, ja, fr } = await inEveryLanguage(['chek']);
    expect(en.stderr).toContain("aadmap: unknown command 'chek'. Did you mean 'check'?");
    expect([en.status, ja.status, fr.status]).toEqual([2, 2, 2]);
    expect(ja.stderr).toMatch(JAPANESE);
    expect(fr.stderr).toContain("commande inconnue 'chek'");
    expect(fr.stderr).toContain("Vouliez-vous dire 'check' ?");
  });

  it('a file error: the file is named, the reason is in words, the exit status is 2', async () => {
    const { en, ja, fr } = await inEveryLanguage(['check', 'no-such-file.aadmap']);
    expect(en.stderr).toBe('aadmap check: cannot read no-such-file.aadmap: no such file or folder\n');
    expect([ja.status, fr.status]).toEqual([2, 2]);
    expect(ja.stderr).toMatch(JAPANESE);
    expect(ja.stderr).toContain('no-such-file.aadmap');
    expect(fr.stderr).toBe('aadmap check: impossible de lire no-such-file.aadmap : aucun fichier ou dossier de ce nom\n');
  });

  it('an invalid sample user names the file in the language asked for', async () => {
    const { en, ja, fr } = await inEveryLanguage(['eval', '--expr', '[mail]', '--input', 'no-such-user.json']);
    expect(en.stderr).toContain('cannot read the sample user no-such-user.json: no such file or folder');
    expect([ja.status, fr.status]).toEqual([en.status, en.status]);
    expect(ja.stderr).toMatch(/サンプル ユーザー no-such-user\.json/);
    expect(fr.stderr).toContain("impossible de lire l'utilisateur exemple no-such-user.json");
  });
});

describe('the check summary and formats in Japanese and French', () => {
  const FILE = 'examples/mistakes.aadmap';

  it('the text summary, with the counts of the English one', async () => {
    const { en, ja, fr } = await inEveryLanguage(['check', FILE]);
    const last = (run: Run) => run.stdout.trimEnd().split('\n').at(-1)!;
    expect(last(en)).toMatch(/^\d+ errors?, \d+ warnings? in 1 file\.$/);
    const counts = last(en).match(/\d+/g);
    expect(last(ja)).toMatch(JAPANESE);
    expect(last(ja).match(/\d+/g)?.sort()).toEqual(counts?.sort());
    expect(last(fr)).toMatch(/^\d+ erreurs?, \d+ avertissements? dans 1 fichier\.$/);
    expect([ja.status, fr.status]).toEqual([en.status, en.status]);
  });

  it('a clean file', async () => {
    const { en, ja, fr } = await inEveryLanguage(['check', '--expr', '[mail]']);
    expect(en.stdout.trim()).toBe('No problems in 1 input.');
    expect(ja.stdout).toMatch(JAPANESE);
    expect(fr.stdout.trim()).toBe('Aucun problème dans 1 entrée.');
  });

  it('JSON keeps its keys and machine values; only the messages are translated', async () => {
    const { en, ja, fr } = await inEveryLanguage(['check', FILE, '--format', 'json']);
    const parse = (run: Run) => JSON.parse(run.stdout) as Record<string, unknown>[];
    const shape = (run: Run) => parse(run).map(({ message: _message, ...rest }) => rest);
    expect(shape(ja)).toEqual(shape(en));
    expect(shape(fr)).toEqual(shape(en));
    expect(parse(ja).map((d) => Object.keys(d))).toEqual(parse(en).map((d) => Object.keys(d)));
  });

  it('the Markdown summary table', async () => {
    const { en, ja, fr } = await inEveryLanguage(['check', FILE, '--format', 'markdown']);
    expect(en.stdout).toContain('| File | Errors | Warnings | Notes |');
    expect(ja.stdout).toContain('| ファイル | エラー | 警告 | 情報 |');
    expect(fr.stdout).toContain('| Fichier | Erreurs | Avertissements | Remarques |');
    expect(ja.stdout.startsWith('### aadmap check')).toBe(true);
  });
});

describe('deploy --dry-run against the Graph emulator in Japanese and French', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'aadmap-l10n-cli-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let emulator: GraphEmulator;
  beforeEach(async () => {
    emulator = GraphEmulator.seeded();
    await emulator.start();
  });
  afterEach(() => emulator.stop());

  it('the what-if, its summary and progress are translated; the diff lines, the exit status and the job are not', async () => {
    const env = { AADMAP_GRAPH_TOKEN: SEED.token };
    const pulled = await aadmap(['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url], env, scratch);
    expect(pulled.status, pulled.stderr).toBe(0);
    writeFileSync(join(scratch, 'live.aadmap'), pulled.stdout.replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])'));
    const { en, ja, fr } = await inEveryLanguage(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url, '--dry-run'], env, scratch);
    expect([en.status, ja.status, fr.status], `${ja.stderr}${fr.stderr}`).toEqual([0, 0, 0]);
    expect(en.stdout).toContain(`What-if: 1 change on job ${SEED.jobId} of "Chatwork" (${SEED.servicePrincipalId}): 1 mapping changed.`);
    const diffLines = '  ~ title <- [jobTitle]\n  → title <- ToUpper([jobTitle])';
    for (const run of [ja, fr]) {
      expect(run.stdout).toContain(diffLines);
      expect(run.stdout).toContain(SEED.jobId);
    }
    const summary = (run: Run) => run.stdout.split('\n')[0]!;
    expect(summary(ja)).toMatch(JAPANESE);
    expect(summary(ja)).toContain(`"Chatwork" (${SEED.servicePrincipalId})`);
    expect(summary(fr)).toBe(
      `What-if : 1 changement sur la tâche ${SEED.jobId} de "Chatwork" (${SEED.servicePrincipalId}) : 1 mappage modifié.`,
    );
    // The progress on stderr too.
    expect(en.stderr).toContain('Building the new schema…');
    expect(ja.stderr).toMatch(JAPANESE);
    expect(fr.stderr).toContain('Construction du nouveau schéma…');
    expect(emulator.log.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('the Markdown what-if keeps its structure', async () => {
    const env = { AADMAP_GRAPH_TOKEN: SEED.token };
    const pulled = await aadmap(['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url], env, scratch);
    writeFileSync(join(scratch, 'same.aadmap'), pulled.stdout);
    const { en, ja, fr } = await inEveryLanguage(
      ['deploy', 'same.aadmap', '--graph-endpoint', emulator.url, '--dry-run', '--format', 'markdown'],
      env,
      scratch,
    );
    expect([en.status, ja.status, fr.status]).toEqual([0, 0, 0]);
    expect(en.stdout).toContain('No changes: the job already has these mappings.');
    expect(ja.stdout.split('\n')[0]).toBe(en.stdout.split('\n')[0]);
    expect(ja.stdout).toMatch(JAPANESE);
    expect(fr.stdout).toContain('Aucun changement : la tâche a déjà ces mappages.');
  });
});

/**
 * The job lifecycle commands (`status`, `logs`, `provision`, `start`, `pause`, `restart`,
 * `test-connection`) in Japanese and French (docs/localization.md): dist/cli.js in child processes
 * against the Graph emulator, the same command in English (LANG=C), Japanese (LANG) and French
 * (--locale). The text reports and messages are translated; the exit status, the JSON output
 * (keys and values, the catalogue's English explanations included) and the data (job ids, error
 * codes, users, times) are the same in every language.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { seedHeldDeletes } from '../graph-emulator/lifecycle';
import { type CliRun as Run, runCli, startSeededEmulator } from '../support/cli-process';
import { readL10nBundle } from '../../server/l10n/bundles';
import { LOG_ERROR_ACTIONS, QUARANTINE_REASONS } from '../../server/graph/lifecycle/catalogue';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-l10n-lifecycle-'));
const file = join(scratch, 'chatwork.aadmap');
writeFileSync(file, readFileSync(join(root, 'test', 'e2e', 'workspace', 'deploy-chatwork.aadmap'), 'utf8'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ja = readL10nBundle('ja', root)!;
const fr = readL10nBundle('fr', root)!;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const T = 60_000;

let emulator: GraphEmulator;
beforeEach(async () => {
  emulator = await startSeededEmulator();
});
afterEach(() => emulator.stop());

function aadmap(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return runCli(args, { cwd: scratch, env: { AADMAP_GRAPH_TOKEN: SEED.token, LC_ALL: undefined, LC_MESSAGES: undefined, ...env } });
}

/** The same command in English (LANG=C), Japanese (LANG=ja_JP.UTF-8) and French (--locale fr), one after the other. */
async function inEveryLanguage(args: string[]): Promise<{ en: Run; ja: Run; fr: Run }> {
  const full = [...args, '--graph-endpoint', emulator.url];
  const en = await aadmap(full, { LANG: 'C' });
  const inJapanese = await aadmap(full, { LANG: 'ja_JP.UTF-8' });
  const inFrench = await aadmap([...full, '--locale', 'fr'], { LANG: 'C' });
  return { en, ja: inJapanese, fr: inFrench };
}

/** The lines of a text report that hold words rather than data only (times, ids, arrows, diff values). */
function proseLines(text: string): string[] {
  return text.split('\n').filter((line) => /[A-Za-z\u3040-\u30ff\u4e00-\u9fff]{4}/.test(line.replace(/\S*\d\S*|'[^']*'|"[^"]*"/g, '')));
}

describe('the text reports of the lifecycle commands in Japanese and French', () => {
  it(
    'status in quarantine: every line translated, the catalogue explanation and fix too; the JSON identical',
    async () => {
      emulator.lifecycle.seedJob(SEED.jobId, { state: 'Quarantine', reason: 'TooManyDeletes' });
      const text = await inEveryLanguage(['status', file]);
      expect([text.en.status, text.ja.status, text.fr.status], text.ja.stderr + text.fr.stderr).toEqual([0, 0, 0]);
      const reason = QUARANTINE_REASONS.TooManyDeletes!;
      expect(text.en.stdout).toContain(`Quarantine: TooManyDeletes since 2026-11-30T06:00:00Z, next attempt 2026-11-30T12:00:00Z`);
      expect(text.en.stdout).toContain(`  Why: ${reason.explanation}`);
      expect(text.fr.stdout).toContain(
        'Quarantaine : TooManyDeletes depuis 2026-11-30T06:00:00Z, prochaine tentative 2026-11-30T12:00:00Z',
      );
      expect(text.fr.stdout).toContain(`  Pourquoi : ${fr[reason.explanation]}`);
      expect(text.fr.stdout).toContain(`  Correction : ${fr[reason.fix]}`);
      expect(text.ja.stdout).toContain('検疫: TooManyDeletes (2026-11-30T06:00:00Z から、次回の試行 2026-11-30T12:00:00Z)');
      expect(text.ja.stdout).toContain(`  理由: ${ja[reason.explanation]}`);
      expect(text.ja.stdout).toContain(`  対処方法: ${ja[reason.fix]}`);
      // One line each, in the same order; no English sentence is left in Japanese.
      expect(text.ja.stdout.split('\n')).toHaveLength(text.en.stdout.split('\n').length);
      expect(text.fr.stdout.split('\n')).toHaveLength(text.en.stdout.split('\n').length);
      for (const line of proseLines(text.ja.stdout).slice(1)) expect(line).toMatch(JAPANESE);
      // The first line names the enterprise application and the job: data, the same in every language but its word "job".
      expect(text.fr.stdout.split('\n')[0]).toBe(text.en.stdout.split('\n')[0]!.replace(' — job ', ' — tâche '));

      const json = await inEveryLanguage(['status', file, '--format', 'json']);
      expect([json.en.status, json.ja.status, json.fr.status]).toEqual([0, 0, 0]);
      expect(json.ja.stdout).toBe(json.en.stdout);
      expect(json.fr.stdout).toBe(json.en.stdout);
      expect(JSON.parse(json.ja.stdout).quarantine).toMatchObject({ explanation: reason.explanation, fix: reason.fix });
    },
    T,
  );

  it(
    'status warns in the language asked for when the settings cannot be read; the exit status stays 0',
    async () => {
      emulator.inject({ method: 'GET', path: /synchronization\/secrets$/, status: 403, code: 'Authorization_RequestDenied', times: 3 });
      const { en, ja: inJapanese, fr: inFrench } = await inEveryLanguage(['status', file]);
      expect([en.status, inJapanese.status, inFrench.status]).toEqual([0, 0, 0]);
      expect(en.stderr).toContain('warning: The settings could not be read (Authorization_RequestDenied)');
      expect(inFrench.stderr).toContain("avertissement : Les paramètres n'ont pas pu être lus (Authorization_RequestDenied)");
      expect(inFrench.stdout).toContain('Étendue : illisible');
      expect(inJapanese.stderr).toContain('警告: 設定を読み取れませんでした (Authorization_RequestDenied)');
      expect(inJapanese.stdout).toContain('スコープ: 読み取れません');
    },
    T,
  );

  it(
    "logs: the summary by error code, the catalogue's recommended action and the records translated; users, codes and the JSON unchanged",
    async () => {
      const text = await inEveryLanguage(['logs', file]);
      expect([text.en.status, text.ja.status, text.fr.status]).toEqual([0, 0, 0]);
      const action = LOG_ERROR_ACTIONS.SchemaPropertyCanOnlyAcceptValue!;
      expect(text.en.stdout).toContain('SchemaPropertyCanOnlyAcceptValue — 2 records, 2 users (Adele Vance, Chris Green)');
      expect(text.en.stdout).toContain(`    Action: ${action}`);
      expect(text.fr.stdout).toContain('Erreurs par code :');
      expect(text.fr.stdout).toContain('SchemaPropertyCanOnlyAcceptValue — 2 enregistrements, 2 utilisateurs (Adele Vance, Chris Green)');
      expect(text.fr.stdout).toContain(`    Action : ${fr[action]}`);
      expect(text.fr.stdout).toContain("Enregistrements (les plus récents d'abord) :");
      expect(text.ja.stdout).toContain('エラー コード別:');
      expect(text.ja.stdout).toContain('SchemaPropertyCanOnlyAcceptValue — レコード 2 件、ユーザー 2 人 (Adele Vance, Chris Green)');
      expect(text.ja.stdout).toContain(`    推奨される対処: ${ja[action]}`);
      // The records themselves (time, action, status, code, user, change id) are data: the same lines but the word "change".
      const records = (run: Run) => run.stdout.split('\n').filter((line) => line.includes('change-log-'));
      expect(records(text.en)).toHaveLength(3);
      expect(records(text.fr)).toEqual(records(text.en).map((line) => line.replace('(change ', '(changement ')));
      expect(records(text.ja)).toEqual(records(text.en).map((line) => line.replace('(change ', '(変更 ')));

      const json = await inEveryLanguage(['logs', file, '--format', 'json']);
      expect([json.en.status, json.ja.status, json.fr.status]).toEqual([0, 0, 0]);
      expect(json.ja.stdout).toBe(json.en.stdout);
      expect(json.fr.stdout).toBe(json.en.stdout);
    },
    T,
  );

  it(
    "provision on demand: headings and the comparison translated; the service's steps, values and the JSON unchanged",
    async () => {
      const text = await inEveryLanguage(['provision', file, '--user', 'bob@contoso.com']);
      expect([text.en.status, text.ja.status, text.fr.status], text.ja.stderr).toEqual([0, 0, 0]);
      expect(text.en.stdout).toContain("Differences from aadmap's preview (1):");
      expect(text.fr.stdout).toContain("Différences avec l'aperçu d'aadmap (1) :");
      expect(text.fr.stdout).toContain('Approvisionnement à la demande : bob@contoso.com — Success');
      expect(text.ja.stdout).toContain('aadmap のプレビューとの相違 (1):');
      expect(text.ja.stdout).toContain('オンデマンド プロビジョニング: bob@contoso.com — Success');
      const attribute = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization';
      expect(text.en.stdout).toContain(`  ${attribute}: service "CONTOSO JAPAN", aadmap "Contoso Japan"`);
      expect(text.fr.stdout).toContain(`  ${attribute} : service "CONTOSO JAPAN", aadmap "Contoso Japan"`);
      expect(text.ja.stdout).toContain(`  ${attribute}: サービス "CONTOSO JAPAN"、aadmap "Contoso Japan"`);
      // The service's steps are its own words: the same lines in every language.
      const steps = (run: Run) => run.stdout.split('\n').filter((line) => /^ {2}(Import|Scoping|Matching|Export): /.test(line));
      expect(steps(text.en)).toHaveLength(4);
      expect(steps(text.ja)).toEqual(steps(text.en));
      expect(steps(text.fr)).toEqual(steps(text.en));
      // The progress on standard error.
      expect(text.fr.stderr).toContain('Approvisionnement à la demande de bob@contoso.com…');
      expect(text.ja.stderr).toContain('bob@contoso.com をオンデマンド プロビジョニングしています…');

      const json = await inEveryLanguage(['provision', file, '--user', 'bob@contoso.com', '--format', 'json']);
      expect([json.en.status, json.ja.status, json.fr.status]).toEqual([0, 0, 0]);
      // Each provisionOnDemand call gets a change id of its own from the service; everything else is the same text.
      const withoutChangeId = (run: Run) => run.stdout.replace(/"changeId": "pod-[^"]+"/, '"changeId": "…"');
      expect(withoutChangeId(json.ja)).toBe(withoutChangeId(json.en));
      expect(withoutChangeId(json.fr)).toBe(withoutChangeId(json.en));
      expect(withoutChangeId(json.en)).not.toBe(json.en.stdout);
    },
    T,
  );
});

describe('the lifecycle messages and errors in Japanese and French', () => {
  it(
    'start, pause and restart say what they did; the job id is kept',
    async () => {
      for (const [command, english, french, japanese] of [
        ['start', `Started job ${SEED.jobId}.`, `Tâche ${SEED.jobId} démarrée.`, `ジョブ ${SEED.jobId} を開始しました。`],
        [
          'pause',
          `Paused job ${SEED.jobId}; its state is kept (aadmap start resumes it).`,
          `Tâche ${SEED.jobId} suspendue ; son état est conservé (aadmap start la reprend).`,
          `ジョブ ${SEED.jobId} を一時停止しました。状態は保持されます (aadmap start で再開します)。`,
        ],
        ['restart', `Restarted job ${SEED.jobId}.`, `Tâche ${SEED.jobId} redémarrée.`, `ジョブ ${SEED.jobId} を再開しました。`],
      ] as const) {
        const run = await inEveryLanguage([command, file]);
        expect([run.en.status, run.ja.status, run.fr.status], command).toEqual([0, 0, 0]);
        expect(run.en.stdout.trim()).toBe(english);
        expect(run.fr.stdout.trim()).toBe(french);
        expect(run.ja.stdout.trim()).toBe(japanese);
      }
    },
    T,
  );

  it(
    'an unconfirmed full reset: the same exit status (1) and nothing sent, the refusal and what it would do translated',
    async () => {
      const run = await inEveryLanguage(['restart', file, '--reset', 'Full', '--yes']);
      expect([run.en.status, run.ja.status, run.fr.status]).toEqual([1, 1, 1]);
      expect(emulator.log.filter((r) => r.method !== 'GET')).toEqual([]);
      expect(run.en.stderr).toContain('Not confirmed; nothing was sent. Without a terminal pass --yes --i-understand-full-reset');
      expect(run.fr.stderr).toContain("Non confirmé ; rien n'a été envoyé. Sans terminal, passez --yes --i-understand-full-reset");
      expect(run.fr.stderr).toContain(
        `Full : ${fr['clears everything, including the links between source and target accounts: every user is matched again as if new']}.`,
      );
      expect(run.ja.stderr).toContain('確認されなかったため、何も送信していません。ターミナルがない場合は --yes --i-understand-full-reset');
    },
    T,
  );

  it(
    "test-connection refused by the application: exit 1 in every language, the service's code and message as sent",
    async () => {
      const ok = await inEveryLanguage(['test-connection', file]);
      expect([ok.en.status, ok.ja.status, ok.fr.status]).toEqual([0, 0, 0]);
      expect(ok.fr.stdout).toContain(`Connexion OK : le service a joint l'application`);
      emulator.lifecycle.credentialFailures.set(SEED.jobId, {
        status: 400,
        code: 'CredentialValidationUnavailable',
        message: 'The credentials were rejected by the application (401).',
      });
      const failed = await inEveryLanguage(['test-connection', file]);
      expect([failed.en.status, failed.ja.status, failed.fr.status]).toEqual([1, 1, 1]);
      for (const run of [failed.en, failed.ja, failed.fr])
        expect(run.stderr).toContain('400 CredentialValidationUnavailable: The credentials were rejected by the application (401)');
    },
    T,
  );

  it(
    "Graph's 401 adds what to do in the language asked for; the exit status is 1 in every language",
    async () => {
      emulator.tokens.get(SEED.token)!.expired = true;
      const run = await inEveryLanguage(['logs', file, '--format', 'json']);
      expect([run.en.status, run.ja.status, run.fr.status]).toEqual([1, 1, 1]);
      expect([run.en.stdout, run.ja.stdout, run.fr.stdout]).toEqual(['', '', '']);
      expect(run.en.stderr).toContain('sign in again.');
      expect(run.fr.stderr).toContain('connectez-vous à nouveau.');
      expect(run.ja.stderr).toContain('もう一度サインインしてください。');
      for (const r of [run.ja, run.fr]) expect(r.stderr).toContain('401 InvalidAuthenticationToken');
    },
    T,
  );

  it.each([
    [['logs', '--since', 'yesterday'], "--since doit être une durée comme 30m, 2h, 7d ou une heure ISO (reçu 'yesterday')", '--since には'],
    [['logs', '--status', 'broken'], "--status doit valoir success, failure, skipped, warning (reçu 'broken')", '--status は'],
    [['provision'], 'provision a besoin de --user UPN|ID', 'provision には --user UPN|ID'],
    [['restart', '--reset', 'None'], "--reset None n'est jamais envoyé", '--reset None は送信しません'],
  ])('usage error %j: exit 2 in every language, nothing sent, the message translated', async (args, french, japanese) => {
    const [command, ...rest] = args;
    const run = await inEveryLanguage([command!, file, ...rest]);
    expect([run.en.status, run.ja.status, run.fr.status]).toEqual([2, 2, 2]);
    expect(run.fr.stderr).toContain(french);
    expect(run.ja.stderr).toContain(japanese);
    expect(emulator.log).toEqual([]);
  });

  it(
    'a user the tenant does not have: refused (exit 1) in every language, the user named',
    async () => {
      const run = await inEveryLanguage(['provision', file, '--user', 'nobody@contoso.com']);
      expect([run.en.status, run.ja.status, run.fr.status]).toEqual([1, 1, 1]);
      expect(run.fr.stderr).toContain('Aucun utilisateur "nobody@contoso.com" dans ce locataire');
      expect(run.ja.stderr).toContain('このテナントにユーザー "nobody@contoso.com" はいません');
      expect(emulator.lifecycle.onDemandRequests).toEqual([]);
    },
    T,
  );

  it(
    'the held deletes of a TooManyDeletes quarantine are counted the same in every language',
    async () => {
      seedHeldDeletes(emulator.lifecycle, SEED, 3);
      const run = await inEveryLanguage(['status', file]);
      expect(run.en.stdout).toContain('  Held deletes: 3');
      expect(run.fr.stdout).toContain('  Suppressions retenues : 3');
      expect(run.ja.stdout).toContain('  保留中の削除: 3');
    },
    T,
  );
});

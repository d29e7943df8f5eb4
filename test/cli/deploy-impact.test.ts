/**
 * The deploy guard as users run it: `aadmap deploy FILE --users USERS.jsonl` in a child process
 * against the Graph emulator. The impact summary comes with the what-if; the deploy is refused
 * (nothing written) when the disabled users reach the job's accidental-deletion threshold (read
 * from the job's secrets, 500 when unreadable) or a matching value changes, unless the exact
 * numbers are accepted.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryLines } from '../support/directory-users';
import { directoryOf } from '../graph-emulator/directory';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun, runCli, startSeededEmulator } from '../support/cli-process';

const scratch = mkdtempSync(join(tmpdir(), 'aadmap-deploy-impact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(args: string[], cwd: string, input = ''): Promise<CliRun> {
  return runCli(args, { cwd, input, env: { AADMAP_GRAPH_TOKEN: SEED.token } });
}

const notificationSettings = (settings: object) => [
  { key: 'BaseAddress', value: 'https://api.chatwork.com/scim/v2' },
  { key: 'SecretToken', value: 'a-secret-the-service-masks' },
  { key: 'SyncNotificationSettings', value: JSON.stringify(settings) },
  { key: 'SyncAll', value: 'false' },
];

describe('aadmap deploy --users: the impact guard', () => {
  let emulator: GraphEmulator;
  let work: string;
  let live: string;
  beforeEach(async () => {
    emulator = await startSeededEmulator();
    work = mkdtempSync(join(scratch, 'work-'));
    const pulled = await aadmap(
      ['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--out', 'live.aadmap'],
      work,
    );
    expect(pulled.status, pulled.stderr).toBe(0);
    live = readFileSync(join(work, 'live.aadmap'), 'utf8');
    writeFileSync(join(work, 'users.jsonl'), `${[...directoryLines(300, 4)].join('\n')}\n`);
  });
  afterEach(() => emulator.stop());

  const deploy = (text: string, ...flags: string[]) => {
    writeFileSync(join(work, 'live.aadmap'), text);
    return aadmap(['deploy', 'live.aadmap', '--graph-endpoint', emulator.url, '--users', 'users.jsonl', ...flags], work);
  };
  const impactOf = (stdout: string) => {
    const count = (label: string) => Number(new RegExp(`^\\s*(\\d+)  ${label}`, 'm').exec(stdout)?.[1]);
    return {
      disable: count('disabled'),
      matchChanged: count('matching value changed'),
    };
  };
  const puts = () => emulator.log.filter((r) => r.method === 'PUT');

  it('--dry-run prints the impact summary with the what-if', async () => {
    const text = live.replace('title    <- [jobTitle]', 'title    <- Coalesce([jobTitle], "Staff")');
    const { status, stdout } = await deploy(text, '--dry-run');
    expect(status).toBe(0);
    expect(stdout).toContain('What-if: 1 change on ');
    expect(stdout).toContain('Impact on 300 users:');
    expect(stdout).toMatch(/^\s*\d+ {2}updated$/m);
    expect(stdout).toContain('Attributes changed (updated users):');
    expect(puts()).toEqual([]);
  });

  it('refuses, with nothing written, when the disabled users reach the threshold of the job settings', async () => {
    directoryOf(emulator).secrets.set(
      SEED.servicePrincipalId,
      notificationSettings({ Enabled: false, DeleteThresholdEnabled: true, DeleteThresholdValue: 20 }),
    );
    const scoped = live.replace(
      '  userName <- [userPrincipalName]  match 1',
      '  scope "Sales" {\n    [department] EQUALS "Sales"\n  }\n  userName <- [userPrincipalName]  match 1',
    );
    const refused = await deploy(scoped, '--yes');
    expect(refused.status).toBe(1);
    const { disable } = impactOf(refused.stdout);
    expect(disable).toBeGreaterThanOrEqual(20);
    expect(disable).toBeLessThan(500);
    expect(refused.stdout).toContain(
      `${disable} users would be disabled, at or above the job's accidental-deletion threshold (20); accept exactly this number with --allow-disable ${disable}.`,
    );
    expect(refused.stderr).toContain('nothing was written');
    expect(refused.stdout + refused.stderr).not.toContain('a-secret-the-service-masks');
    expect(puts()).toEqual([]);

    expect((await deploy(scoped, '--yes', '--allow-disable', String(disable - 1))).status).toBe(1);
    expect(puts()).toEqual([]);
    const accepted = await deploy(scoped, '--yes', '--allow-disable', String(disable));
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain(`${disable} users will be disabled (accepted).`);
    expect(puts()).toHaveLength(1);
  });

  it('uses 500 when the job settings cannot be read (no secrets: 404)', async () => {
    directoryOf(emulator).secrets.delete(SEED.servicePrincipalId);
    const scoped = live.replace(
      '  userName <- [userPrincipalName]  match 1',
      '  scope "Sales" {\n    [department] EQUALS "Sales"\n  }\n  userName <- [userPrincipalName]  match 1',
    );
    const result = await deploy(scoped, '--dry-run');
    expect(result.status).toBe(0);
    expect(impactOf(result.stdout).disable).toBeGreaterThan(0);
    expect(result.stdout).not.toContain('would be disabled');
  });

  it('refuses a change of matching values unless --allow-match-change accepts that exact number', async () => {
    const text = live.replace('userName <- [userPrincipalName]  match 1', 'userName <- [mail]  match 1');
    const refused = await deploy(text, '--dry-run');
    expect(refused.status).toBe(1);
    const { matchChanged } = impactOf(refused.stdout);
    expect(matchChanged).toBeGreaterThan(0);
    expect(refused.stdout).toContain(`--allow-match-change ${matchChanged}`);
    const accepted = await deploy(text, '--yes', '--allow-match-change', String(matchChanged));
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(puts()).toHaveLength(1);
  });

  it('a case-only change of the matching value is not refused (userName is not caseExact in Chatwork)', async () => {
    const text = live.replace('userName <- [userPrincipalName]  match 1', 'userName <- ToLower([userPrincipalName])  match 1');
    const result = await deploy(text, '--yes');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(impactOf(result.stdout).matchChanged).toBe(0);
    expect(puts()).toHaveLength(1);
  });
});

/**
 * Inputs the CLI refuses clearly instead of accepting by accident: the bundled dist/cli.js in a
 * child process (the Graph emulator over real HTTP for deploy).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun as Run, runCli, startSeededEmulator } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const chatworkSchemaFile = join(root, 'test', 'schema', 'fixtures', 'chatwork-sample-schema.json');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-refusals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI without blocking this process's event loop (the emulator lives here). */
function aadmap(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return runCli(args, { cwd: root, env: { FORCE_COLOR: undefined, ...env } });
}

function write(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('aadmap eval refuses what aadmap check rejects', () => {
  it.each([
    ['[]', 'unknown-attribute', 2],
    ['Join(",", [ mail])', 'unknown-attribute', 12],
    ['Swtich([mail], "a", "b", "c")', 'unknown-function', 1],
  ])('%s: exit 1 with the first error, nothing evaluated', async (expression, code, column) => {
    const input = write('user.json', '{"mail": "a@contoso.com"}');
    const check = await aadmap(['check', '--expr', expression, '--format', 'json']);
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout)[0]).toMatchObject({ code, column });

    const text = await aadmap(['eval', '--expr', expression, '--input', input]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(new RegExp(`^<expr>:1:${column}: error \\[${code}\\] `));
    const json = await aadmap(['eval', '--expr', expression, '--input', input, '--format', 'json']);
    expect(json.status).toBe(1);
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['error']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ line: 1, column });
  });

  it('still reads an attribute Azure AD does not have (an HR source) as null, and says so on stderr', async () => {
    const input = write('hr.json', '{"mail": "a@contoso.com"}');
    const { status, stdout, stderr } = await aadmap(['eval', '--expr', 'IsNull([departmen])', '--input', input]);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('true');
    expect(stderr).toContain('[departmen] is not an Azure AD user attribute and not in');
    expect(stderr).toContain('Did you mean [department]?');
  });

  it('without --input: evaluates for a user without attributes and says so (stdout stays the value)', async () => {
    const { status, stdout, stderr } = await aadmap(['eval', '--expr', 'Coalesce([mail], "none")']);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('"none"');
    expect(stderr).toContain('no sample user (--input USER.json): evaluated for a user without attributes, so [mail] is null.');
    const constant = await aadmap(['eval', '--expr', '"Contoso"', '--format', 'json']);
    expect(constant.stderr).toBe('');
    expect(JSON.parse(constant.stdout)).toEqual({ value: 'Contoso', ignored: false });
  });
});

describe('aadmap import recognises a synchronizationSchema and refuses anything else', () => {
  it.each([
    ['an empty object', '{}', 'found an empty object'],
    ['a sample user', readFileSync(join(root, 'examples', 'alice.user.json'), 'utf8'), 'found an object with the keys "objectId"'],
    ['an array', '[1, 2]', 'found an array'],
    [
      'a job without its schema',
      '{"id": "j", "templateId": "t", "status": {}}',
      '(no "directories" array and no "synchronizationRules" array)',
    ],
  ])('refuses %s (exit 1, nothing on stdout), saying what it expected', async (_name, text, found) => {
    const file = write('not-a-schema.json', text);
    const { status, stdout, stderr } = await aadmap(['import', file]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('expected a Microsoft Graph synchronizationSchema');
    expect(stderr).toContain(found);
    expect(stderr).toContain('Nothing was imported.');
  });

  it('accepts the answer of a job GET that contains the schema, as the schema itself', async () => {
    const schema = JSON.parse(readFileSync(chatworkSchemaFile, 'utf8'));
    const job = write('job.json', JSON.stringify({ id: 'job1', templateId: 'scim', schema }));
    const fromJob = await aadmap(['import', job]);
    const fromSchema = await aadmap(['import', chatworkSchemaFile]);
    expect(fromJob.status, fromJob.stderr).toBe(0);
    expect(fromJob.stdout).toBe(fromSchema.stdout);
  });
});

describe('aadmap deploy checks the local file first', () => {
  let emulator: GraphEmulator;
  beforeEach(async () => {
    emulator = await startSeededEmulator();
  });
  afterEach(() => emulator.stop());

  it('refuses a file with errors before any Graph request', async () => {
    const file = write(
      'broken.aadmap',
      `target chatwork\ndeploy servicePrincipal "${SEED.servicePrincipalId}"\n\nmapping "m" User -> User {\n  userName <- [userPrincipalNam]  match 1\n}\n`,
    );
    const { status, stderr } = await aadmap(['deploy', file, '--graph-endpoint', emulator.url, '--dry-run'], {
      AADMAP_GRAPH_TOKEN: SEED.token,
    });
    expect(status).toBe(1);
    expect(stderr).toContain('The file has 1 error; nothing was deployed:');
    expect(stderr).toContain('5:16 [unknown-attribute]');
    expect(emulator.log).toEqual([]);
  });
});

describe('the sign-in error says what to do', () => {
  // No token, no environment credentials, no Azure CLI on the PATH, no terminal: nothing can sign in.
  const env = {
    AZURE_CLIENT_ID: undefined,
    AZURE_TENANT_ID: undefined,
    AZURE_CLIENT_SECRET: undefined,
    AZURE_CLIENT_CERTIFICATE_PATH: undefined,
    PATH: dirname(process.execPath),
  };
  const args = ['pull', '--service-principal', 'x', '--graph-endpoint', 'https://127.0.0.1:9'];

  it('in one paragraph naming the three ways to sign in, without the SDK detail', async () => {
    const { status, stderr } = await aadmap(args, env);
    expect(status).toBe(1);
    const message = stderr.split('\n').find((line) => line.startsWith('aadmap: '))!;
    expect(message).toContain('Could not sign in to Microsoft Graph. Sign in one of three ways: run `az login`');
    expect(message).toContain('AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET');
    expect(message).toContain('AADMAP_GRAPH_TOKEN');
    expect(message).toContain('--verbose');
    expect(stderr).not.toMatch(/ChainedTokenCredential|CredentialUnavailableError/);
  });

  it('with the SDK detail behind --verbose', async () => {
    const { status, stderr } = await aadmap([...args, '--verbose'], env);
    expect(status).toBe(1);
    expect(stderr).toContain('Sign in one of three ways');
    expect(stderr).toMatch(/ChainedTokenCredential|CredentialUnavailableError/);
  });
});

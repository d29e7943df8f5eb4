/** `aadmap preview` through dist/cli.js in a child process, on the bundled Chatwork example. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-preview-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(...args: string[]): Promise<CliRun> {
  return runCli(args, { cwd: root });
}

interface PreviewJson {
  file: string;
  input: string;
  existing?: string;
  patchFlavour: string;
  mappings: {
    name: string;
    action: string;
    inScope: boolean;
    attributes: { target: string; value: unknown; flow: string }[];
    requests: {
      method: string;
      path: string;
      filter?: string;
      matched?: boolean;
      body?: { Operations?: unknown[] } & Record<string, unknown>;
    }[];
  }[];
}

const json = async (...args: string[]) => {
  const result = await aadmap('preview', 'examples/chatwork.aadmap', ...args, '--format', 'json');
  return { ...result, preview: result.status === 2 ? undefined : (JSON.parse(result.stdout) as PreviewJson) };
};

describe('aadmap preview', () => {
  it('a new user: values, the lookup and the POST (JSON)', async () => {
    const { status, preview } = await json('--input', 'examples/alice.user.json');
    expect(status).toBe(0);
    expect(Object.keys(preview!)).toEqual(['file', 'input', 'patchFlavour', 'mappings']);
    const block = preview!.mappings[0]!;
    expect([block.name, block.action, block.inScope]).toEqual(['Synchronize Azure Active Directory Users to Chatwork', 'create', true]);
    expect(block.attributes.map((a) => [a.target, a.value, a.flow])).toEqual([
      ['userName', 'alice@contoso.com', 'sent'],
      ['active', 'True', 'sent'],
      ['title', 'Sales Manager', 'sent'],
      ['externalId', 'alice', 'sent'],
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'Sales', 'sent'],
      ['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization', 'Contoso', 'sent'],
    ]);
    expect(block.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /Users?filter=userName+eq+%22alice%40contoso.com%22',
      'POST /Users',
    ]);
    expect(block.requests[1]!.body!['active']).toBe(true);
  });

  it('a new user as an .http document (the default format)', async () => {
    const { status, stdout } = await aadmap('preview', 'examples/chatwork.aadmap', '--input', 'examples/alice.user.json');
    expect(status).toBe(0);
    expect(stdout).toContain('### "Synchronize Azure Active Directory Users to Chatwork" (User -> User): create');
    expect(stdout).toMatch(
      /\nGET \/Users\?filter=userName\+eq\+%22alice%40contoso\.com%22\n# filter: userName eq "alice@contoso\.com" → no match\n/,
    );
    expect(stdout).toContain('\n###\nPOST /Users\nContent-Type: application/scim+json\n\n{');
  });

  it('an existing user with changes: PATCH in both flavours', async () => {
    const { status, preview } = await json('--input', 'examples/bob.user.json', '--existing', 'examples/bob.target.json');
    expect(status).toBe(0);
    expect(preview!.existing).toBe('examples/bob.target.json');
    const [lookup, patch] = preview!.mappings[0]!.requests;
    expect(lookup).toMatchObject({ method: 'GET', matched: true });
    expect(patch!.path).toBe('/Users/cw-10482');
    expect(patch!.body!.Operations).toEqual([
      { op: 'Replace', path: 'title', value: 'Account Executive' },
      { op: 'Replace', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Enterprise Sales' },
    ]);
    const compliant = (await json('--input', 'examples/bob.user.json', '--existing', 'examples/bob.target.json', '--scim-compliant'))
      .preview!;
    expect(compliant.patchFlavour).toBe('aadOptscim062020');
    expect(compliant.mappings[0]!.requests[1]!.body!.Operations).toEqual([
      {
        op: 'replace',
        value: { title: 'Account Executive', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'Enterprise Sales' },
      },
    ]);
  });

  it('a user leaving the scope gets the deprovisioning PATCH', async () => {
    const { status, preview } = await json('--input', 'examples/carol.user.json', '--existing', 'examples/carol.target.json');
    expect(status).toBe(0);
    const block = preview!.mappings[0]!;
    expect([block.action, block.inScope]).toEqual(['deprovision', false]);
    expect(block.requests[1]).toMatchObject({
      method: 'PATCH',
      path: '/Users/cw-20917',
      body: { Operations: [{ op: 'Replace', path: 'active', value: 'False' }] },
    });
  });

  it('refuses a file with errors (exit 1, the first error and all diagnostics)', async () => {
    const { status, stdout } = await aadmap(
      'preview',
      'examples/mistakes.aadmap',
      '--input',
      'examples/alice.user.json',
      '--format',
      'json',
    );
    expect(status).toBe(1);
    const output = JSON.parse(stdout);
    expect(Object.keys(output.error)).toEqual(['message', 'line', 'column']);
    expect(output.diagnostics.length).toBeGreaterThan(1);
  });

  it('exits 1 when an expression cannot be evaluated', async () => {
    const file = join(scratch, 'failing.aadmap');
    writeFileSync(
      file,
      'target chatwork\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n  title <- Mid([jobTitle], 0, 1)\n}\n',
    );
    const result = await aadmap('preview', file, '--input', 'examples/alice.user.json', '--format', 'json');
    expect(result.status).toBe(1);
    const preview = JSON.parse(result.stdout) as PreviewJson;
    expect(preview.mappings[0]!.action).toBe('failed');
    expect(preview.mappings[0]!.attributes[1]).toMatchObject({ target: 'title', flow: 'error', error: { line: 4, column: 12 } });
  });

  it('exits 2 on usage errors', async () => {
    expect((await aadmap('preview', 'examples/chatwork.aadmap')).status).toBe(2);
    expect((await aadmap('preview', '--input', 'examples/alice.user.json')).status).toBe(2);
    expect((await aadmap('preview', 'examples/chatwork.aadmap', '--input', 'examples/alice.user.json', '--format', 'text')).status).toBe(2);
    const noObject = join(scratch, 'target.json');
    writeFileSync(noObject, '"cw-1"');
    expect(
      (await aadmap('preview', 'examples/chatwork.aadmap', '--input', 'examples/alice.user.json', '--existing', noObject)).stderr,
    ).toContain('must be a JSON object');
    expect((await aadmap('preview', join(scratch, 'missing.aadmap'), '--input', 'examples/alice.user.json')).status).toBe(2);
  });
});

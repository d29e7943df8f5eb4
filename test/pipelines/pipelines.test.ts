/**
 * The GitHub Action (action.yml) and the Azure Pipelines template (pipelines/azure-pipelines-aadmap.yml)
 * run as runners run them (test/pipelines/runners.ts): their bash scripts with the variables runners
 * set, dist/cli.js as the command line, the Graph emulator as Microsoft Graph. Checked: the exit
 * statuses, the job summary's Markdown, SARIF and JUnit files, nothing written by a plan, the deploy,
 * and the federated token handled without being printed. action.yml and the workflows of
 * docs/pipelines.md are validated against SchemaStore's published schemas (@action-validator/core).
 */
import { validateAction, validateWorkflow } from '@action-validator/core';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { directoryLines } from '../support/directory-users';
import { expandTemplate, readAction, readTemplate, runCompositeAction, runTemplate } from './runners';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const templateFile = join(root, 'pipelines', 'azure-pipelines-aadmap.yml');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-pipelines-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const chatwork = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');

/** A repository checkout: a folder of its own (the runners put their temporary folders beside it). */
function checkout(files: Record<string, string>): string {
  const workspace = join(mkdtempSync(join(scratch, 'job-')), 'repo');
  mkdirSync(workspace);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(workspace, name, '..'), { recursive: true });
    writeFileSync(join(workspace, name), text);
  }
  return workspace;
}

const broken = chatwork.replace('title      <- [jobTitle]', 'title      <- Nope([jobTitle])');
const unformatted = chatwork.replace('title      <- [jobTitle]', 'title<-[jobTitle]');

describe('the published schemas and the documented inputs', () => {
  it('action.yml is a valid action (SchemaStore github-action schema)', () => {
    expect(validateAction(readFileSync(join(root, 'action.yml'), 'utf8')).errors).toEqual([]);
  });

  it('every workflow in docs/pipelines.md is a valid workflow and uses only inputs the action declares', () => {
    const docs = readFileSync(join(root, 'docs', 'pipelines.md'), 'utf8');
    const workflows = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((text) => /^on:/m.test(text));
    expect(workflows.length).toBeGreaterThanOrEqual(2);
    const declared = Object.keys(readAction(join(root, 'action.yml')).inputs);
    for (const workflow of workflows) {
      expect(validateWorkflow(workflow).errors, workflow).toEqual([]);
      const steps = Object.values(
        (parse(workflow) as { jobs: Record<string, { steps: { uses?: string; with?: object }[] }> }).jobs,
      ).flatMap((job) => job.steps);
      const ours = steps.filter((step) => step.uses?.startsWith('aadmap/aadmap@'));
      expect(ours.length, workflow).toBeGreaterThan(0);
      for (const step of ours) for (const name of Object.keys(step.with ?? {})) expect(declared).toContain(name);
    }
  });

  it('every input of the action is read by a step, every output comes from a step', () => {
    const action = readAction(join(root, 'action.yml'));
    const text = JSON.stringify(action.runs.steps);
    for (const name of Object.keys(action.inputs)) expect(text, name).toContain(`inputs.${name}`);
    const ids = action.runs.steps.map((s) => s.id);
    for (const [name, output] of Object.entries(action.outputs)) expect(ids, name).toContain(/steps\.([\w-]+)\./.exec(output.value)?.[1]);
  });

  it('every parameter of the template is used, and the pipelines in docs/pipelines.md pass only declared ones', () => {
    const template = readTemplate(templateFile);
    const text = readFileSync(templateFile, 'utf8');
    for (const p of template.parameters) expect(text, p.name).toContain(`parameters.${p.name}`);
    const docs = readFileSync(join(root, 'docs', 'pipelines.md'), 'utf8');
    const uses = [...docs.matchAll(/- template: pipelines\/azure-pipelines-aadmap\.yml@aadmap\n(\s+)parameters:\n((?:\1 +.*\n)+)/g)];
    expect(uses.length).toBeGreaterThanOrEqual(2);
    for (const use of uses) {
      const given = parse(use[2]!.replace(new RegExp(`^${use[1]}  `, 'gm'), '')) as Record<string, unknown>;
      for (const name of Object.keys(given)) expect(template.parameters.map((p) => p.name)).toContain(name);
      // The documented parameters expand (values allowed, no unknown expression).
      expect(expandTemplate(templateFile, { ...given, azureSubscription: 'x' }).length).toBeGreaterThan(0);
    }
  });
});

describe('GitHub Action: check', () => {
  it('fails on errors and unformatted files; SARIF for code scanning, the Markdown table and the list in the job summary', async () => {
    const workspace = checkout({ 'mappings/good.aadmap': chatwork, 'mappings/broken.aadmap': broken, 'mappings/ugly.aadmap': unformatted });
    const run = await runCompositeAction({ actionPath: root, workspace, inputs: { command: 'check', files: 'mappings', cli } });
    expect(run.status).toBe(1);
    const check = run.steps.find((s) => s.id === 'check')!;
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("mappings/broken.aadmap:14:17: error [unknown-function] Unknown function 'Nope'.");
    const sarif = JSON.parse(readFileSync(join(workspace, 'aadmap.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['unknown-function']);
    expect(run.outputs['sarif']).toBe('aadmap.sarif');
    expect(run.summary).toMatch(/^### aadmap check\n\n\*\*1 error, 0 warnings in 3 files\.\*\*\n/);
    expect(run.summary).toContain('| ❌ `mappings/broken.aadmap` | 1 | 0 | 0 |');
    expect(run.summary).toContain('**Not formatted** (run `aadmap fmt --write` on them):\n\n- `mappings/ugly.aadmap`\n');
    expect(check.stdout).toContain('::error file=mappings/ugly.aadmap,title=aadmap fmt::');
    // The summary step runs after the failure and offers the same Markdown as a file.
    expect(readFileSync(run.outputs['summary']!, 'utf8')).toBe(run.summary);
  });

  it('passes on clean, formatted files; fmt --check is skipped with format-check: false', async () => {
    const workspace = checkout({ 'a.aadmap': chatwork, 'b.aadmap': unformatted });
    const clean = await runCompositeAction({ actionPath: root, workspace, inputs: { command: 'check', files: 'a.aadmap', cli } });
    expect(clean.status).toBe(0);
    expect(clean.summary).toContain('**No problems in 1 file.**');
    const noFmt = await runCompositeAction({ actionPath: root, workspace, inputs: { command: 'check', 'format-check': 'false', cli } });
    expect(noFmt.status).toBe(0);
    const withFmt = await runCompositeAction({ actionPath: root, workspace, inputs: { command: 'check', cli } });
    expect(withFmt.status).toBe(1);
  });

  it('an unknown command is refused before anything runs (exit 2)', async () => {
    const run = await runCompositeAction({ actionPath: root, workspace: checkout({}), inputs: { command: 'apply', cli } });
    expect(run.status).toBe(2);
    expect(run.steps[0]!.stdout).toContain("::error title=aadmap::The command input must be check, plan or deploy (got 'apply').");
    expect(run.steps.filter((s) => !s.skipped).map((s) => s.id)).toEqual(['cli', 'summary']);
  });
});

describe('against the Graph emulator', () => {
  let emulator: GraphEmulator;
  let live: string;
  beforeEach(async () => {
    emulator = GraphEmulator.seeded();
    await emulator.start();
    live = await pullLive(emulator.url);
  }, 60_000);
  afterEach(() => emulator.stop());
  const puts = () => emulator.log.filter((r) => r.method === 'PUT');
  const changed = () => live.replace('title    <- [jobTitle]', 'title    <- ToUpper([jobTitle])');
  const graph = () => ({ AADMAP_GRAPH_TOKEN: SEED.token });

  describe('GitHub Action', () => {
    it('plan: the what-if as Markdown in the job summary, found through the deploy statement; nothing written', async () => {
      const workspace = checkout({ 'idm/chatwork.aadmap': changed(), 'idm/notes.aadmap': chatwork, 'idm/users.jsonl': users(120) });
      const run = await runCompositeAction({
        actionPath: root,
        workspace,
        inputs: { command: 'plan', files: 'idm', 'graph-endpoint': emulator.url, users: 'idm/users.jsonl', cli },
        env: graph(),
      });
      expect(run.status, JSON.stringify(run.steps, null, 2)).toBe(0);
      // notes.aadmap has no deploy statement: not planned.
      expect(run.summary.match(/^### aadmap what-if/gm)).toHaveLength(1);
      expect(run.summary).toMatch(/^### aadmap what-if: `idm\/chatwork\.aadmap`\n\n\*\*1 change on job /);
      expect(run.summary).toContain('```diff\n- title <- [jobTitle]\n+ title <- ToUpper([jobTitle])\n```');
      expect(run.summary).toContain('#### Impact on 120 users');
      expect(run.steps.find((s) => s.id === 'oidc')!.stdout).toContain('No client-id input');
      expect(puts()).toEqual([]);
    });

    it('plan of a change the deploy guard refuses: exit 1, the reason and the log in the summary', async () => {
      const workspace = checkout({
        'chatwork.aadmap': live.replace('userName <- [userPrincipalName]  match 1', 'userName <- [mail]  match 1'),
        'users.jsonl': users(120),
      });
      const run = await runCompositeAction({
        actionPath: root,
        workspace,
        inputs: { command: 'plan', files: 'chatwork.aadmap', 'graph-endpoint': emulator.url, users: 'users.jsonl', cli },
        env: graph(),
      });
      expect(run.status).toBe(1);
      expect(run.summary).toContain('**❌ The deploy is refused by the impact guard.**');
      expect(run.summary).toContain('**❌ `aadmap deploy chatwork.aadmap` would fail or be refused (exit 1).**');
      expect(run.summary).toMatch(/~~~~~~~~~~text\n[\s\S]*nothing was written[\s\S]*\n~~~~~~~~~~\n/);
      expect(puts()).toEqual([]);
    });

    it('deploy: signs in with the GitHub OIDC token (written to a private file, never printed), deploys, keeps a backup', async () => {
      const oidc = await oidcServer('github-oidc-token-that-must-not-leak');
      try {
        const workspace = checkout({ 'chatwork.aadmap': changed() });
        const run = await runCompositeAction({
          actionPath: root,
          workspace,
          inputs: {
            command: 'deploy',
            files: 'chatwork.aadmap',
            'graph-endpoint': emulator.url,
            'client-id': '11111111-2222-3333-4444-555555555555',
            'tenant-id': '66666666-7777-8888-9999-000000000000',
            cli,
          },
          env: {
            ...graph(),
            ACTIONS_ID_TOKEN_REQUEST_URL: `${oidc.url}/token?api-version=2.0`,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-42',
          },
        });
        expect(run.status, JSON.stringify(run.steps, null, 2)).toBe(0);
        expect(oidc.requests).toEqual([
          { authorization: 'bearer request-token-42', audience: 'api://AzureADTokenExchange', apiVersion: '2.0' },
        ]);
        const tokenFile = run.steps.find((s) => s.id === 'oidc')!.outputs['token-file']!;
        expect(readFileSync(tokenFile, 'utf8')).toBe('github-oidc-token-that-must-not-leak');
        expect(statSync(tokenFile).mode & 0o077).toBe(0);
        const everything = JSON.stringify(run);
        expect(everything).not.toContain('github-oidc-token-that-must-not-leak');
        expect(everything).not.toContain('request-token-42');
        expect(everything).not.toContain(SEED.token);
        expect(puts()).toHaveLength(1);
        expect(run.summary).toMatch(/\n\nDeployed: 1 change on job /);
        expect(run.outputs['backup-dir']).toBe('.aadmap/backups');
        expect(
          readdirSync(join(workspace, '.aadmap', 'backups')).filter((f) => f.endsWith('.json') && !f.endsWith('.meta.json')),
        ).toHaveLength(1);
      } finally {
        oidc.server.close();
      }
    });

    it('deploy with client-id but no id-token permission fails with what to add, before any Graph request', async () => {
      const requests = emulator.log.length;
      const workspace = checkout({ 'chatwork.aadmap': changed() });
      const run = await runCompositeAction({
        actionPath: root,
        workspace,
        inputs: { command: 'deploy', files: 'chatwork.aadmap', 'graph-endpoint': emulator.url, 'client-id': 'x', 'tenant-id': 'y', cli },
        env: graph(),
      });
      expect(run.status).toBe(1);
      expect(run.steps.find((s) => s.id === 'oidc')!.stdout).toContain("give the job 'permissions: id-token: write'");
      expect(run.steps.find((s) => s.id === 'deploy')!.skipped).toBe(true);
      expect(emulator.log).toHaveLength(requests);
    });
  });

  describe('Azure Pipelines template', () => {
    it('plan: the what-if uploaded as the run summary (##vso[task.uploadsummary]); the service connection token handled privately', async () => {
      const workspace = checkout({ 'chatwork.aadmap': changed() });
      const run = await runTemplate(templateFile, {
        workspace,
        parameters: { command: 'plan', files: 'chatwork.aadmap', graphEndpoint: emulator.url, azureSubscription: 'aadmap-wif', cli },
        env: graph(),
        servicePrincipal: { servicePrincipalId: 'sp-client-id', tenantId: 'tenant-id', idToken: 'azdo-federated-token-that-must-not-leak' },
      });
      expect(run.expanded.map((s) => s.task ?? 'bash')).toEqual(['AzureCLI@2']);
      expect(run.expanded[0]!.inputs).toMatchObject({ azureSubscription: 'aadmap-wif', addSpnToEnvironment: 'true', scriptType: 'bash' });
      expect(run.status, JSON.stringify(run.steps, null, 2)).toBe(0);
      expect(run.commands).toEqual([`##vso[task.uploadsummary]${join(run.agentTemp, 'aadmap', 'plan.md')}`]);
      expect(run.summary).toContain('```diff\n- title <- [jobTitle]\n+ title <- ToUpper([jobTitle])\n```');
      expect(run.summary).toContain('Dry run: nothing was written.');
      expect(JSON.stringify(run.steps)).not.toContain('azdo-federated-token-that-must-not-leak');
      // Removed when the script ends.
      expect(readdirSync(join(run.agentTemp, 'aadmap'))).not.toContain('federated-token');
      expect(puts()).toEqual([]);
    });

    it('deploy writes the job and reports it; a failure is an error issue and a non-zero exit', async () => {
      const workspace = checkout({ 'chatwork.aadmap': changed(), 'bad.aadmap': changed().replace('ToUpper(', 'Nope(') });
      const ok = await runTemplate(templateFile, {
        workspace,
        parameters: { command: 'deploy', files: 'chatwork.aadmap', graphEndpoint: emulator.url, azureSubscription: 'c', cli },
        env: graph(),
      });
      expect(ok.status, JSON.stringify(ok.steps, null, 2)).toBe(0);
      expect(ok.summary).toMatch(/\n\nDeployed: 1 change on job /);
      expect(puts()).toHaveLength(1);
      const bad = await runTemplate(templateFile, {
        workspace,
        parameters: { command: 'deploy', files: 'bad.aadmap', graphEndpoint: emulator.url, azureSubscription: 'c', cli },
        env: graph(),
      });
      expect(bad.status).toBe(1);
      expect(bad.commands).toContain('##vso[task.logissue type=error;sourcepath=bad.aadmap]aadmap deploy bad.aadmap exited 1.');
      expect(bad.summary).toContain("[unknown-function] Unknown function 'Nope'");
      expect(puts()).toHaveLength(1);
    });
  });
});

describe('Azure Pipelines template: check', () => {
  it('JUnit for PublishTestResults, SARIF as the CodeAnalysisLogs artifact, the Markdown summary; exit 1 on errors', async () => {
    const workspace = checkout({ 'm/good.aadmap': chatwork, 'm/broken.aadmap': broken, 'm/ugly.aadmap': unformatted });
    const run = await runTemplate(templateFile, { workspace, parameters: { command: 'check', files: 'm', cli } });
    expect(run.expanded.map((s) => s.task ?? 'bash')).toEqual(['bash', 'PublishTestResults@2', 'PublishBuildArtifacts@1']);
    expect(run.expanded[1]!.inputs).toMatchObject({
      testResultsFormat: 'JUnit',
      testResultsFiles: '$(Agent.TempDirectory)/aadmap/check.junit.xml',
    });
    expect(run.expanded[1]!.condition).toBe('succeededOrFailed()');
    expect(run.expanded[2]!.inputs).toMatchObject({
      PathtoPublish: '$(Agent.TempDirectory)/aadmap/sarif',
      ArtifactName: 'CodeAnalysisLogs',
    });
    expect(run.status).toBe(1);
    const junit = readFileSync(join(run.agentTemp, 'aadmap', 'check.junit.xml'), 'utf8');
    expect(junit).toContain('<testsuites name="aadmap check" tests="3" failures="1"');
    const sarif = JSON.parse(readFileSync(join(run.agentTemp, 'aadmap', 'sarif', 'aadmap.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(run.commands).toContain(
      '##vso[task.logissue type=error;sourcepath=m/ugly.aadmap]m/ugly.aadmap is not formatted (aadmap fmt --write).',
    );
    expect(run.summary).toContain('| ❌ `m/broken.aadmap` | 1 | 0 | 0 |');
    expect(run.summary).toContain('- `m/ugly.aadmap`');
  });

  it('strict makes warnings fail; a clean tree passes', async () => {
    const workspace = checkout({ 'a.aadmap': chatwork });
    expect((await runTemplate(templateFile, { workspace, parameters: { command: 'check', cli } })).status).toBe(0);
    expect((await runTemplate(templateFile, { workspace, parameters: { command: 'check', cli, strict: true } })).status).toBe(0);
    const warned = checkout({ 'w.aadmap': chatwork.replace('title      <- [jobTitle]', 'title      <- Replace([jobTitle], "\\q", "x")') });
    const lax = await runTemplate(templateFile, { workspace: warned, parameters: { command: 'check', cli, formatCheck: false } });
    const strict = await runTemplate(templateFile, {
      workspace: warned,
      parameters: { command: 'check', cli, formatCheck: false, strict: true },
    });
    expect(JSON.stringify(lax.steps)).toMatch(/warning \[/);
    expect(lax.status).toBe(0);
    expect(strict.status).toBe(1);
  });

  it('without aadmap installed: a clear error issue, exit 2', async () => {
    const run = await runTemplate(templateFile, { workspace: checkout({ 'a.aadmap': chatwork }), parameters: { command: 'check' } });
    expect(run.status).toBe(2);
    expect(run.commands[0]).toMatch(/^##vso\[task\.logissue type=error\]aadmap is not installed/);
  });
});

/** The emulator's job as a .aadmap file with its deploy statement. */
function pullLive(url: string): Promise<string> {
  // Not spawnSync: the emulator answers from this process's event loop.
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', url], {
      cwd: scratch,
      env: { ...process.env, AADMAP_GRAPH_TOKEN: SEED.token },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (status) => (status === 0 ? resolve(stdout) : reject(new Error(`pull exited ${status}`))));
  });
}

function users(n: number): string {
  return `${[...directoryLines(n, 7)].join('\n')}\n`;
}

/** GitHub's OIDC token endpoint as a runner reaches it (ACTIONS_ID_TOKEN_REQUEST_URL). */
async function oidcServer(token: string) {
  const requests: { authorization?: string; audience: string | null; apiVersion: string | null }[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://localhost');
    requests.push({
      authorization: request.headers.authorization,
      audience: url.searchParams.get('audience'),
      apiVersion: url.searchParams.get('api-version'),
    });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: token }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, requests, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

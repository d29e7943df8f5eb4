/**
 * Real jobs through the CLI as users run it (docs/real-schemas.md): the bundled dist/cli.js in child
 * processes; `pull` over real HTTP to the Graph emulator. `import --out FILE` writes the schema path
 * relative to FILE; `pull --out` keeps the job's function list beside the schema; the files then
 * check without errors wherever they are saved.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_FUNCTIONS, GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun as Run, runCli, startSeededEmulator } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const realDir = join(root, 'test', 'graph', 'fixtures', 'real');
const cloudSync = join(realDir, 'entra-cloud-sync.schema.json');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-real-jobs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function aadmap(args: string[], options: { env?: Record<string, string | undefined>; cwd?: string } = {}): Promise<Run> {
  return runCli(args, { ...options, cwd: options.cwd ?? scratch });
}

const errorsOf = (run: Run) => (JSON.parse(run.stdout) as { severity: string }[]).filter((d) => d.severity === 'error');

describe('aadmap import --out', () => {
  it('writes the target relative to FILE, so the file checks and exports back from its own folder', async () => {
    const dir = join(scratch, 'deep', 'er');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'cloud.aadmap');
    const imported = await aadmap(['import', cloudSync, '--out', file]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toBe('');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`target "${relative(dir, cloudSync).replace(/\\/g, '/')}"`);
    // From another current folder: the path is the file's, not the shell's.
    const checked = await aadmap(['check', file, '--format', 'json'], { cwd: tmpdir() });
    expect(errorsOf(checked)).toEqual([]);
    const exported = await aadmap(['export', file, '--base', cloudSync], { cwd: tmpdir() });
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(JSON.parse(readFileSync(cloudSync, 'utf8')));
  });

  it('without --out prints the text and says on stderr that the target is relative to the current folder', async () => {
    const { status, stdout, stderr } = await aadmap(['import', 'test/graph/fixtures/real/workday-inbound.schema.json'], { cwd: root });
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('target "test/graph/fixtures/real/workday-inbound.schema.json"');
    expect(stderr).toContain('is relative to the current folder');
    expect(stderr).toContain('--out FILE');
  });
});

describe("aadmap pull --out keeps the job's function list", () => {
  let emulator: GraphEmulator;
  let work: string;
  const env = { AADMAP_GRAPH_TOKEN: SEED.token };
  beforeEach(async () => {
    emulator = await startSeededEmulator();
    work = mkdtempSync(join(scratch, 'pull-'));
  });
  afterEach(() => emulator.stop());

  const pull = (file: string) =>
    aadmap(['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--out', file], { env, cwd: work });

  it('writes job.functions.json beside job.schema.json, and the checker knows the functions it names', async () => {
    // A job whose schema uses a function only its own list names.
    const schema = JSON.parse(readFileSync(join(realDir, 'scim-app-short-directories.schema.json'), 'utf8'));
    const mappings = schema.synchronizationRules[0].objectMappings[0].attributeMappings;
    mappings.push({
      ...mappings[2],
      targetAttributeName: 'title',
      source: {
        expression: 'PadLeft([jobTitle], 10)',
        name: 'PadLeft',
        type: 'Function',
        parameters: [
          { key: 'source', value: { expression: '[jobTitle]', name: 'jobTitle', parameters: [], type: 'Attribute' } },
          { key: 'totalWidth', value: { expression: '"10"', name: '10', parameters: [], type: 'Constant' } },
        ],
      },
    });
    emulator.job.schema = schema;
    emulator.job.functions = [
      ...EMULATOR_FUNCTIONS,
      {
        name: 'PadLeft',
        parameters: [
          { name: 'source', type: 'String', required: true, allowMultipleOccurrences: false },
          { name: 'totalWidth', type: 'Integer', required: true, allowMultipleOccurrences: false },
        ],
      },
    ];
    const run = await pull('job.aadmap');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('job.functions.json');
    expect(emulator.log.filter((r) => r.method === 'GET' && r.path.endsWith('/schema/functions'))).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(work, 'job.functions.json'), 'utf8')).value.map((f: { name: string }) => f.name)).toContain(
      'PadLeft',
    );
    expect(readFileSync(join(work, 'job.aadmap'), 'utf8')).toContain('title                          <- PadLeft([jobTitle], 10)');

    const checked = await aadmap(['check', 'job.aadmap', '--format', 'json'], { cwd: work });
    expect(errorsOf(checked)).toEqual([]);
    // Control: without the list the same file has an unknown function.
    rmSync(join(work, 'job.functions.json'));
    const without = await aadmap(['check', 'job.aadmap', '--format', 'json'], { cwd: work });
    expect(errorsOf(without)).toEqual([expect.objectContaining({ code: 'unknown-function' })]);
  });

  it('a job whose function list cannot be read is still pulled, with a note and no list file', async () => {
    emulator.job.schema = JSON.parse(readFileSync(join(realDir, 'workday-inbound.schema.json'), 'utf8'));
    emulator.inject({ method: 'GET', path: /\/schema\/functions$/, status: 403, code: 'Authorization_RequestDenied' });
    const run = await pull('wd.aadmap');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("The job's function list could not be read");
    expect(existsSync(join(work, 'wd.functions.json'))).toBe(false);
    expect(existsSync(join(work, 'wd.schema.json'))).toBe(true);
    const checked = await aadmap(['check', 'wd.aadmap', '--format', 'json'], { cwd: work });
    expect(errorsOf(checked)).toEqual([]);
    // Nothing blocks a deploy of the pulled job: the what-if finds nothing to change.
    const deploy = await aadmap(['deploy', 'wd.aadmap', '--graph-endpoint', emulator.url, '--dry-run'], { env, cwd: work });
    expect(deploy.status, deploy.stderr).toBe(0);
    expect(deploy.stdout).toContain('No changes: the job already has these mappings.');
  });
});

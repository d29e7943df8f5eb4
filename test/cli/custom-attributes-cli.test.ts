/**
 * A custom Chatwork attribute from declaration to tenant and back, as a user runs it: the bundled
 * dist/cli.js in a child process, real HTTP to the Graph emulator (docs/custom-attributes.md).
 * The file checks clean and previews the attribute; the deploy's PUT adds exactly that attribute to
 * the target directory (and the mapping line) and changes nothing else; pull gives back the
 * declaration, and deploying the pulled file changes nothing. A removal still used is refused.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphEmulator, SEED } from '../graph-emulator/emulator';
import { type CliRun, runCli, startSeededEmulator } from '../support/cli-process';

const root = join(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-custom-attributes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const COST_CENTER = 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User:costCenter';
const DECLARATION = `attribute target "${COST_CENTER}" String`;

function aadmap(args: string[], options: { env?: Record<string, string | undefined>; cwd: string }): Promise<CliRun> {
  return runCli(args, options);
}

describe('a declared custom attribute against the emulator', () => {
  let emulator: GraphEmulator;
  let work: string;
  const env = { AADMAP_GRAPH_TOKEN: SEED.token };
  beforeEach(async () => {
    emulator = await startSeededEmulator();
    work = mkdtempSync(join(scratch, 'work-'));
  });
  afterEach(() => emulator.stop());

  const pull = async (file: string) => {
    const result = await aadmap(['pull', '--service-principal', SEED.servicePrincipalId, '--graph-endpoint', emulator.url, '--out', file], {
      env,
      cwd: work,
    });
    expect(result.status, result.stderr).toBe(0);
    return readFileSync(join(work, file), 'utf8');
  };
  const deploy = (file: string, ...flags: string[]) =>
    aadmap(['deploy', file, '--graph-endpoint', emulator.url, ...flags], { env, cwd: work });
  /** The pulled file with lines added at the end of its (only) mapping block. */
  const withLines = (text: string, ...lines: string[]) => text.replace(/\n}\n$/, `\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`);

  it('checks clean, previews, deploys exactly the attribute, and comes back from pull as the same declaration', async () => {
    const before = structuredClone(emulator.job.schema) as any;
    const text = withLines(await pull('live.aadmap'), DECLARATION, `${COST_CENTER} <- [department]`);
    writeFileSync(join(work, 'live.aadmap'), text);

    const check = await aadmap(['check', 'live.aadmap'], { cwd: work });
    expect(check.status, check.stdout).toBe(0);
    const preview = await aadmap(['preview', 'live.aadmap', '--input', join(root, 'examples', 'alice.user.json'), '--format', 'json'], {
      cwd: work,
    });
    expect(preview.status, preview.stderr).toBe(0);
    const post = JSON.parse(preview.stdout).mappings[0].requests.find((r: { method: string }) => r.method === 'POST');
    expect(post.body['urn:ietf:params:scim:schemas:extension:contoso:2.0:User']).toEqual({ costCenter: 'Sales' });

    const whatIf = await deploy('live.aadmap', '--dry-run');
    expect(whatIf.status, whatIf.stderr).toBe(0);
    expect(whatIf.stdout).toContain(`+ ${DECLARATION}  (customappsso urn:ietf:params:scim:schemas:extension:enterprise:2.0:User)`);
    expect(whatIf.stdout).toContain(`  + ${COST_CENTER} <- [department]`);
    expect(emulator.log.filter((r) => r.method === 'PUT')).toEqual([]);

    const deployed = await deploy('live.aadmap', '--yes');
    expect(deployed.status, deployed.stderr).toBe(0);
    const puts = emulator.log.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    const sent = JSON.parse(puts[0]!.body!.toString());
    // The target directory gained exactly the declared attribute; the source directory is unchanged.
    const expected = structuredClone(before);
    expected.directories
      .find((d: any) => d.name === 'customappsso')
      .objects[0].attributes.push({
        anchor: false,
        caseExact: false,
        defaultValue: null,
        metadata: [],
        multivalued: false,
        mutability: 'ReadWrite',
        name: COST_CENTER,
        referencedObjects: [],
        required: false,
        type: 'String',
      });
    expect(sent.directories).toEqual(expected.directories);
    // Besides the directories, only the new mapping line changed.
    const mappings = sent.synchronizationRules[0].objectMappings[0].attributeMappings;
    expect(mappings.map((m: any) => m.targetAttributeName)).toEqual([
      ...before.synchronizationRules[0].objectMappings[0].attributeMappings.map((m: any) => m.targetAttributeName),
      COST_CENTER,
    ]);
    const rest = (schema: any) => ({ ...schema, directories: undefined, synchronizationRules: undefined, version: undefined });
    expect(rest(sent)).toEqual(rest(before));
    expect({ ...sent.synchronizationRules[0], objectMappings: undefined }).toEqual({
      ...before.synchronizationRules[0],
      objectMappings: undefined,
    });

    // Pull gives back the declaration; deploying the pulled file changes nothing (the round trip is exact).
    const pulled = await pull('again.aadmap');
    expect(pulled).toContain(`\n  ${DECLARATION}\n`);
    expect(pulled).toMatch(new RegExp(`\\n  ${COST_CENTER} +<- \\[department\\]\\n}\\n$`));
    const again = await deploy('again.aadmap', '--dry-run');
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes: the job already has these mappings.');

    // import of the job's schema gives back the declaration, and export puts the schema back unchanged.
    writeFileSync(join(work, 'job.schema.json'), JSON.stringify(emulator.job.schema));
    const imported = await aadmap(['import', 'job.schema.json', '--out', 'imported.aadmap'], { cwd: work });
    expect(imported.status, imported.stderr).toBe(0);
    const importedText = readFileSync(join(work, 'imported.aadmap'), 'utf8');
    expect(importedText.startsWith('target chatwork\n')).toBe(true);
    expect(importedText).toContain(`\n  ${DECLARATION}\n`);
    const exported = await aadmap(['export', 'imported.aadmap', '--base', 'job.schema.json'], { cwd: work });
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual(emulator.job.schema);
  });

  it('refuses to remove an attribute a mapping still uses, and removes it once no mapping does', async () => {
    const text = withLines(await pull('live.aadmap'), DECLARATION, `${COST_CENTER} <- [department]`);
    writeFileSync(join(work, 'live.aadmap'), text);
    expect((await deploy('live.aadmap', '--yes')).status).toBe(0);
    const withAttribute = structuredClone(emulator.job.schema);

    writeFileSync(join(work, 'live.aadmap'), text.replace(DECLARATION, `attribute target "${COST_CENTER}" remove`));
    const refused = await deploy('live.aadmap', '--yes');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('removed-attribute-in-use');
    expect(emulator.job.schema).toEqual(withAttribute);

    writeFileSync(
      join(work, 'live.aadmap'),
      text.replace(DECLARATION, `attribute target "${COST_CENTER}" remove`).replace(`  ${COST_CENTER} <- [department]\n`, ''),
    );
    const removed = await deploy('live.aadmap', '--yes');
    expect(removed.status, removed.stderr).toBe(0);
    const names = (emulator.job.schema as any).directories
      .find((d: any) => d.name === 'customappsso')
      .objects[0].attributes.map((a: any) => a.name);
    expect(names).not.toContain(COST_CENTER);
    expect(names).toHaveLength(6);
  });
});

/**
 * Schemas the service runs check without errors and round-trip exactly (docs/real-schemas.md).
 * Every `*.schema.json` under fixtures/real/ (sources and licences: fixtures/real/README.md) imports,
 * checks with no error (warnings and notes allowed) and exports back deep-equal. Then one test per
 * form those schemas show, each naming the fixture line it comes from, with controls proving the
 * checker still reports what the service would refuse.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../grammar/mapping/index';
import { exportSchema } from '../../server/graph/export';
import { importSchema } from '../../server/graph/import';
import { toSourceTree } from '../../server/graph/source-tree';
import { parseExpression } from '../../grammar/expression/index';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';
import { analyzeMappingText } from '../../server/service/analysis';

const realDir = join(__dirname, 'fixtures', 'real');
const realSchemas = readdirSync(realDir)
  .filter((name) => name.endsWith('.schema.json'))
  .sort();

/** Diagnostics of `.aadmap` text as if saved in `dir` (its `target "…"` is read from there). */
function check(text: string, dir = realDir) {
  return analyzeMappingText(text, pathToFileURL(join(dir, 'job.aadmap')).href, createFileSchemaReader()).diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    text: text.slice(d.start, d.end),
    message: d.message,
  }));
}

const errors = (text: string, dir?: string) => check(text, dir).filter((d) => d.severity === 'error');

function fixtureLine(schema: string, prefix: string): string {
  const imported = importSchema(JSON.parse(readFileSync(join(realDir, schema), 'utf8')), { target: { path: schema } });
  const line = imported.text.split('\n').find((l) => l.trimStart().startsWith(`${prefix} `));
  if (!line) throw new Error(`${schema} has no line starting with ${prefix}`);
  // Without the alignment import adds before the arrow.
  return line.trim().replace(/^(\S+)\s+<-/, '$1 <-');
}

/** A one-block file onto a fixture's schema, holding `line` (taken from the fixture). */
function block(schema: string, header: string, ...lines: string[]): string {
  return `target "${schema}"\n\n${header} {\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`;
}

describe('every real schema in test/', () => {
  it('there are real schemas to check', () => {
    expect(realSchemas.length).toBeGreaterThanOrEqual(3);
  });

  it.each(realSchemas)('%s imports, checks without errors and round-trips exactly', (name) => {
    const schema = JSON.parse(readFileSync(join(realDir, name), 'utf8'));
    const imported = importSchema(schema, { target: { path: name } });
    expect(imported.problems).toEqual([]);
    expect(errors(imported.text)).toEqual([]);
    const exported = exportSchema(parseMappingFile(imported.text).ast, schema);
    expect(exported.problems).toEqual([]);
    expect(exported.schema).toEqual(schema);
  });
});

describe('forms real schemas show', () => {
  const cloud = 'entra-cloud-sync.schema.json';
  const cloudUser = 'mapping "m" user -> User';
  const workday = 'workday-inbound.schema.json';

  it('Trim (entra-cloud-sync: ExtensionAttribute3) is known, with an information note', () => {
    const line = fixtureLine(cloud, 'ExtensionAttribute3');
    expect(line).toBe('ExtensionAttribute3 <- Trim([extensionAttribute3])');
    const found = check(
      block(
        cloud,
        cloudUser,
        'SourceAnchor <- [objectGUID]  match 1',
        'displayName <- [displayName]',
        'userPrincipalName <- [userPrincipalName]',
        line,
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: 'legacy-function',
        severity: 'info',
        text: 'Trim',
        message: expect.stringContaining("not in Microsoft's public reference"),
      }),
    ]);
  });

  it('Error("…") as the last branch of IIF (entra-cloud-sync: userPrincipalName) is known, with a note', () => {
    const line = fixtureLine(cloud, 'userPrincipalName');
    expect(line).toContain('Error("userPrincipalName is missing")');
    const found = check(block(cloud, cloudUser, 'SourceAnchor <- [objectGUID]  match 1', 'displayName <- [displayName]', line));
    expect(found.filter((d) => d.text === 'Error')).toEqual([expect.objectContaining({ code: 'legacy-function', severity: 'info' })]);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('FormatDateTime with an empty position, three arguments (entra-cloud-sync: passwordLastSetTime) is a warning', () => {
    const line = fixtureLine(cloud, 'passwordLastSetTime');
    expect(line).toBe('passwordLastSetTime <- FormatDateTime(DateFromNum([pwdLastSet]), , "yyyyMMddHHmmss.0Z")');
    const found = check(
      block(
        cloud,
        cloudUser,
        'SourceAnchor <- [objectGUID]  match 1',
        'displayName <- [displayName]',
        'userPrincipalName <- [userPrincipalName]',
        line,
      ),
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: 'argument-count',
        severity: 'warning',
        text: 'FormatDateTime',
        message: expect.stringContaining('dateTimeStyles?'),
      }),
    ]);
  });

  it('an edited three-argument FormatDateTime is sent to Graph with the keys of that form (source, outputFormat)', () => {
    const schema = JSON.parse(readFileSync(join(realDir, cloud), 'utf8'));
    const mapping = schema.synchronizationRules[0].objectMappings[0].attributeMappings.find(
      (m: { targetAttributeName: string }) => m.targetAttributeName === 'passwordLastSetTime',
    );
    const built = toSourceTree(parseExpression(mapping.source.expression).ast!);
    expect('tree' in built && built.tree.parameters.map((p) => p.key)).toEqual(['source', 'outputFormat']);
    expect('tree' in built && built.tree.parameters[1]!.value.name).toBe('yyyyMMddHHmmss.0Z');
  });

  it('IIF with its last position empty (entra-cloud-sync: mail) is a warning', () => {
    const line = fixtureLine(cloud, 'mail');
    expect(line).toBe('mail <- IIF(IsPresent([mail]), [mail], )');
    const found = check(
      block(
        cloud,
        cloudUser,
        'SourceAnchor <- [objectGUID]  match 1',
        'displayName <- [displayName]',
        'userPrincipalName <- [userPrincipalName]',
        line,
      ),
    );
    expect(found.filter((d) => d.code === 'missing-argument')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a disabled object mapping with no name and source object "" (entra-cloud-sync) has no errors', () => {
    const text = `target "${cloud}"\n\nmapping "" "" -> Contact {\n  enabled false\n\n  displayName <- none  match 1  default "."\n}\n`;
    expect(check(text)).toEqual([]);
  });

  it('a disabled object mapping is checked lightly: what would be errors are warnings', () => {
    const text = block(cloud, 'mapping "m" user -> User', 'enabled false', 'displayName <- Trimm([displayName])', 'surname <- [sn');
    const found = check(text);
    // The parser's syntax error stays an error: the file must still read.
    expect(found.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['unterminated-attribute']);
    expect(found.find((d) => d.code === 'unknown-function')).toMatchObject({ severity: 'warning', text: 'Trimm' });
  });

  it('required attributes apply where the service creates objects: not in an Update-only mapping (workday-inbound: contact)', () => {
    const user = 'mapping "m" Worker -> user';
    expect(errors(block(workday, user, 'flowTypes Update', 'employeeID <- [WorkerID]  match 1'))).toEqual([]);
    // Control: with Add (the default flowTypes) the same block misses parentDistinguishedName and sAMAccountName.
    expect(errors(block(workday, user, 'employeeID <- [WorkerID]  match 1'))).toEqual([
      expect.objectContaining({
        code: 'missing-required-attribute',
        message: expect.stringContaining("'parentDistinguishedName', 'sAMAccountName'"),
      }),
    ]);
  });

  it('an object the shortened directories list leaves out (workday-inbound: contact) is a warning', () => {
    const found = check(block(workday, 'mapping "m" Worker -> contact', 'flowTypes Update', 'mail <- [Email]  match 1'));
    expect(found).toEqual([expect.objectContaining({ code: 'unknown-object', severity: 'warning', text: 'contact' })]);
  });

  it('controls: an unknown function and an object a built-in target lacks stay errors', () => {
    expect(errors(block(cloud, cloudUser, 'displayName <- Trm([displayName])'))).toContainEqual(
      expect.objectContaining({ code: 'unknown-function', message: expect.stringContaining("Did you mean 'Trim'") }),
    );
    expect(errors('target chatwork\n\nmapping "m" User -> Contact {\n  userName <- [userPrincipalName]  match 1\n}\n')).toContainEqual(
      expect.objectContaining({ code: 'unknown-object', text: 'Contact' }),
    );
  });
});

describe("a job's function list kept beside the schema", () => {
  const dir = mkdtempSync(join(tmpdir(), 'aadmap-functions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'job.schema.json'), readFileSync(join(realDir, 'scim-app-short-directories.schema.json')));
  const header = 'mapping "m" User -> "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"';
  const text = (...lines: string[]) => block('job.schema.json', header, 'userName <- [userPrincipalName]  match 1', ...lines);

  it('without a list, a function the catalogue does not know is an error', () => {
    expect(errors(text('displayName <- PadLeft([displayName], 10)'), dir)).toEqual([
      expect.objectContaining({ code: 'unknown-function', text: 'PadLeft' }),
    ]);
  });

  it('with the list, its functions are known with their parameters, and legacy ones it names get a note', () => {
    writeFileSync(
      join(dir, 'job.functions.json'),
      JSON.stringify({
        value: [
          {
            name: 'PadLeft',
            parameters: [
              { name: 'source', type: 'String', required: true, allowMultipleOccurrences: false },
              { name: 'totalWidth', type: 'Integer', required: true, allowMultipleOccurrences: false },
            ],
          },
          { name: 'Prepend', parameters: [] },
        ],
      }),
    );
    const found = check(
      text('displayName <- PadLeft([displayName], 10)', 'externalId <- Prepend("AAD-", [objectId])', 'title <- PadLeft([jobTitle])'),
      dir,
    );
    expect(found.filter((d) => d.text === 'PadLeft' || d.text === 'Prepend')).toEqual([
      expect.objectContaining({
        code: 'legacy-function',
        severity: 'info',
        text: 'PadLeft',
        message: expect.stringContaining('job.functions.json'),
      }),
      expect.objectContaining({ code: 'legacy-function', severity: 'info', text: 'Prepend' }),
      expect.objectContaining({ code: 'legacy-function', severity: 'info', text: 'PadLeft' }),
    ]);
    // The list's parameters count: PadLeft needs its totalWidth.
    expect(errors(text('title <- PadLeft([jobTitle])'), dir)).toEqual([
      expect.objectContaining({ code: 'argument-count', message: expect.stringContaining('PadLeft takes exactly 2 arguments') }),
    ]);
  });

  it('a list that is not JSON is a warning, and only the built-in functions are known', () => {
    writeFileSync(join(dir, 'job.functions.json'), '{ not json');
    const found = check(text('displayName <- PadLeft([displayName], 10)'), dir);
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'unknown-target', severity: 'warning', message: expect.stringContaining('job.functions.json') }),
    );
    expect(found).toContainEqual(expect.objectContaining({ code: 'unknown-function', severity: 'error', text: 'PadLeft' }));
  });
});

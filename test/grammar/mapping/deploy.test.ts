/** The `deploy` header statement: fields with their values and ranges; recovery on malformed lines. */
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../../grammar/mapping/index';

const fields = (text: string) =>
  (parseMappingFile(text).ast.deploys ?? []).map((d) => d.fields.map((f) => [f.name.text, f.value.value, text.slice(f.start, f.end)]));

describe('deploy statement', () => {
  it.each([
    [
      'deploy tenant "contoso.onmicrosoft.com" servicePrincipal "sp" job "scim.1"\n',
      [
        [
          ['tenant', 'contoso.onmicrosoft.com', 'tenant "contoso.onmicrosoft.com"'],
          ['servicePrincipal', 'sp', 'servicePrincipal "sp"'],
          ['job', 'scim.1', 'job "scim.1"'],
        ],
      ],
    ],
    ['deploy job "a\\"b"  # comment\n', [[['job', 'a"b', 'job "a\\"b"']]]],
    ['deploy\n', [[]]],
    ['target chatwork\ndeploy job "j"\n\nmapping "m" User -> User {\n}\n', [[['job', 'j', 'job "j"']]]],
  ])('%j', (text, expected) => {
    expect(parseMappingFile(text).diagnostics).toEqual([]);
    expect(fields(text)).toEqual(expected);
  });

  it('is absent from files without one', () => {
    expect(parseMappingFile('target chatwork\n').ast.deploys).toBeUndefined();
  });

  it.each([
    ['deploy tenant\n', 'Expected a string but found the end of the line'],
    ['deploy 12\n', 'Unexpected \'12\': expected name "value" pairs (tenant, servicePrincipal, job)'],
    ['deploy "x"\n', 'Unexpected \'"x"\': expected name "value" pairs (tenant, servicePrincipal, job)'],
  ])('reports %j and keeps reading the file', (text, message) => {
    const { ast, diagnostics } = parseMappingFile(`${text}mapping "m" User -> User {\n  userName <- [mail]\n}\n`);
    expect(diagnostics.map((d) => d.message)).toEqual([message]);
    expect(ast.mappings).toHaveLength(1);
  });

  it('keeps identifiers that start with deploy usable', () => {
    const { ast, diagnostics } = parseMappingFile('mapping "m" User -> User {\n  deployment <- deployed([x])\n}\n');
    expect(diagnostics).toEqual([]);
    expect(ast.mappings[0]!.items).toHaveLength(1);
  });
});

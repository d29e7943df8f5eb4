/**
 * Attribute paths (a mapping's targetAttributeName) and PATCH paths (RFC 7644 §3.5.2 Figure 8),
 * from fixtures/paths.txt; both entry points share the syntax.
 */
import { describe, expect, it } from 'vitest';
import { parseAttributePath, parsePatchPath, parseScimFilter, printScimPath } from '../../../grammar/scim/index';
import { pathSexpr, readArrowFixture, renderDiagnostics } from './fixture-support';

describe.each([
  ['parseAttributePath', parseAttributePath],
  ['parsePatchPath', parsePatchPath],
] as const)('%s', (_name, parse) => {
  for (const c of readArrowFixture('paths.txt')) {
    const [tree, canonical] = c.expected.split('  ~  ');
    it(`line ${c.line}: ${JSON.stringify(c.input)}`, () => {
      const { ast, diagnostics } = parse(c.input);
      expect(renderDiagnostics(diagnostics)).toEqual([]);
      expect(pathSexpr(ast!)).toBe(tree);
      const printed = printScimPath(ast!);
      expect(printed).toBe(canonical);
      expect(printScimPath(parse(printed).ast!)).toBe(printed);
      // `text` is the source text of the range.
      expect(ast!.text).toBe(c.input.trim());
      expect(c.input.slice(ast!.start, ast!.end)).toBe(ast!.text);
    });
  }
});

describe('path details', () => {
  it('splits a URN at the last colon', () => {
    const { ast } = parseAttributePath('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department');
    expect(ast!.attribute).toMatchObject({
      kind: 'attributePath',
      uri: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
      name: 'department',
      start: 0,
      end: 69,
    });
    expect(ast!.attribute.subAttribute).toBeUndefined();
  });

  it('gives the sub-attribute after ] a range covering its name', () => {
    const text = 'emails[type eq "work"].value';
    const { ast } = parsePatchPath(text);
    expect(ast!.subAttribute).toEqual({ name: 'value', start: 23, end: 28 });
    expect(ast!.filter).toMatchObject({ kind: 'attributeExpression', start: 7, end: 21 });
    expect(ast).toMatchObject({ start: 0, end: 28, text });
  });

  it('keeps a filter path inside brackets relative to its parent', () => {
    const { ast } = parseScimFilter('emails[type eq "work"]');
    expect(ast).toMatchObject({ kind: 'valuePath', path: { name: 'emails' }, filter: { path: { name: 'type', text: 'type' } } });
  });

  it('returns no tree when a path does not start with a name', () => {
    const { ast, diagnostics } = parseAttributePath('[type eq "x"]');
    expect(ast).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
  });
});

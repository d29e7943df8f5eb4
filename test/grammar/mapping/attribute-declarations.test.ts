/**
 * `attribute target|source "NAME" TYPE FLAGS…` declarations (docs/custom-attributes.md): their
 * parts and ranges, the same tree from the fast path and the reference parser, errors with
 * positions, and the lines the keywords leave usable.
 */
import { describe, expect, it } from 'vitest';
import { fastParsePiece } from '../../../grammar/mapping/fast-path';
import { attributeDeclarationsOf, parseMappingFile, parseMappingFileWhole } from '../../../grammar/mapping/index';

const block = (lines: string) => `mapping "m" User -> User {\n${lines}\n  userName <- [userPrincipalName] match 1\n}\n`;

function declarations(text: string) {
  const result = parseMappingFile(text);
  expect(result).toStrictEqual(parseMappingFileWhole(text));
  return {
    diagnostics: result.diagnostics,
    declarations: attributeDeclarationsOf(result.ast.mappings[0]!).map((d) => ({
      side: d.side?.text,
      name: d.name?.text,
      type: d.type?.text,
      flags: d.flags.map((f) => [f.name.text, ...f.values.map((v) => v.value)]),
      text: text.slice(d.start, d.end),
    })),
  };
}

describe('attribute declarations', () => {
  it.each([
    [
      '  attribute target "urn:ietf:params:scim:schemas:extension:contoso:2.0:User:costCenter" String required caseExact',
      {
        side: 'target',
        name: 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User:costCenter',
        type: 'String',
        flags: [['required'], ['caseExact']],
      },
    ],
    [
      '  attribute source extension_0a1b_costCenter String multiValued',
      { side: 'source', name: 'extension_0a1b_costCenter', type: 'String', flags: [['multiValued']] },
    ],
    [
      '  attribute target manager Reference referencedObject "User" apiExpression "Get" "x/y"  # a comment',
      {
        side: 'target',
        name: 'manager',
        type: 'Reference',
        flags: [
          ['referencedObject', 'User'],
          ['apiExpression', 'Get', 'x/y'],
        ],
      },
    ],
    ['  attribute target "badge" remove', { side: 'target', name: 'badge', type: undefined, flags: [['remove']] }],
    ['  attribute\ttarget\t"t"\tBoolean', { side: 'target', name: 't', type: 'Boolean', flags: [] }],
    ['  attribute target "t"', { side: 'target', name: 't', type: undefined, flags: [] }],
  ])('%s', (line, expected) => {
    const text = block(line);
    const result = declarations(text);
    expect(result.diagnostics).toEqual([]);
    // The fast path reads a well-formed declaration itself (and gives the reference parser's tree, above).
    expect(fastParsePiece(text, 0, text.length)).toBeDefined();
    expect(result.declarations).toEqual([{ ...expected, text: line.replace(/\s*#.*$/, '').trim() }]);
  });

  it.each([
    ['  attribute', 'Expected target or source, then the attribute'],
    ['  attribute "x" String', 'target'],
    ['  attribute target String 5', '5'],
  ])('reports %j with its position and keeps reading the block', (line, message) => {
    const text = block(line);
    const result = parseMappingFile(text);
    expect(result).toStrictEqual(parseMappingFileWhole(text));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    const first = result.diagnostics[0]!;
    expect(first.message).toContain(message);
    expect(first.start).toBeGreaterThanOrEqual(text.indexOf('attribute'));
    expect(result.ast.mappings[0]!.items.some((i) => i.kind === 'attributeMapping')).toBe(true);
  });

  it('keeps mapping lines whose target is called attribute or source', () => {
    const result = declarations(block('  attribute <- [department]\n  source <- [jobTitle]'));
    expect(result.diagnostics).toEqual([]);
    expect(result.declarations).toEqual([]);
  });
});

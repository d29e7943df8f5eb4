/**
 * The editor's statement view (grammar/mapping/statement-view.ts: completion, hover, signature help
 * and inlay hints read the statement around the cursor without parsing the file) agrees with the
 * parser, as the fast paths are proven equal to the reference parser: on generated well-formed files
 * (every keyword, modifier and scoping operator of the vocabulary, expressions continued over lines,
 * comments, CRLF), at the start, inside and at the end of every statement the parser reads, the view
 * finds exactly that statement's tokens and the block the parser puts it in. Seeded: a failure
 * prints its seed and the shrunk file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../grammar/common/line-index';
import { parseMappingFile, type ObjectMappingBlock } from '../../grammar/mapping/index';
import { statementAt, tokenEnd, type StatementContainer, type StatementSource } from '../../grammar/mapping/statement-view';
import { FLOW_BEHAVIORS, FLOW_TYPES, OBJECT_FLOW_FLAGS, SCOPE_OPERATORS } from '../../grammar/mapping/vocabulary';
import { runs } from './invariants';
import { yieldingProperty } from '../support/event-loop';

function sourceOf(text: string): StatementSource {
  const braces: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '{' || text[i] === '}') braces.push(i);
  return { text, lines: new LineIndex(text), braces };
}

const name = fc.constantFrom('Sync users', 'Groups "quoted"', 'x', 'back\\slash');
const quoted = (text: string) => JSON.stringify(text);
const objectName = fc.constantFrom('User', 'Group', '"urn:ietf:params:scim:schemas:core:2.0:User"');
const attribute = fc.constantFrom('[mail]', '[department]', '[extension_abc_costCenter]', '[givenName]');
const targetPath = fc.constantFrom('userName', 'name.givenName', 'emails[type eq "work"].value', 'title', 'active');

/** A source expression; some continue over lines inside their parentheses. */
const source = fc.oneof(
  attribute,
  fc.constantFrom('"constant"', '42', 'none'),
  fc.tuple(attribute, attribute).map(([a, b]) => `Join(" ", ${a}, ${b})`),
  fc.tuple(attribute, attribute).map(([a, b]) => `Coalesce(\n      ${a},\n      ${b}\n    )`),
  attribute.map((a) => `IIF(${a} = "x", "y",\n      ToLower(${a}))`),
);

const modifiers = fc.subarray(['match', 'default', 'flow', 'behavior', 'export'] as const, { maxLength: 4 }).chain((kinds) =>
  fc.tuple(
    ...kinds.map((kind) => {
      switch (kind) {
        case 'match':
          return fc.integer({ min: 1, max: 3 }).map((n) => `match ${n}`);
        case 'default':
          return fc.constantFrom('default "n/a"', 'default ""');
        case 'flow':
          return fc.oneof(fc.constant('on create'), fc.constantFrom(...FLOW_TYPES.map((t) => `flowType ${t.name}`)));
        case 'behavior':
          return fc.constantFrom(...FLOW_BEHAVIORS.map((b) => `flowBehavior ${b.name}`));
        case 'export':
          return fc.constant('exportMissingReferences');
      }
    }),
  ),
);

const mappingLine = fc
  .tuple(targetPath, source, modifiers, fc.boolean())
  .map(([target, src, mods, comment]) => `    ${[target, '<-', src, ...mods].join(' ')}${comment ? '  # note' : ''}`);

const clause = fc
  .constantFrom(...SCOPE_OPERATORS)
  .chain((o) =>
    fc
      .tuple(attribute, fc.constantFrom(' ', '  ', '\t'))
      .map(([a, space]) =>
        o.values === 'none'
          ? `      ${a} ${o.label.replace(/ /g, space)}`
          : `      ${a} ${o.label.replace(/ /g, space)} ${o.values === 'integer' ? '5, 7' : '"a", "b"'}`,
      ),
  );

const scope = fc
  .tuple(name, fc.array(clause, { minLength: 1, maxLength: 3 }))
  .map(([n, clauses]) => [`  scope ${quoted(n)} {`, ...clauses, '  }'].join('\n'));

const setting = fc.oneof(
  fc.constantFrom('  enabled true', '  enabled false', '  flowTypes None'),
  fc.subarray([...OBJECT_FLOW_FLAGS], { minLength: 1 }).map((flags) => `  flowTypes ${flags.join(', ')}`),
);

const block = fc
  .tuple(name, objectName, objectName, fc.array(fc.oneof({ weight: 4, arbitrary: mappingLine }, scope, setting), { maxLength: 6 }))
  .map(([n, from, to, items]) =>
    [`mapping ${quoted(n)} ${from} -> ${to} {`, ...items.map((i) => i.replace(/^ {2}/, '  ')), '}'].join('\n'),
  );

const wellFormedFile = fc
  .tuple(
    fc.constantFrom('', 'target chatwork\n', '# header\ntarget "schema.json"\n'),
    fc.array(block, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([target, blocks, eol]) => `${target}${blocks.join('\n\n')}\n`.replace(/\n/g, eol).replace(/\r\r\n/g, '\r\n'));

const unquote = (image: string) => (image.startsWith('"') ? (JSON.parse(image) as string) : image);

function expectedHeader(block: ObjectMappingBlock) {
  return {
    start: block.keyword.start,
    name: block.name?.value,
    sourceObject:
      block.sourceObject && unquote(block.sourceObject.quoted ? JSON.stringify(block.sourceObject.text) : block.sourceObject.text),
    targetObject:
      block.targetObject && unquote(block.targetObject.quoted ? JSON.stringify(block.targetObject.text) : block.targetObject.text),
  };
}

function headerOf(container: StatementContainer) {
  const header = container.kind === 'file' ? undefined : container.header;
  return header && { start: header.start, name: header.name, sourceObject: header.sourceObject, targetObject: header.targetObject };
}

/** The view reads a statement from its first line down to the offset's line (what completion needs). */
function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  while (end > offset && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

/** Offsets to look from: a statement's first character, one inside, its last character. */
const probes = (text: string, start: number, end: number) =>
  [...new Set([start, Math.floor((start + end) / 2), Math.max(start, end - 1)])].map((o) =>
    // Between the CR and the LF of a line break is no editor position: look from the CR.
    text[o] === '\n' && text[o - 1] === '\r' ? o - 1 : o,
  );

function checkAgreement(text: string): void {
  const parsed = parseMappingFile(text);
  expect(parsed.diagnostics, 'the generator writes well-formed files').toEqual([]);
  const view = sourceOf(text);
  const statementAround = (offset: number) => {
    const statement = statementAt(view, offset);
    const tokens = statement.tokens;
    return { statement, start: tokens[0]?.startOffset, end: tokens.length ? tokenEnd(tokens[tokens.length - 1]!) : undefined };
  };
  for (const target of parsed.ast.targets) {
    for (const offset of probes(text, target.start, target.end)) {
      const { statement, start, end } = statementAround(offset);
      expect({ start, end, container: statement.container.kind }).toEqual({
        start: target.start,
        end: Math.min(target.end, lineEnd(text, offset)),
        container: 'file',
      });
    }
  }
  for (const block of parsed.ast.mappings) {
    const header = expectedHeader(block);
    for (const item of block.items) {
      if (item.kind === 'scope') {
        const openBrace = text.indexOf('{', item.name!.end);
        for (const clause of item.clauses) {
          for (const offset of probes(text, clause.start, clause.end)) {
            const { statement, start, end } = statementAround(offset);
            expect({ start, end }).toEqual({ start: clause.start, end: Math.min(clause.end, lineEnd(text, offset)) });
            expect(statement.container.kind).toBe('scope');
            expect(statement.container.kind === 'scope' && statement.container.openBrace).toBe(openBrace);
            expect(headerOf(statement.container)).toEqual(header);
          }
        }
        continue;
      }
      for (const offset of probes(text, item.start, item.end)) {
        const { statement, start, end } = statementAround(offset);
        expect({ start, end }).toEqual({ start: item.start, end: Math.min(item.end, lineEnd(text, offset)) });
        expect(statement.container.kind).toBe('mapping');
        expect(headerOf(statement.container)).toEqual(header);
        if (statement.container.kind === 'mapping') expect(text[statement.container.header.openBrace]).toBe('{');
      }
    }
  }
}

describe('the statement view agrees with the parser', () => {
  it('on a hand-written file (the check is not vacuous)', () => {
    const text =
      'target chatwork\nmapping "M" User -> Group {\n  scope "S" {\n    [a] IS NOT NULL\n  }\n  x <- Join(",",\n    [a]) match 1\n}\n';
    checkAgreement(text);
    const statement = statementAt(sourceOf(text), text.indexOf('[a])'));
    expect(statement.tokens.map((t) => t.image)).toEqual(['x', '<-', 'Join', '(', '","', ',', '[a]', ')', 'match', '1']);
    expect(headerOf(statement.container)).toEqual({ start: 16, name: 'M', sourceObject: 'User', targetObject: 'Group' });
  });

  it('on generated well-formed files', async () => {
    await fc.assert(
      yieldingProperty(wellFormedFile, (text) => checkAgreement(text)),
      { numRuns: runs(60), seed: 20260214 },
    );
  });
});

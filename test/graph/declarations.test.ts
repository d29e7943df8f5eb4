/**
 * Attribute declarations against a job schema (docs/custom-attributes.md): export adds, updates and
 * removes exactly the declared attributeDefinitions; a removal still used by any object mapping is
 * refused; import writes declarations for what the directories add to the built-in template, and
 * the round trip is exact; the what-if lists attribute changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../grammar/mapping/index';
import { diffSchemas, formatDiff } from '../../server/graph/diff';
import { exportSchema } from '../../server/graph/export';
import { fitsChatwork, importSchema } from '../../server/graph/import';

const chatwork = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'fixtures', 'chatwork-sample-schema.json'), 'utf8'));
const COST_CENTER = 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User:costCenter';
const EXTENSION = 'extension_0a1b2c3d4e5f60718293a4b5c6d7e8f9_costCenter';
const base = () => importSchema(chatwork, { target: { builtin: 'chatwork' } }).text;
const withLines = (text: string, ...lines: string[]) => text.replace(/\n}\n$/, `\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`);
const run = (text: string, schema: unknown = chatwork) => exportSchema(parseMappingFile(text).ast, schema);
const target = (schema: any) => schema.directories.find((d: any) => d.name === 'customappsso').objects[0];
const source = (schema: any) => schema.directories.find((d: any) => d.name === 'Azure Active Directory').objects[0];

/** The sample schema with one more attribute in a directory object. */
function schemaWith(side: 'target' | 'source', attribute: Record<string, unknown>): any {
  const schema = structuredClone(chatwork);
  (side === 'target' ? target(schema) : source(schema)).attributes.push(attribute);
  return schema;
}

const NEW_ATTRIBUTE = {
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
};

describe('export of declarations', () => {
  it('adds exactly the declared target attribute (and the mapping), nothing else', () => {
    const text = withLines(base(), `attribute target "${COST_CENTER}" String`, `${COST_CENTER} <- [department]`);
    const { schema, problems } = run(text);
    expect(problems).toEqual([]);
    const expected = schemaWith('target', NEW_ATTRIBUTE);
    expect(schema!.directories).toEqual(expected.directories);
    const mappings = (schema as any).synchronizationRules[0].objectMappings[0].attributeMappings;
    expect(mappings.slice(0, -1)).toEqual(chatwork.synchronizationRules[0].objectMappings[0].attributeMappings);
    expect(mappings.at(-1).targetAttributeName).toBe(COST_CENTER);
    const diff = diffSchemas(chatwork, schema);
    expect(diff.attributes).toEqual([
      {
        kind: 'added',
        side: 'target',
        directory: 'customappsso',
        object: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
        name: COST_CENTER,
        after: `attribute target "${COST_CENTER}" String`,
      },
    ]);
    expect(formatDiff(diff)).toContain(
      `+ attribute target "${COST_CENTER}" String  (customappsso urn:ietf:params:scim:schemas:extension:enterprise:2.0:User)`,
    );
    expect(diff.afterText).toContain(`  attribute target "${COST_CENTER}" String\n`);
    expect(diff.beforeText).not.toContain('attribute target');
  });

  it('writes every flag as its Graph field, and a source extension attribute into the source directory', () => {
    const text = withLines(
      base(),
      `attribute target "${COST_CENTER}" Reference required multiValued caseExact referencedObject "User" apiExpression "Get" "x/y"`,
      `attribute source ${EXTENSION} Integer`,
    );
    const { schema, problems } = run(text);
    expect(problems).toEqual([]);
    expect(target(schema).attributes.at(-1)).toEqual({
      ...NEW_ATTRIBUTE,
      caseExact: true,
      multivalued: true,
      required: true,
      type: 'Reference',
      referencedObjects: [{ referencedObjectName: 'User', referencedProperty: null }],
      apiExpressions: [{ key: 'Get', value: 'x/y' }],
    });
    expect(source(schema).attributes.at(-1)).toEqual({ ...NEW_ATTRIBUTE, name: EXTENSION, type: 'Integer' });
    expect(source(schema).attributes.slice(0, -1)).toEqual(source(chatwork).attributes);
  });

  it('updates only the changed fields of an existing attribute and keeps its other fields', () => {
    const existing = { ...NEW_ATTRIBUTE, mutability: 'Immutable', metadata: [{ key: 'k', value: 'v' }] };
    const { schema, problems } = run(
      withLines(base(), `attribute target "${COST_CENTER}" String required`),
      schemaWith('target', existing),
    );
    expect(problems).toEqual([]);
    expect(target(schema).attributes.at(-1)).toEqual({ ...existing, required: true });
  });

  it('removes an unused attribute; refuses to remove one that an object mapping still uses', () => {
    const schema = schemaWith('target', NEW_ATTRIBUTE);
    const removed = run(withLines(base(), `attribute target "${COST_CENTER}" remove`), schema);
    expect(removed.problems).toEqual([]);
    expect(removed.schema!.directories).toEqual(chatwork.directories);
    expect(formatDiff(diffSchemas(schema, removed.schema))).toContain(`- attribute target "${COST_CENTER}" String`);
    // Removing an attribute that is absent changes nothing.
    expect(run(withLines(base(), `attribute target "other" remove`)).schema).toEqual(chatwork);

    // Another object mapping of the job (not in this file) still writes it.
    const shared = structuredClone(schema);
    const other = structuredClone(shared.synchronizationRules[0].objectMappings[0]);
    other.name = 'Another mapping';
    other.attributeMappings = [{ ...other.attributeMappings[0], targetAttributeName: COST_CENTER }];
    shared.synchronizationRules[0].objectMappings.push(other);
    const refused = run(withLines(base(), `attribute target "${COST_CENTER}" remove`), shared);
    expect(refused.schema).toBeUndefined();
    expect(refused.problems.map((p) => p.message)).toEqual([
      `'${COST_CENTER}' cannot be removed: object mapping "Another mapping" still uses it.`,
    ]);

    // A source extension attribute read by a mapping's expression.
    const read = schemaWith('source', { ...NEW_ATTRIBUTE, name: EXTENSION });
    read.synchronizationRules[0].objectMappings[0].attributeMappings[2].source = {
      expression: `[${EXTENSION}]`,
      name: EXTENSION,
      parameters: [],
      type: 'Attribute',
    };
    const text = importSchema(read, { target: { builtin: 'chatwork' } }).text;
    expect(
      run(text.replace(`attribute source ${EXTENSION} String`, `attribute source ${EXTENSION} remove`), read).problems.map(
        (p) => p.message,
      ),
    ).toEqual([`'${EXTENSION}' cannot be removed: object mapping "Synchronize Azure Active Directory Users to Chatwork" still uses it.`]);
  });
});

describe('import of the attributes beyond the template', () => {
  it('writes declarations for the extra target and source attributes; the round trip is exact', () => {
    const schema = schemaWith('target', { ...NEW_ATTRIBUTE, required: true, caseExact: true, mutability: 'Immutable' });
    source(schema).attributes.push({ ...NEW_ATTRIBUTE, name: EXTENSION, multivalued: true });
    schema.synchronizationRules[0].objectMappings[0].attributeMappings.push({
      ...schema.synchronizationRules[0].objectMappings[0].attributeMappings[2],
      targetAttributeName: COST_CENTER,
      source: { expression: `[${EXTENSION}]`, name: EXTENSION, parameters: [], type: 'Attribute' },
    });
    expect(fitsChatwork(schema)).toBe(true);
    const { text, problems } = importSchema(schema, { target: { builtin: 'chatwork' } });
    expect(problems).toEqual([]);
    expect(text).toContain(
      `\n  attribute target "${COST_CENTER}" String required caseExact\n  attribute source ${EXTENSION} String multiValued\n\n`,
    );
    expect(run(text, schema).schema).toEqual(schema);
    // Without a built-in target (a schema file holds the directories), nothing is declared.
    expect(importSchema(schema, { target: { path: 'x.json' } }).text).not.toContain('attribute ');
  });

  it('does not write Chatwork as the target when an extra attribute cannot be declared', () => {
    const schema = schemaWith('target', { ...NEW_ATTRIBUTE, type: 'Decimal' });
    schema.synchronizationRules[0].objectMappings[0].attributeMappings[2].targetAttributeName = COST_CENTER;
    expect(fitsChatwork(schema)).toBe(false);
    expect(importSchema(schema, { target: { builtin: 'chatwork' } }).problems).toEqual([
      `customappsso urn:ietf:params:scim:schemas:extension:enterprise:2.0:User: attribute '${COST_CENTER}' has type "Decimal", which a declaration cannot write`,
    ]);
  });
});

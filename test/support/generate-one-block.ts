/**
 * The other shape of real `.aadmap` files, shared by the tests and the benchmarks (bench/): ONE
 * `mapping` block of N attribute lines against an application schema of its own
 * (`target "schema.json"`: the Chatwork sample schema with N−1 extra String attributes custom1…).
 * Real provisioning jobs look like this — one or two object mappings holding many attribute
 * mappings — rather than many small blocks (./generate.ts). The lines vary: plain attributes,
 * Join, Switch, IIF, Replace with a regular expression, Coalesce. Deterministic, and it checks clean.
 */
import type { SchemaFileReader } from '../../server/service/schema-resolver';
import chatworkSampleSchema from '../schema/fixtures/chatwork-sample-schema.json';

/** The path the generated file names in its `target` line. */
export const ONE_BLOCK_SCHEMA_PATH = 'schema.json';

const SOURCE_ATTRIBUTES: readonly (readonly [string, string])[] = [
  ['userPrincipalName', 'String'],
  ['mail', 'String'],
  ['givenName', 'String'],
  ['surname', 'String'],
  ['department', 'String'],
  ['country', 'String'],
  ['companyName', 'String'],
];

function line(i: number): string {
  const target = `custom${i}`;
  switch (i % 6) {
    case 0:
      return `  ${target} <- [mail]`;
    case 1:
      return `  ${target} <- Join(" ", [givenName], [surname], "${i}")`;
    case 2:
      return `  ${target} <- Switch([department], "other ${i}", "Sales", "S", "Marketing", "M")`;
    case 3:
      return `  ${target} <- IIF([country] = "JP", "Tokyo ${i}", "Elsewhere")`;
    case 4:
      return `  ${target} <- Replace([mail], , "^(?<user>[^@]+)@.*$", "user", "u${i}", , )`;
    default:
      return `  ${target} <- Coalesce([companyName], [department], "n/a ${i}")`;
  }
}

/** A `.aadmap` file with one block of exactly `mappings` attribute-mapping lines. */
export function generateOneBlockFile(mappings: number): string {
  const lines = [
    '# Generated for the aadmap benchmarks: one block of many mappings.',
    `target "${ONE_BLOCK_SCHEMA_PATH}"`,
    '',
    'mapping "Synchronize Azure Active Directory Users to Chatwork" User -> User {',
    '  userName <- [userPrincipalName]  match 1',
  ];
  for (let i = 1; i < mappings; i++) lines.push(line(i));
  lines.push('}', '');
  return lines.join('\n');
}

/** The Graph synchronizationSchema the generated file targets, with its `mappings − 1` extra attributes. */
export function generateOneBlockSchema(mappings: number): unknown {
  const schema = structuredClone(chatworkSampleSchema) as {
    directories: { objects: { attributes: { name: string }[] }[] }[];
  };
  const attribute = (name: string, type: string) => ({
    anchor: false,
    caseExact: false,
    defaultValue: null,
    metadata: [],
    multivalued: false,
    mutability: 'ReadWrite',
    name,
    required: false,
    referencedObjects: [],
    type,
  });
  const source = schema.directories[0]!.objects[0]!.attributes;
  for (const [name, type] of SOURCE_ATTRIBUTES) if (!source.some((a) => a.name === name)) source.push(attribute(name, type));
  const target = schema.directories[1]!.objects[0]!.attributes;
  for (let i = 1; i < mappings; i++) target.push(attribute(`custom${i}`, 'String'));
  return schema;
}

/** A schema-file reader holding only the generated schema (no job function list beside it). */
export function oneBlockSchemaFiles(schema: unknown): SchemaFileReader {
  return { readJson: (path) => (path === ONE_BLOCK_SCHEMA_PATH ? { json: schema } : { error: 'no such file' }) };
}

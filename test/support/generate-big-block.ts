/**
 * The other shape of real files (shared by the tests and the benchmarks): ONE `mapping` block of N
 * attribute lines against `target "schema.json"`, a Graph synchronizationSchema whose target user
 * object has N attributes of its own. Lines vary as real ones do — plain attributes, Join, nested
 * Switch, IIF, Replace with a regular expression, Coalesce — and a few carry a mistake the checker
 * reports (an unknown source attribute, an unknown function, an attribute the schema lacks).
 * Deterministic: the same N always gives the same texts.
 */

/** The target object's Graph name (its alias `User` is what the mapping block writes). */
export const BIG_BLOCK_TARGET_OBJECT = 'urn:ietf:params:scim:schemas:core:2.0:User';
const CUSTOM = 'urn:ietf:params:scim:schemas:extension:contoso:2.0:User';

/** The target attribute written by line `i` (0-based) of the block. */
export function bigBlockAttribute(i: number): string {
  if (i === 0) return 'userName';
  if (i === 1) return 'active';
  return `${CUSTOM}:field${String(i).padStart(5, '0')}`;
}

/** One attribute line of the block (without indentation or line break). */
export function bigBlockLine(i: number): string {
  const target = bigBlockAttribute(i);
  if (i === 0) return `${target} <- [userPrincipalName]  match 1`;
  if (i === 1) return `${target} <- Switch([IsSoftDeleted], , "False", "True", "True", "False")`;
  const n = String(i);
  // A mistake on 3 lines in 100: each kind reported by another rule.
  if (i % 100 === 17) return `${target} <- Join(" ", [givenName], [surnme])`;
  if (i % 100 === 53) return `${target} <- Jion(" ", [givenName], [surname])`;
  if (i % 100 === 89) return `${CUSTOM}:missing${n} <- [department]`;
  switch (i % 6) {
    case 0:
      return `${target} <- [department]`;
    case 1:
      return `${target} <- Join(" ", [givenName], [surname], "${n}")`;
    case 2:
      return `${target} <- Switch([country], "Other ${n}", "JP", IIF([department] = "Sales", "Tokyo Sales", "Tokyo"), "US", Switch([state], "US", "WA", "Seattle"))`;
    case 3:
      return `${target} <- IIF([accountEnabled] = "True", "active ${n}", "inactive")`;
    case 4:
      return `${target} <- Replace([telephoneNumber], , "[^0-9+]", , "", , )`;
    default:
      return `${target} <- Coalesce([employeeId], [mailNickname], "n/a")  default "${n}"`;
  }
}

/** A `.aadmap` file with one mapping block of exactly `lines` attribute lines. */
export function generateBigBlockFile(lines: number, schemaPath = 'schema.json'): string {
  const out = [
    '# Generated for the aadmap benchmarks: one object mapping against an application schema of its own.',
    `target "${schemaPath}"`,
    '',
    'mapping "Provision Azure Active Directory Users to Contoso" User -> User {',
  ];
  for (let i = 0; i < lines; i++) out.push(`  ${bigBlockLine(i)}`);
  out.push('}', '');
  return out.join('\n');
}

/** The Graph synchronizationSchema `target "schema.json"` reads: a target user object with `attributes` attributes. */
export function generateBigBlockSchema(attributes: number): object {
  const list: object[] = [];
  for (let i = 0; i < attributes; i++) {
    list.push({
      name: bigBlockAttribute(i),
      type: i === 1 ? 'Boolean' : 'String',
      multivalued: false,
      required: i === 0,
      anchor: false,
      caseExact: false,
      mutability: 'ReadWrite',
      referencedObjects: [],
    });
  }
  return {
    id: 'contoso',
    version: 'Date:2026-01-01',
    synchronizationRules: [
      { name: 'USER_OUTBOUND_USER', sourceDirectoryName: 'Azure Active Directory', targetDirectoryName: 'customappsso' },
    ],
    directories: [{ name: 'customappsso', objects: [{ name: BIG_BLOCK_TARGET_OBJECT, attributes: list }] }],
  };
}

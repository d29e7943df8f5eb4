/**
 * Generated `.aadmap` files, shared by the tests and the benchmarks (bench/): N attribute mappings in blocks of five, each block a
 * Chatwork-style object mapping (a matching `userName`, `active` from IsSoftDeleted, nested
 * string functions, constants, modifiers, and a scoping filter on every fourth block). The text is
 * deterministic (no randomness): the same N always gives the same file, so runs are comparable.
 * Every generated file checks clean against the built-in Chatwork target (a test keeps it so).
 */

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** Mappings per block: the Chatwork target has six attributes, so one block cannot hold more without duplicates. */
export const MAPPINGS_PER_BLOCK = 5;

function blockLines(block: number, count: number): string[] {
  const n = String(block + 1);
  const lines = [`mapping "Synchronize Azure Active Directory Users to Chatwork (${n})" User -> User {`];
  if (block % 4 === 0) {
    lines.push(`  scope "Sales ${n}" {`, `    [department] EQUALS "Sales ${n}", "Marketing ${n}"`, '    [accountEnabled] IS TRUE', '  }');
  }
  const candidates = [
    `  userName <- Replace(ToLower([userPrincipalName], ), "@contoso.com", , , "@chatwork${n}.example", , )  match 1`,
    '  active <- Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    `  title <- Coalesce(Join(" ", StripSpaces([jobTitle]), "(${n})"), [department], "n/a")`,
    `  externalId <- Join("-", [mailNickname], Mid([objectId], 1, 8), "${n}")  on create`,
    block % 2 === 0
      ? `  ${ENTERPRISE}:department <- IIF([country] = "JP", "Tokyo ${n}", ToUpper(Left([department], 32), ))`
      : `  ${ENTERPRISE}:organization <- Append(Coalesce([companyName], "Contoso"), " ${n}")  default "Contoso"`,
  ];
  for (let i = 0; i < count; i++) lines.push(candidates[i]!);
  lines.push('}', '');
  return lines;
}

/** A `.aadmap` file with exactly `mappings` attribute-mapping lines. */
export function generateMappingFile(mappings: number): string {
  const lines = ['# Generated for the aadmap benchmarks: Chatwork-style mappings.', 'target chatwork', ''];
  for (let block = 0, left = mappings; left > 0; block++, left -= MAPPINGS_PER_BLOCK) {
    lines.push(...blockLines(block, Math.min(MAPPINGS_PER_BLOCK, left)));
  }
  return lines.join('\n');
}

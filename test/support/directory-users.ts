/**
 * A generated directory, one user at a time (the impact benchmark streams a million of them, the
 * tests and the Graph emulator tens of thousands): Azure AD users with the variety a tenant has —
 * mixed-case UPNs, other domains, missing job titles and companies, disabled and soft-deleted users,
 * extension attributes, now and then a user who is not assigned (`"@assigned": false`). User i depends
 * only on (seed, i), so any range can be generated without the users before it.
 */

const GIVEN = ['Alice', 'Bob', 'Carol', 'Daisuke', 'Emi', 'Frank', 'Hana', 'Ken', 'Mariko', 'Noah', 'Sakura', 'Taro', 'Yuki', 'Zoë'];
const FAMILY = ['Tanaka', 'Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Müller', 'García'];
const DEPARTMENTS = ['Sales', 'Marketing', 'Enterprise Sales', 'Engineering', 'Finance', 'Human Resources', 'Support'];
const TITLES = ['Sales Manager', 'Account Executive', 'Designer', 'Engineer', 'Senior Engineer', 'Analyst', 'Director of Sales'];
const COMPANIES = ['Contoso Japan', 'Contoso', 'Fabrikam'];
const DOMAINS = ['contoso.com', 'contoso.com', 'contoso.com', 'contoso.com', 'fabrikam.com', 'sub.contoso.com'];

/** One generated user: a JSON object as `aadmap eval --input` reads it. */
export type DirectoryUser = Record<string, string | boolean | null>;

export function directoryUser(i: number, seed = 1, options: { assignment?: boolean } = {}): DirectoryUser {
  // mulberry32 seeded by (seed, i).
  let state = (Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const hex = (digits: number) => {
    let text = '';
    for (let k = 0; k < digits; k++) text += Math.floor(next() * 16).toString(16);
    return text;
  };
  const given = pick(GIVEN);
  const family = pick(FAMILY);
  const nickname = `${given}.${family}${i}`.toLowerCase();
  const domain = pick(DOMAINS);
  const upn = `${next() < 0.2 ? `${given}.${family}${i}` : nickname}@${domain}`;
  const softDeleted = next() < 0.03;
  const user: DirectoryUser = {
    objectId: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
    userPrincipalName: upn,
    mailNickname: nickname,
    mail: next() < 0.1 ? null : next() < 0.3 ? `${given}.${family}@mail.${domain}`.toLowerCase() : upn.toLowerCase(),
    displayName: `${given} ${family}`,
    givenName: given,
    surname: family,
    jobTitle: next() < 0.15 ? null : pick(TITLES),
    department: next() < 0.05 ? '' : pick(DEPARTMENTS),
    companyName: next() < 0.3 ? null : pick(COMPANIES),
    employeeId: next() < 0.5 ? String(100000 + i) : null,
    extensionAttribute1: next() < 0.2 ? pick(['contractor', 'Contractor', 'intern']) : null,
    accountEnabled: !softDeleted && next() > 0.05,
    IsSoftDeleted: softDeleted,
  };
  if (options.assignment && next() < 0.05) user['@assigned'] = false;
  return user;
}

/** Lines of a users file: `count` users from index `from`. */
export function* directoryLines(count: number, seed = 1, from = 0): Generator<string> {
  for (let i = from; i < from + count; i++) yield JSON.stringify(directoryUser(i, seed, { assignment: true }));
}

/**
 * The directory of `seedDirectory` (test/graph-emulator/directory.ts) as `--users tenant` must read it
 * back, as a users file: Graph has no IsSoftDeleted on a listed user, so it follows `accountEnabled`
 * (docs/impact.md), and every line says whether the user is assigned. `exclude`: users gone from the
 * directory; `edits`: changes made since the seed (an edit setting IsSoftDeleted keeps it).
 */
export function graphViewLines(
  count: number,
  seed: number,
  exclude: ReadonlySet<number> = new Set(),
  edits: ReadonlyMap<number, DirectoryUser> = new Map(),
): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    if (exclude.has(i)) continue;
    const user = { ...directoryUser(i, seed, { assignment: true }), ...edits.get(i) };
    user['IsSoftDeleted'] = user['IsSoftDeleted'] === true && edits.has(i) ? true : user['accountEnabled'] === false;
    user['@assigned'] = user['@assigned'] !== false;
    lines.push(JSON.stringify(user));
  }
  return `${lines.join('\n')}\n`;
}

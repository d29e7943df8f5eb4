/**
 * Generated sample users for the evaluation benchmark: Azure AD users as `*.user.json` files hold
 * them (the attributes of examples/*.user.json, and `country`), with the variety a tenant has —
 * names, departments and job titles drawn from lists, a missing company or job title now and then,
 * disabled and soft-deleted users, upper-case UPNs. Every second user already exists in Chatwork
 * (a SCIM resource as examples/*.target.json), with a title or department that may have changed.
 * Deterministic: a seeded generator, so the same count always gives the same users.
 */

const GIVEN = ['Alice', 'Bob', 'Carol', 'Daisuke', 'Emi', 'Frank', 'Hana', 'Ken', 'Mariko', 'Noah', 'Sakura', 'Taro', 'Yuki', 'Zoë'];
const FAMILY = ['Tanaka', 'Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Müller', 'García'];
const DEPARTMENTS = ['Sales', 'Marketing', 'Enterprise Sales', 'Engineering', 'Finance', 'Human Resources', 'Support'];
const TITLES = ['Sales Manager', 'Account Executive', 'Designer', 'Engineer', 'Senior Engineer', 'Analyst', 'Director of Sales'];
const COUNTRIES = ['JP', 'JP', 'JP', 'US', 'DE', 'FR'];
const COMPANIES = ['Contoso Japan', 'Contoso', 'Fabrikam'];

/** mulberry32: a small seeded generator (uniform in [0, 1)). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedUser {
  /** The sample user file's text. */
  user: string;
  /** The user as Chatwork holds it (a SCIM resource), for every second user. */
  existing?: string;
}

export function generateSampleUsers(count: number, seed = 7): GeneratedUser[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(next() * 16).toString(16)).join('');
  const users: GeneratedUser[] = [];
  for (let i = 0; i < count; i++) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const nickname = `${given}.${family}${i}`.toLowerCase();
    const upn = `${next() < 0.2 ? `${given}.${family}${i}` : nickname}@contoso.com`;
    const department = pick(DEPARTMENTS);
    const jobTitle = next() < 0.1 ? null : pick(TITLES);
    const softDeleted = next() < 0.05;
    const user = {
      objectId: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
      userPrincipalName: upn,
      mailNickname: nickname,
      mail: upn,
      displayName: `${given} ${family}`,
      givenName: given,
      surname: family,
      jobTitle,
      department,
      companyName: next() < 0.3 ? null : pick(COMPANIES),
      country: pick(COUNTRIES),
      accountEnabled: !softDeleted && next() > 0.05,
      IsSoftDeleted: softDeleted,
    };
    const generated: GeneratedUser = { user: JSON.stringify(user, null, 2) };
    if (i % 2 === 1) {
      generated.existing = JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
        id: `cw-${10000 + i}`,
        userName: upn.toLowerCase(),
        active: true,
        title: next() < 0.5 ? jobTitle : pick(TITLES),
        externalId: nickname,
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: next() < 0.7 ? department : pick(DEPARTMENTS) },
      });
    }
    users.push(generated);
  }
  return users;
}

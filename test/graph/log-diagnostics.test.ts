/** Provisioning-log failures on the mapping lines they concern (data-driven; records built as Graph sends them). */
import { describe, expect, it } from 'vitest';
import { logDiagnostics } from '../../server/graph/lifecycle/log-diagnostics';
import { toLogRecord } from '../../server/graph/lifecycle/logs';
import { logRecord } from '../graph-emulator/lifecycle';

const text = `target chatwork
mapping "m" User -> User {
  userName <- [userPrincipalName]  match 1
  title    <- [jobTitle]
  urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization <- Coalesce([companyName], "Contoso")
}
`;
let n = 0;
const record = (
  errorCode: string | undefined,
  reason: string,
  modified: string[] = [],
  user = 'u1',
  status: 'failure' | 'success' = 'failure',
) =>
  toLogRecord(
    logRecord({
      id: `r${++n}`,
      time: '2026-12-01T00:00:00Z',
      servicePrincipalId: 'sp',
      jobId: 'j',
      status,
      errorCode,
      reason,
      user: { id: user, name: user },
      modified: modified.map((displayName) => ({ displayName, oldValue: null, newValue: 'x' })),
    }),
  );
const at = (d: { start: number; end: number }) => text.slice(d.start, d.end);

describe('logDiagnostics', () => {
  it.each([
    [
      'the attribute the reason names',
      record('SchemaPropertyCanOnlyAcceptValue', "The property 'organization' can only accept …", [
        'userName',
        'title',
        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
      ]),
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization',
    ],
    ['the only modified property', record('MandatoryFieldsMissing', 'A required value is missing.', ['title']), 'title'],
    ['a uniqueness conflict: the matching attribute', record('EntryConflict', 'The target already has this user.'), 'userName'],
  ])('%s', (_name, r, attribute) => {
    const [d, ...rest] = logDiagnostics(text, [r]);
    expect(rest).toEqual([]);
    expect(at(d!)).toBe(attribute);
    expect(d).toMatchObject({ errorCode: r.errorCode, users: 1, recordIds: [r.id] });
    expect(d!.message).toMatch(/^Provisioning failed for 1 user \(/);
  });

  it('counts users, one diagnostic per line and code; successes and unrelated errors give none', () => {
    const reason = "The property 'title' is too long.";
    const ds = logDiagnostics(text, [
      record('SchemaPropertyCanOnlyAcceptValue', reason, [], 'a'),
      record('SchemaPropertyCanOnlyAcceptValue', reason, [], 'b'),
      record('SchemaPropertyCanOnlyAcceptValue', reason, [], 'a'),
      record(undefined, '', ['title'], 'c', 'success'),
      record('SystemForCrossDomainIdentityManagementBadResponse', 'The server answered 500.', ['userName', 'title']),
    ]);
    expect(ds.map((d) => [at(d), d.users, d.recordIds.length])).toEqual([['title', 2, 3]]);
    expect(ds[0]!.message).toBe(`Provisioning failed for 2 users (SchemaPropertyCanOnlyAcceptValue): ${reason}`);
  });

  it('the server survives any text', () => {
    expect(logDiagnostics('mapping {{{ <- [', [record('EntryConflict', 'x')])).toEqual([]);
  });
});

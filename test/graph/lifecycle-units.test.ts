/** The pure parts of the lifecycle commands: --since, the logs $filter, --reset, the on-demand answer envelope. */
import { describe, expect, it } from 'vitest';
import { QUARANTINE_REASONS as CATALOGUE } from '../../server/graph/lifecycle/catalogue';
import { dangerousScopes, parseResetScopes, ResetScopeError } from '../../server/graph/lifecycle/control';
import { buildLogFilter, parseSince } from '../../server/graph/lifecycle/logs';
import { readOnDemandAnswer, userRuleId } from '../../server/graph/lifecycle/provision';
import { QUARANTINE_REASONS } from '../graph-emulator/lifecycle';

const now = Date.parse('2026-12-01T12:00:00Z');

describe('parseSince', () => {
  it.each([
    ['2h', '2026-12-01T10:00:00.000Z'],
    ['30m', '2026-12-01T11:30:00.000Z'],
    ['7d', '2026-11-24T12:00:00.000Z'],
    ['2026-11-30T08:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['2026-11-30', '2026-11-30T00:00:00.000Z'],
    ['yesterday', undefined],
    ['2h30', undefined],
  ])('%s → %s', (input, expected) => expect(parseSince(input, now)).toBe(expected));
});

describe('buildLogFilter', () => {
  it('always the service principal and the time; status, action and an object-id user when given; quotes doubled', () => {
    expect(buildLogFilter("sp'1", { since: '2026-12-01T10:00:00.000Z' })).toBe(
      "servicePrincipal/id eq 'sp''1' and activityDateTime ge 2026-12-01T10:00:00.000Z",
    );
    expect(buildLogFilter('sp', { since: 'T', status: 'failure', action: 'create', user: '9bb0f679-a883-4a6f-8260-35b491b8b8c8' })).toBe(
      "servicePrincipal/id eq 'sp' and activityDateTime ge T and provisioningStatusInfo/status eq 'failure' and provisioningAction eq 'create' and sourceIdentity/id eq '9bb0f679-a883-4a6f-8260-35b491b8b8c8'",
    );
    expect(buildLogFilter('sp', { since: 'T', user: 'adele@contoso.com' })).not.toContain('sourceIdentity');
  });
});

describe('parseResetScopes', () => {
  it.each([
    [undefined, false, []],
    ['watermark, escrows', false, ['Watermark', 'Escrows']],
    ['Full', true, ['Full', 'ForceDeletes']],
    [undefined, true, ['ForceDeletes']],
  ])('%s (force-deletes %s) → %j', (value, force, expected) => expect(parseResetScopes(value, force)).toEqual(expected));

  it.each(['None', 'connectordatastore', 'Escrows,None', 'Everything'])('%s is refused', (value) =>
    expect(() => parseResetScopes(value, false)).toThrow(ResetScopeError),
  );

  it('Full and ForceDeletes are the dangerous ones', () =>
    expect(dangerousScopes(['Escrows', 'Full', 'Watermark', 'ForceDeletes'])).toEqual(['Full', 'ForceDeletes']));
});

describe('catalogue', () => {
  it('explains every documented quarantine reason', () => expect(Object.keys(CATALOGUE).sort()).toEqual([...QUARANTINE_REASONS].sort()));
});

describe('provision on demand', () => {
  it('reads both envelopes: value as an object or as an array', () => {
    const user = { id: 'u', userPrincipalName: 'u@x', displayName: 'U' };
    const record = {
      action: 'Update',
      provisioningSteps: [{ type: 'Import', status: 'Success', description: 'd' }],
      modifiedProperties: [],
    };
    for (const value of [JSON.stringify(record), JSON.stringify([record])]) {
      const report = readOnDemandAnswer({ key: '{"result":"Success","details":{}}', value }, user, 'r');
      expect(report).toMatchObject({
        result: 'Success',
        action: 'Update',
        steps: [{ type: 'Import', status: 'Success', description: 'd' }],
      });
    }
    expect(readOnDemandAnswer({}, user, 'r').result).toBe('Unknown');
  });

  it('the rule id is the rule whose object mappings start from users', () => {
    expect(
      userRuleId({
        synchronizationRules: [
          { id: 'groups', objectMappings: [{ sourceObjectName: 'Group' }] },
          { id: 'users', objectMappings: [{ sourceObjectName: 'User', enabled: true }] },
        ],
      }),
    ).toBe('users');
  });
});

/** The deploy guard's decision and the accidental-deletion threshold read from a job's secrets. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DELETE_THRESHOLD, guardDecision, thresholdFromSecrets } from '../../server/impact/guard';
import type { ImpactReport } from '../../server/impact/report';

const settings = (value: unknown) => ({
  value: [
    { key: 'SecretToken', value: '*' },
    { key: 'SyncNotificationSettings', value },
  ],
});

describe('thresholdFromSecrets', () => {
  it.each([
    [settings('{"Enabled":true,"Recipients":"","DeleteThresholdEnabled":true,"DeleteThresholdValue":50}'), 50],
    [settings('{"DeleteThresholdEnabled":true,"DeleteThresholdValue":"7"}'), 7],
    [settings('{"Enabled":false,"DeleteThresholdEnabled":false}'), DEFAULT_DELETE_THRESHOLD],
    [settings('{"DeleteThresholdEnabled":true,"DeleteThresholdValue":-3}'), DEFAULT_DELETE_THRESHOLD],
    [settings('not json'), DEFAULT_DELETE_THRESHOLD],
    [{ value: [] }, DEFAULT_DELETE_THRESHOLD],
    [undefined, DEFAULT_DELETE_THRESHOLD],
    ['text', DEFAULT_DELETE_THRESHOLD],
  ])('%j → %d', (json, expected) => {
    expect(thresholdFromSecrets(json).value).toBe(expected);
  });
});

describe('guardDecision', () => {
  const report = (disable: number, matchChanged: number) => ({ disable, matchChanged }) as ImpactReport;
  const threshold = { value: 10, source: 'the threshold' };

  it('refuses at the threshold, not below it', () => {
    expect(guardDecision(report(9, 0), threshold, {}).refused).toBe(false);
    expect(guardDecision(report(10, 0), threshold, {}).refused).toBe(true);
  });

  it('accepts only the exact numbers', () => {
    expect(guardDecision(report(12, 0), threshold, { disable: 12 }).refused).toBe(false);
    expect(guardDecision(report(12, 0), threshold, { disable: 13 }).refused).toBe(true);
    expect(guardDecision(report(0, 3), threshold, {}).refused).toBe(true);
    expect(guardDecision(report(0, 3), threshold, { matchChange: 3 }).refused).toBe(false);
    expect(guardDecision(report(12, 3), threshold, { disable: 12 }).reasons).toHaveLength(2);
    expect(guardDecision(report(12, 3), threshold, { disable: 12 }).refused).toBe(true);
  });
});

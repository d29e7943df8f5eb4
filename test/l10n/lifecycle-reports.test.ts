/**
 * Every branch of the lifecycle text reports (status, logs, provision) and of the restart
 * confirmation in Japanese and French: each line that holds words is in the language, the data
 * (states, codes, times, users, values) is as in English, and the number of lines does not change.
 * The reports are made from data here (no Graph), so every combination of the settings is covered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { localized, useL10nBundle } from '../../grammar/common/l10n';
import { QUARANTINE_REASONS, RESET_SCOPES } from '../../server/graph/lifecycle/catalogue';
import { describeRestart } from '../../server/graph/lifecycle/control';
import { formatLogsText, type LogRecord } from '../../server/graph/lifecycle/logs';
import { formatProvisionText, type ProvisionReport } from '../../server/graph/lifecycle/provision';
import { formatStatusText, type JobStatusReport } from '../../server/graph/lifecycle/status';
import { readL10nBundle } from '../../server/l10n/bundles';

const root = `${__dirname}/../..`;
const bundles = { ja: readL10nBundle('ja', root)!, fr: readL10nBundle('fr', root)! };
afterEach(() => useL10nBundle(undefined));

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function status(settings: JobStatusReport['settings'], overrides: Partial<JobStatusReport> = {}): JobStatusReport {
  return {
    servicePrincipal: { id: 'sp-1', displayName: 'Chatwork' },
    job: { id: 'scim.1', templateId: 'scim' },
    state: 'Quarantine',
    schedule: 'Active',
    steadyState: false,
    quarantine: {
      reason: 'TooManyDeletes',
      since: '2026-11-30T06:00:00Z',
      nextAttempt: null,
      seriesBegan: null,
      error: { code: 'TooManyDeletes', message: 'Over the threshold.' },
      ...QUARANTINE_REASONS.TooManyDeletes!,
      heldDeletes: null,
    },
    progress: { completed: 3, total: 12, units: 'pages' },
    lastExecution: {
      state: 'Failed',
      began: '2026-11-30T05:00:00Z',
      ended: null,
      imported: 4,
      exported: null,
      escrowed: 1,
      error: { code: 'X', message: 'Y' },
    },
    synchronizedCounts: { User: 12 },
    settings,
    warnings: [],
    ...overrides,
  };
}

const SETTINGS: JobStatusReport['settings'][] = [null, true, false].flatMap((flag) =>
  [null, 500].flatMap((threshold) =>
    [null, 'team@contoso.com'].map((email) => ({
      syncAll: flag,
      notificationEmail: email,
      notificationsEnabled: flag,
      deletionPreventionEnabled: flag,
      deletionThreshold: threshold,
    })),
  ),
);

const record = (id: string, status: string, errorCode: string | null, user: string): LogRecord => ({
  id,
  time: `2026-11-30T0${id}:00:00Z`,
  action: 'update',
  status,
  errorCode,
  reason: errorCode ? 'The value is not allowed.' : null,
  recommendedAction: errorCode
    ? 'The target accepts only certain values for this attribute: change the mapping so it sends one of them.'
    : null,
  user: { id: `u-${user}`, name: user, upn: null },
  target: { id: null, name: null },
  changeId: `c-${id}`,
  cycleId: null,
  modified: [{ name: 'title', old: null, new: 'Engineer' }],
  steps: [],
});

/** Made in the language in use: provisionOnDemand writes `shown` in the user's language when it runs. */
const provision = (): ProvisionReport => ({
  user: { id: 'u-1', userPrincipalName: 'bob@contoso.com', displayName: 'Bob' },
  ruleId: 'rule',
  result: 'Success',
  action: 'Update',
  errorCode: null,
  errorMessage: null,
  changeId: 'pod-1',
  steps: [{ type: 'Export', status: 'Success', description: 'Updated.', name: 'Export', details: {} }],
  modified: [{ name: 'title', old: 'Intern', new: 'Engineer' }],
  predicted: {},
  predictedInScope: true,
  predictedAction: 'update',
  differences: [{ attribute: 'title', service: 'Engineer', aadmap: 'engineer' }],
  notPredicted: [
    {
      attribute: 'manager',
      reason: '[manager]: the manager is a reference the service resolves itself',
      shown: `[manager]: ${localized('the manager is a reference the service resolves itself')}`,
    },
  ],
});

/** The reports in English and in `locale` (its words and its way of writing numbers), line by line. */
function both(locale: 'ja' | 'fr', make: () => string): { en: string[]; other: string[] } {
  useL10nBundle(undefined);
  const en = make().split('\n');
  useL10nBundle(bundles[locale], locale);
  return { en, other: make().split('\n') };
}

/**
 * Lines with English words beyond data: a label or a sentence the translation must have changed.
 * The service's steps (`  Export: Success — …`) are its own words, shown as sent.
 */
const labelled = (line: string) =>
  !/^ {2}(Import|Scoping|Matching|Export): /.test(line) &&
  /^\s*[A-Z][a-z]+( [a-z-]+)*( \([a-z-]+\))?:|[a-z]{3,} [a-z]{3,} [a-z]{3,}/.test(line);

const cases: [string, () => string][] = [
  ...SETTINGS.map((settings, i): [string, () => string] => [`status, settings ${i}`, () => formatStatusText(status(settings))]),
  ['status without quarantine or last execution', () => formatStatusText(status(SETTINGS[0]!, { quarantine: null, lastExecution: null }))],
  ['status with held deletes counted', () => formatStatusText(status(SETTINGS[5]!, { steadyState: true, schedule: null, progress: null }))],
  [
    'logs',
    () =>
      formatLogsText(
        [
          record('1', 'failure', 'SchemaPropertyCanOnlyAcceptValue', 'Adele'),
          record('2', 'failure', 'SchemaPropertyCanOnlyAcceptValue', 'Chris'),
          record('3', 'failure', 'DuplicateTargetEntries', 'Dan'),
          record('4', 'success', null, 'Eve'),
        ],
        '2026-11-29T00:00:00Z',
      ),
  ],
  ['logs with one record', () => formatLogsText([record('1', 'failure', 'Timeout', 'Adele')], '2026-11-29T00:00:00Z')],
  ['provision', () => formatProvisionText(provision())],
  ['provision without differences', () => formatProvisionText({ ...provision(), action: null, differences: [], notPredicted: [] })],
  ['restart, the portal default', () => describeRestart([]).join('\n')],
  ['restart, every scope', () => describeRestart([...RESET_SCOPES]).join('\n')],
];

describe.each(['ja', 'fr'] as const)('the lifecycle reports in %s', (locale) => {
  it.each(cases)('%s', (_name, make) => {
    const { en, other } = both(locale, make);
    expect(other).toHaveLength(en.length);
    // A translated line differs from the English one; in Japanese it has Japanese script.
    const untranslated = other.filter((line, i) => labelled(en[i]!) && (line === en[i] || (locale === 'ja' && !JAPANESE.test(line))));
    expect(untranslated).toEqual([]);
    // Data stays: every time, code and user of the English report is in the translated one.
    const data = (lines: string[]) => lines.join('\n').match(/\d{4}-\d\d-\d\dT[\d:]+Z|[A-Z][a-z]+[A-Z]\w+|bob@contoso\.com/g) ?? [];
    expect(data(other).sort()).toEqual(data(en).sort());
  });
});

describe('the counts of the status report', () => {
  it('are written as the language writes numbers, with the rest of the report', () => {
    const make = () => formatStatusText(status(SETTINGS[0]!, { synchronizedCounts: { User: 19998, Group: 1200 } }));
    const synchronized = (text: string) => text.split('\n').find((line) => line.includes('User'));
    expect(synchronized(make())).toBe('Synchronized: 19,998 User, 1,200 Group');
    useL10nBundle(bundles.fr, 'fr');
    expect(synchronized(make())).toBe('Synchronisés : 19\u202f998 User, 1\u202f200 Group');
  });
});

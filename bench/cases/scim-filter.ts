/**
 * Benchmark 1: SCIM filter parsing against the npm peers, same inputs, same process.
 *
 * Inputs: the 17 example filters of RFC 7644 §3.4.2.2 (Figure 2) and short lookups of the kind the
 * Entra provisioning service sends (`userName eq "…"`). A filter enters the common set only when
 * every parser accepts it (SCIMMY rejects some RFC forms); the exclusions are listed in results.json.
 * aadmap must also report no error for every input: speed never excuses a wrong answer.
 *
 * What each contestant does per call: aadmap `parseScimFilter` (tree with offsets + diagnostics),
 * scim2-parse-filter `parse` (tree), SCIMMY `new Types.Filter` (parsed expression object).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseScimFilter, parseScimFilterReference } from '../../grammar/scim/index';
import { type Contestant, DEFAULT_THROUGHPUT, measureThroughput, QUICK_THROUGHPUT } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';

const requirePeer = createRequire(__filename);
const scim2ParseFilter = requirePeer('scim2-parse-filter') as { parse: (filter: string) => unknown };
const SCIMMY = requirePeer('scimmy') as { Types: { Filter: new (filter: string) => unknown } };
// SCIMMY's export map hides its package.json; read the installed copies directly.
const peerVersion = (name: string) =>
  (JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const BENCHMARK = '1 SCIM filter parsing';

export const SHORT_FILTER = 'userName eq "bjensen"';
export const LONG_FILTER = 'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]';

/** RFC 7644 §3.4.2.2 Figure 2, line breaks joined with one space. */
export const RFC_EXAMPLES = [
  'userName eq "bjensen"',
  'name.familyName co "O\'Malley"',
  'userName sw "J"',
  'urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"',
  'title pr',
  'meta.lastModified gt "2011-05-13T04:42:34Z"',
  'meta.lastModified ge "2011-05-13T04:42:34Z"',
  'meta.lastModified lt "2011-05-13T04:42:34Z"',
  'meta.lastModified le "2011-05-13T04:42:34Z"',
  'title pr and userType eq "Employee"',
  'title pr or userType eq "Intern"',
  'schemas eq "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"',
  'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
  'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
  'userType eq "Employee" and (emails.type eq "work")',
  'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
  LONG_FILTER,
];

/** What Entra ID sends to a SCIM app (GET /Users?filter=…, GET /Groups?filter=…). */
export const ENTRA_LOOKUPS = [
  'userName eq "Test_User_dfeef4c5-5681-4387-b016-bdf221e82081"',
  'userName eq "alice.tanaka@contoso.com"',
  'externalId eq "8c2d5b4e-7f3a-4b1c-9d0e-2a6f1c3b5d7e"',
  'displayName eq "Sales Team"',
  'id eq "2819c223-7f76-453a-919d-413861904646"',
];

function accepted(filter: string): { ok: boolean; failures: string[] } {
  const failures: string[] = [];
  try {
    scim2ParseFilter.parse(filter);
  } catch {
    failures.push('scim2-parse-filter');
  }
  try {
    new SCIMMY.Types.Filter(filter);
  } catch {
    failures.push('scimmy');
  }
  const ours = parseScimFilter(filter);
  if (!ours.ast || ours.diagnostics.some((d) => d.severity === 'error')) failures.push('aadmap');
  return { ok: failures.length === 0, failures };
}

function contestants(): Contestant<string>[] {
  return [
    { name: 'aadmap', run: (filter) => parseScimFilter(filter) },
    // For information: aadmap without its fast path (chevrotain lexer + parser + visitor).
    { name: 'aadmap general parser', run: (filter) => parseScimFilterReference(filter) },
    { name: 'scim2-parse-filter', run: (filter) => scim2ParseFilter.parse(filter) },
    { name: 'scimmy', run: (filter) => new SCIMMY.Types.Filter(filter) },
  ];
}

function main(): void {
  const options = process.argv.includes('--quick') ? QUICK_THROUGHPUT : DEFAULT_THROUGHPUT;
  const excluded: Record<string, string[]> = {};
  const mixed: string[] = [];
  for (const filter of [...RFC_EXAMPLES, ...ENTRA_LOOKUPS]) {
    const check = accepted(filter);
    if (check.ok) mixed.push(filter);
    else excluded[filter] = check.failures;
  }
  if (excluded[SHORT_FILTER] || excluded[LONG_FILTER])
    throw new Error(`a headline filter is not accepted by every parser: ${JSON.stringify(excluded)}`);
  if (Object.values(excluded).some((failures) => failures.includes('aadmap'))) {
    throw new Error(`aadmap reports errors on a valid filter: ${JSON.stringify(excluded)}`);
  }

  const sets: [string, string[]][] = [
    [`short: ${SHORT_FILTER}`, [SHORT_FILTER]],
    ['long: RFC 7644 example 17', [LONG_FILTER]],
    [`mixed: ${mixed.length} filters (RFC examples + Entra lookups)`, mixed],
  ];
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {
    peers: { 'scim2-parse-filter': peerVersion('scim2-parse-filter'), scimmy: peerVersion('scimmy') },
    excluded,
    options,
    results: {},
  };
  for (const [label, inputs] of sets) {
    const results = measureThroughput(contestants(), inputs, options);
    (details['results'] as Record<string, unknown>)[label] = results;
    const ours = results.find((r) => r.name === 'aadmap')!;
    const peers = results.filter((r) => !r.name.startsWith('aadmap'));
    const fastestPeer = [...peers].sort((a, b) => a.medianUs - b.medianUs)[0]!;
    const speed = fastestPeer.medianUs / ours.medianUs;
    rows.push({
      benchmark: BENCHMARK,
      case: label,
      value: ours.medianUs,
      unit: 'µs/filter',
      reference: { name: fastestPeer.name, value: fastestPeer.medianUs },
      ratio: `${speed.toFixed(2)}× the peer's speed`,
      target: '≥ 1.0× fastest peer',
      status: speed >= 1 ? 'met' : 'missed',
      note: results
        .filter((r) => r.name !== 'aadmap' && r.name !== fastestPeer.name)
        .map((r) => `${r.name} ${r.medianUs.toFixed(2)} µs`)
        .join(', '),
    });
  }
  emit({ case: 'scim-filter', rows, details });
}

main();

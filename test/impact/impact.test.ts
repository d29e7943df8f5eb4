/**
 * The impact engine against an independent per-user computation: the provisioning preview of each
 * user under the before and the after version (server/preview, as `aadmap preview` shows it), its
 * scope decision and evaluated values compared with the preview's own comparison (sameValue). On
 * the bundled examples and on seeded generated directories, for changes of scope, of the matching
 * attribute, of values, and expressions that fail for some users.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryLines } from '../support/directory-users';
import { parseJson, parseDateTime, readSampleUser } from '../../server/evaluator/index';
import type { JsonObject, JsonValue, OutputJson } from '../../server/evaluator/json';
import { isNullOrEmpty } from '../../server/evaluator/values';
import { CATEGORIES, type Category } from '../../server/impact/classify';
import { ImpactEngine } from '../../server/impact/engine';
import { toReport } from '../../server/impact/report';
import { impactOfFile } from '../../server/impact/run';
import { readUserLine, referenceNames } from '../../server/impact/users';
import { impactVersion } from '../../server/impact/version';
import { sameValue, wireValue } from '../../server/preview/scim-resource';
import { BUILTIN_SOURCE } from '../../server/schema/index';
import { findObject } from '../../server/schema/lookup';
import { analyzeMappingText, type MappingAnalysis } from '../../server/service/analysis';
import { previewMapping } from '../../server/service/checked-preview';
import { noSchemaFiles } from '../../server/service/schema-resolver';

const root = join(__dirname, '..', '..');
const chatwork = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');
const settings = { now: parseDateTime('2026-01-15T09:00:00Z')!, defaultDomain: 'contoso.com' };
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-impact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const analyze = (text: string) => analyzeMappingText(text, 'file:///workspace/app.aadmap', noSchemaFiles);

/** Edits of the bundled example: `[from, to]` replacements, each must apply. */
function edit(...replacements: [string, string][]): string {
  let text = chatwork;
  for (const [from, to] of replacements) {
    expect(text.includes(from), from).toBe(true);
    text = text.replace(from, to);
  }
  return text;
}

const VARIANTS: Record<string, string> = {
  'the same file': chatwork,
  'a wider scope': edit(['ENDS_WITH "@contoso.com"', 'Includes "contoso.com"']),
  'a narrower scope': edit(['[accountEnabled] IS TRUE', '[accountEnabled] IS TRUE\n    [extensionAttribute1] NOT EQUALS "contractor"']),
  'a case-only userName change': edit([
    'userName   <- [userPrincipalName]  match 1',
    'userName   <- ToLower([userPrincipalName])  match 1',
  ]),
  'a new matching value': edit(['userName   <- [userPrincipalName]  match 1', 'userName   <- [mail]  match 1']),
  'a Switch on title': edit([
    'title      <- [jobTitle]',
    'title      <- Switch([department], [jobTitle], "Sales", "", "Support", "Support staff")',
  ]),
  'a mapping that fails for some users': edit([
    'User:department   <- [department]',
    'User:department   <- FormatDateTime([extensionAttribute1], , "yyyyMMdd", "yyyy")',
  ]),
  'a removed mapping and an on-create change': edit(
    ['  title      <- [jobTitle]\n', ''],
    ['externalId <- [mailNickname]  on create', 'externalId <- ToUpper([mailNickname])  on create'],
  ),
};

type RefState = { kind: 'out' } | { kind: 'failed' } | { kind: 'in'; values: Map<string, { wire: OutputJson; caseExact: boolean }> };

/** One user under one version, decided from the provisioning preview alone. */
function previewState(
  analysis: MappingAnalysis,
  user: ReturnType<typeof readSampleUser>,
  assigned: boolean,
): RefState & { match: OutputJson[] } {
  const outcome = previewMapping(analysis, { user, settings });
  if (outcome.kind !== 'preview') throw new Error('the version has errors');
  const block = outcome.preview.mappings[0]!;
  const checked = analysis.blocks[0]!.mappings;
  const values = new Map<string, { wire: OutputJson; caseExact: boolean }>();
  const match: OutputJson[] = [];
  block.attributes.forEach((attribute, i) => {
    const { properties, targetAttribute } = checked[i]!;
    if (attribute.outcome.kind !== 'value' || isNullOrEmpty(attribute.outcome.value)) return;
    const wire = wireValue(attribute.outcome.value, targetAttribute)!;
    if (properties.matchingPriority > 0) match.push(wire);
    if (properties.flowType !== 'ObjectAddOnly') values.set(attribute.target, { wire, caseExact: !!targetAttribute?.caseExact });
  });
  if (!assigned || (!block.scope.inScope && !block.scope.error)) return { kind: 'out', match };
  if (block.action === 'failed') return { kind: 'failed', match };
  expect(block.action).toBe('create');
  return { kind: 'in', values, match };
}

interface Reference {
  counts: Record<Category | 'users' | 'matchChanged', number>;
  attributes: Record<string, number>;
  /** update users → the attributes that differ. */
  changed: Map<string, string[]>;
}

function reference(beforeText: string, afterText: string, lines: readonly string[]): Reference {
  const before = analyze(beforeText);
  const after = analyze(afterText);
  const counts = Object.fromEntries([...CATEGORIES, 'users', 'matchChanged'].map((c) => [c, 0])) as Reference['counts'];
  const attributes: Record<string, number> = {};
  const changed = new Map<string, string[]>();
  const source = findObject(BUILTIN_SOURCE, 'User');
  for (const line of lines) {
    if (line.trim() === '') continue;
    counts.users++;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      counts.errors++;
      continue;
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      counts.errors++;
      continue;
    }
    const exact = parseJson(line) as JsonObject;
    const assigned = exact['@assigned'] !== false;
    delete exact['@assigned'];
    const user = readSampleUser(exact, source);
    const b = previewState(before, user, assigned);
    const a = previewState(after, user, assigned);
    const name = String(exact['userPrincipalName'] ?? exact['objectId']);
    if (a.kind === 'failed') counts.errors++;
    else if (a.kind === 'out') counts[b.kind === 'in' ? 'disable' : 'outOfScope']++;
    else if (b.kind !== 'in') counts.create++;
    else {
      const differ = [...new Set([...a.values.keys(), ...b.values.keys()])].filter((target) => {
        const x = a.values.get(target);
        const y = b.values.get(target);
        return !x || !y || !sameValue(x.wire, y.wire as JsonValue, x.caseExact);
      });
      counts[differ.length ? 'update' : 'unchanged']++;
      if (differ.length) changed.set(name, differ.sort());
      for (const target of differ) attributes[target] = (attributes[target] ?? 0) + 1;
    }
    // matchChanged: in scope after, and the before version matched by another value (userName is not caseExact).
    if (a.kind === 'in' && b.kind !== 'failed' && b.match.length > 0) {
      const same = a.match.length === b.match.length && a.match.every((v, i) => sameValue(v, b.match[i] as JsonValue, false));
      if (!same) counts.matchChanged++;
    }
  }
  return { counts, attributes, changed };
}

function engineRun(beforeText: string, afterText: string, lines: readonly string[], samples = 5) {
  const engine = new ImpactEngine(impactVersion(analyze(beforeText), 'before'), impactVersion(analyze(afterText), 'after'), {
    samples,
    settings,
  });
  const bad: number[] = [];
  lines.forEach((text, i) => {
    const problem = engine.addLine(text, i + 1);
    if (problem) bad.push(problem.line);
  });
  return { report: toReport(engine.tally), bad };
}

function expectSameAsReference(beforeText: string, afterText: string, lines: readonly string[]) {
  const expected = reference(beforeText, afterText, lines);
  const { report } = engineRun(beforeText, afterText, lines, 1000);
  const { users, create, update, disable, unchanged, outOfScope, errors, matchChanged } = report;
  expect({ users, create, update, disable, unchanged, outOfScope, errors, matchChanged }).toEqual(expected.counts);
  expect(report.attributes).toEqual(expected.attributes);
  expect(create + update + disable + unchanged + outOfScope + errors).toBe(users);
  // With room for every user, the update samples are the update users, each with exactly the differing attributes.
  const updates = new Map((report.samples.update ?? []).map((s) => [s.user, s.changes.map((c) => c.attribute).sort()]));
  if (update <= 1000) expect(updates).toEqual(expected.changed);
  return report;
}

const exampleLines = ['alice', 'bob', 'carol'].map((name) =>
  JSON.stringify(JSON.parse(readFileSync(join(root, 'examples', `${name}.user.json`), 'utf8'))),
);

describe('impact = the preview of each user, before and after', () => {
  for (const [name, after] of Object.entries(VARIANTS)) {
    it(`the bundled example users: ${name}`, () => {
      expectSameAsReference(chatwork, after, exampleLines);
      expectSameAsReference(after, chatwork, exampleLines);
    });
    it(`a generated directory (seeded): ${name}`, () => {
      const lines = [...directoryLines(1500, 11)];
      const report = expectSameAsReference(chatwork, after, lines);
      if (name === 'the same file' || name === 'a case-only userName change')
        expect(report.unchanged + report.outOfScope).toBe(report.users);
      else expect(report.unchanged + report.outOfScope).toBeLessThan(report.users);
      expectSameAsReference(after, chatwork, [...directoryLines(800, 12)]);
    });
  }

  it('each variant changes what it is meant to change', () => {
    const lines = [...directoryLines(2000, 5)];
    const run = (after: string) => engineRun(chatwork, after, lines).report;
    expect(run(VARIANTS['a wider scope']!).create).toBeGreaterThan(0);
    expect(run(VARIANTS['a narrower scope']!).disable).toBeGreaterThan(0);
    const caseOnly = run(VARIANTS['a case-only userName change']!);
    // userName is not caseExact in Chatwork: lower-casing it is neither an update nor a new matching value.
    expect([caseOnly.update, caseOnly.matchChanged]).toEqual([0, 0]);
    const mail = run(VARIANTS['a new matching value']!);
    expect(mail.matchChanged).toBeGreaterThan(0);
    expect(mail.attributes['userName']).toBeGreaterThan(0);
    expect(run(VARIANTS['a mapping that fails for some users']!).errors).toBeGreaterThan(0);
    const removed = run(VARIANTS['a removed mapping and an on-create change']!);
    expect(Object.keys(removed.attributes)).toEqual(['title']);
  });
});

describe('users file lines', () => {
  it('empty lines are skipped; lines that are not JSON objects are errors with their line number', () => {
    const lines = [exampleLines[0]!, '', '   ', 'not json', '[1, 2]', '"text"', 'null', exampleLines[1]!];
    const { report, bad } = engineRun(chatwork, chatwork, lines);
    expect(bad).toEqual([4, 5, 6, 7]);
    expect(report.users).toBe(6);
    expect(report.errors).toBe(4);
    expect(report.samples.errors!.map((s) => s.user).sort()).toEqual(['line 4', 'line 5', 'line 6', 'line 7']);
  });

  it('"@assigned": false: out of scope in both versions; without it a user is assigned', () => {
    const alice = JSON.parse(exampleLines[0]!) as Record<string, unknown>;
    const narrower = VARIANTS['a wider scope']!;
    const { report } = engineRun(chatwork, narrower, [JSON.stringify({ ...alice, '@assigned': false }), JSON.stringify(alice)]);
    expect([report.outOfScope, report.unchanged]).toEqual([1, 1]);
    expect(engineRun(chatwork, chatwork, [JSON.stringify({ ...alice, '@assigned': 'no' })]).bad).toEqual([1]);
  });

  it('numbers beyond 2^53 are read exactly, as aadmap eval reads them', () => {
    const after = edit(['title      <- [jobTitle]', 'title      <- [employeeId]']);
    const line = JSON.stringify({ userPrincipalName: 'n@contoso.com', accountEnabled: true }).replace(
      '}',
      ',"employeeId":9007199254740993123}',
    );
    const { report } = engineRun(chatwork, after, [line]);
    expect(report.samples.update![0]!.changes).toEqual([{ attribute: 'title', before: null, after: '9007199254740993123' }]);
  });
});

describe('samples', () => {
  const lines = [...directoryLines(3000, 21)];
  const after = VARIANTS['a Switch on title']!;

  it('at most N per category, the same for the same input, whatever the order of the lines', () => {
    const first = engineRun(chatwork, after, lines, 3).report;
    for (const list of Object.values(first.samples)) expect(list!.length).toBeLessThanOrEqual(3);
    expect(first.samples.update).toHaveLength(3);
    expect(engineRun(chatwork, after, lines, 3).report.samples).toEqual(first.samples);
    const reversed = engineRun(chatwork, after, [...lines].reverse(), 3).report;
    expect(reversed.samples).toEqual(first.samples);
  });

  it('a key per non-empty category only', () => {
    const { report } = engineRun(chatwork, chatwork, exampleLines);
    expect(Object.keys(report.samples).sort()).toEqual(CATEGORIES.filter((c) => report[c] > 0).sort());
  });

  it('streaming a file gives the same tally as the lines in memory', async () => {
    const file = join(scratch, 'users.jsonl');
    writeFileSync(file, `${lines.slice(0, 500).join('\r\n')}\n\n${lines.slice(500).join('\n')}`);
    const versions = { before: impactVersion(analyze(chatwork), 'before'), after: impactVersion(analyze(after), 'after') };
    const streamed = toReport(await impactOfFile(versions, file, { samples: 4, settings }));
    const inMemory = engineRun(chatwork, after, [...lines.slice(0, 500), '', ...lines.slice(500)], 4).report;
    expect(streamed).toEqual({ ...inMemory, samples: expect.anything() });
    expect(streamed.users).toBe(3000);
    expect(streamed.samples.update!.map((s) => s.user)).toEqual(inMemory.samples.update!.map((s) => s.user));
  });
});

describe('reading a users line', () => {
  it('gives exactly the values readSampleUser gives (aadmap eval --input), for every kind of value', () => {
    const source = findObject(BUILTIN_SOURCE, 'User');
    const reads = new Set([
      'userPrincipalName',
      'manager',
      'proxyAddresses',
      'employeeId',
      'accountEnabled',
      'jobTitle',
      'extra',
      'missing',
    ]);
    const values = [
      '"Text"',
      'true',
      'false',
      'null',
      '12',
      '9007199254740993123',
      '1.50',
      '[]',
      '["a", null, "b"]',
      '{"value": "id-1"}',
      '"0d5c…"',
    ];
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      const pick = (k: number) => values[(i * 7 + k * 13 + ((i >> k) & 3)) % values.length]!;
      lines.push(
        `{"userPrincipalName": ${pick(1)}, "manager": ${pick(2)}, "proxyAddresses": ${pick(3)}, "employeeId": ${pick(4)}, "accountEnabled": ${pick(5)}, "extra": ${pick(6)}}`,
      );
    }
    for (const line of lines) {
      const read = readUserLine(line, reads, source, referenceNames(reads, source));
      const exact = parseJson(line) as JsonObject;
      const expected = readSampleUser(Object.fromEntries(Object.entries(exact).filter(([name]) => reads.has(name))), source);
      expect(read.kind === 'user' && [...read.user.attributes].sort()).toEqual([...expected.attributes].sort());
    }
  });
});

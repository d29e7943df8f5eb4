/**
 * Benchmark 5: expression evaluation throughput for a realistic Chatwork mapping set, through the
 * public facade the editor and the CLI use (server/service/sample-evaluation.ts and checked-preview.ts).
 *
 * Two mapping sets: the Chatwork gallery app's default mappings (examples/chatwork.aadmap: six
 * lines, a scoping filter) and one block of the benchmark files (test/support/generate.ts: five lines
 * of nested calls — Replace(ToLower(…)), Switch, Coalesce(Join(StripSpaces(…))), Join(Mid(…)), IIF —
 * without its scoping filter).
 * Each is analysed once; then, for 10,000 generated sample users (bench/lib/users.ts, read once):
 * - evaluation: every mapping line of the file for one user (evaluateMappingLines, what the value
 *   lenses show), in µs per user and per line;
 * - preview: the provisioning preview for one user (previewMapping: scope, matching lookup, POST
 *   for a new user or the PATCH for an existing one — every second user exists in Chatwork) and its
 *   `.http` text (previewToHttp), in µs per user.
 * CPU time, as in benchmarks 1 and 2 (lib/measure.ts); the issue sets no target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson, readSampleUser, type JsonObject, type SampleUser } from '../../server/evaluator/index';
import { isJsonObject } from '../../server/evaluator/json';
import { previewToHttp } from '../../server/preview/format';
import { BUILTIN_SOURCE, findObject } from '../../server/schema/index';
import { analyzeMappingText } from '../../server/service/analysis';
import { evaluateMappingLines } from '../../server/service/sample-evaluation';
import { previewMapping } from '../../server/service/checked-preview';
import { noSchemaFiles } from '../../server/service/schema-resolver';
import { generateMappingFile } from '../../test/support/generate';
import { DEFAULT_THROUGHPUT, measureThroughput, QUICK_THROUGHPUT } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';
import { generateSampleUsers } from '../lib/users';

const BENCHMARK = '5 expression evaluation';
/** A fixed clock (2025-01-01, .NET ticks), a default domain and a seed: every run evaluates the same. */
const SETTINGS = { now: 638712864000000000n, defaultDomain: 'contoso.com', seed: 1 };

interface Input {
  user: SampleUser;
  existing?: JsonObject;
  label: string;
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const options = quick ? QUICK_THROUGHPUT : DEFAULT_THROUGHPUT;
  const userCount = quick ? 2000 : 10_000;
  const source = findObject(BUILTIN_SOURCE, 'User');
  const inputs: Input[] = generateSampleUsers(userCount).map((generated, i) => {
    const existing = generated.existing === undefined ? undefined : parseJson(generated.existing);
    return {
      user: readSampleUser(parseJson(generated.user), source),
      existing: existing !== undefined && isJsonObject(existing) ? existing : undefined,
      label: `user${i}.user.json`,
    };
  });
  const sets = [
    {
      name: 'Chatwork defaults (examples/chatwork.aadmap)',
      file: 'chatwork.aadmap',
      text: readFileSync(join('examples', 'chatwork.aadmap'), 'utf8'),
    },
    // Without the block's scoping filter (it matches no generated user: every preview would be a skip).
    {
      name: 'nested calls (one benchmark block)',
      file: 'generated.aadmap',
      text: generateMappingFile(5).replace(/^ {2}scope [^]*?^ {2}}\n/m, ''),
    },
  ];
  const rows: BenchRow[] = [];
  const details: Record<string, unknown>[] = [];
  for (const set of sets) {
    const analysis = analyzeMappingText(set.text, `file:///bench/${set.file}`, noSchemaFiles);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`${set.file} has errors: ${JSON.stringify(errors.slice(0, 3))}`);
    const lines = analysis.blocks.reduce((sum, block) => sum + block.mappings.length, 0);

    // What the users get: every value computed (no evaluation error), and the preview's actions.
    const actions = new Map<string, number>();
    for (const input of inputs) {
      const failed = evaluateMappingLines(analysis, input.user, SETTINGS).find((line) => line.outcome?.kind === 'error');
      if (failed) throw new Error(`${set.file}: ${input.label}: ${JSON.stringify(failed.outcome)}`);
      const outcome = previewMapping(analysis, { user: input.user, existing: input.existing, settings: SETTINGS });
      if (outcome.kind !== 'preview') throw new Error(`${set.file}: no preview`);
      for (const block of outcome.preview.mappings) actions.set(block.action, (actions.get(block.action) ?? 0) + 1);
    }

    const [evaluation, preview] = measureThroughput(
      [
        { name: 'evaluate every line', run: (input: Input) => evaluateMappingLines(analysis, input.user, SETTINGS) },
        {
          name: 'preview (.http)',
          run: (input: Input) => {
            const outcome = previewMapping(analysis, { user: input.user, existing: input.existing, settings: SETTINGS });
            return outcome.kind === 'preview' ? previewToHttp(outcome.preview, { file: set.file, input: input.label }) : outcome;
          },
        },
      ],
      inputs,
      options,
    );
    const users = `${userCount.toLocaleString('en-US')} users`;
    const mix = [...actions].map(([action, n]) => `${action} ${n}`).join(', ');
    rows.push(
      {
        benchmark: BENCHMARK,
        case: `${set.name}: ${lines} lines per user, ${users}`,
        value: evaluation!.medianUs,
        unit: 'µs/user',
        status: 'info',
        note: `${(evaluation!.medianUs / lines).toFixed(2)} µs per line; ${Math.round(1e6 / evaluation!.medianUs).toLocaleString('en-US')} users/s`,
      },
      {
        benchmark: BENCHMARK,
        case: `${set.name}: preview per user (.http)`,
        value: preview!.medianUs,
        unit: 'µs/user',
        status: 'info',
        note: mix,
      },
    );
    details.push({ set: set.name, lines, users: userCount, evaluation, preview, actions: Object.fromEntries(actions) });
  }
  emit({ case: 'evaluation', rows, details: { sets: details } });
}

main();

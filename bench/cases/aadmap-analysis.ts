/**
 * Benchmark 2: `.aadmap` analysis (parse + check, the facade's analyzeMappingText) of generated
 * files with 50, 500 and 5,000 mappings, against V8's JSON.parse of the same mappings exported as
 * Graph synchronizationSchema JSON — the native-parser floor. Also reports how the cost grows with
 * the size: per-mapping cost must stay flat (linear growth).
 */
import { parseMappingFile } from '../../grammar/mapping/index';
import { analyzeMappingText } from '../../server/service/analysis';
import { noSchemaFiles, type SchemaFileReader } from '../../server/service/schema-resolver';
import { generateMappingFile } from '../../test/support/generate';
import { generateOneBlockFile, generateOneBlockSchema, oneBlockSchemaFiles } from '../../test/support/generate-one-block';
import { graphSchemaJson } from '../lib/graph-json';
import { DEFAULT_THROUGHPUT, measureThroughput, QUICK_THROUGHPUT } from '../lib/measure';
import { type BenchRow, emit } from '../lib/report';

const BENCHMARK = '2 .aadmap analysis';
const TARGET_RATIO = 2;
/** File sizes in mappings (docs/performance.md). */
const FILE_SIZES = [50, 500, 5000] as const;

/** The two shapes of file: many small blocks (test/support/generate.ts) and one big block against a schema file of its own. */
interface Shape {
  name: string;
  file(size: number): { text: string; schemaFiles: SchemaFileReader; base?: unknown };
}
const SHAPES: readonly Shape[] = [
  { name: 'blocks of 5', file: (size) => ({ text: generateMappingFile(size), schemaFiles: noSchemaFiles }) },
  {
    name: 'one block',
    file: (size) => {
      const base = generateOneBlockSchema(size);
      return { text: generateOneBlockFile(size), schemaFiles: oneBlockSchemaFiles(base), base };
    },
  },
];

function main(): void {
  const quick = process.argv.includes('--quick');
  const base = quick ? QUICK_THROUGHPUT : DEFAULT_THROUGHPUT;
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  for (const shape of SHAPES) {
    const perSize = measureShape(shape, base, rows);
    details[shape.name === 'blocks of 5' ? 'sizes' : shape.name] = perSize;
  }
  emit({ case: 'aadmap-analysis', rows, details });
}

function measureShape(shape: Shape, base: typeof DEFAULT_THROUGHPUT, rows: BenchRow[]): Record<string, unknown>[] {
  const perSize: Record<string, unknown>[] = [];
  for (const size of FILE_SIZES) {
    const { text, schemaFiles, base: schemaBase } = shape.file(size);
    const parsed = parseMappingFile(text);
    const json = graphSchemaJson(parsed.ast, schemaBase);
    const check = analyzeMappingText(text, 'file:///bench/generated.aadmap', schemaFiles);
    if (check.diagnostics.length > 0)
      throw new Error(`the generated file has diagnostics: ${JSON.stringify(check.diagnostics.slice(0, 3))}`);
    // Big files: fewer, longer repetitions (one analysis of 5,000 mappings is one operation).
    const options = {
      ...base,
      batchMs: Math.max(base.batchMs, size >= 5000 ? 400 : base.batchMs),
      repetitions: size >= 5000 ? Math.min(base.repetitions, 9) : base.repetitions,
    };
    const [analysis, floor] = measureThroughput(
      [
        { name: 'aadmap analysis', run: (input: string) => analyzeMappingText(input, 'file:///bench/generated.aadmap', schemaFiles) },
        { name: 'JSON.parse', run: () => JSON.parse(json) },
      ],
      [text],
      options,
    );
    const ratio = analysis!.medianUs / floor!.medianUs;
    perSize.push({ size, textBytes: text.length, jsonBytes: json.length, analysis, jsonParse: floor });
    rows.push({
      benchmark: BENCHMARK,
      case: `${shape.name}: ${size.toLocaleString('en-US')} mappings (${Math.round(text.length / 1024)} KB; JSON ${Math.round(json.length / 1024)} KB)`,
      value: analysis!.medianUs / 1000,
      unit: 'ms',
      reference: { name: 'JSON.parse', value: floor!.medianUs / 1000 },
      ratio: `${ratio.toFixed(2)}× JSON.parse`,
      target: `≤ ${TARGET_RATIO}× JSON.parse`,
      status: ratio <= TARGET_RATIO ? 'met' : 'missed',
      note: `${(analysis!.medianUs / size).toFixed(1)} µs/mapping`,
    });
  }
  // Growth: cost per mapping at the largest size relative to the middle one (1.0 = perfectly linear).
  const perMapping = perSize.map((entry) => (entry['analysis'] as { medianUs: number }).medianUs / (entry['size'] as number));
  const growth = perMapping[perMapping.length - 1]! / perMapping[1]!;
  rows.push({
    benchmark: BENCHMARK,
    case: `${shape.name}: growth: per-mapping cost 5,000 vs 500 (×10 size → ×${(growth * 10).toFixed(1)} time)`,
    value: growth,
    unit: '×',
    target: 'linear (≤ 1.25×)',
    status: growth <= 1.25 ? 'met' : 'missed',
    note: `per mapping: ${perMapping.map((us) => `${us.toFixed(1)} µs`).join(' / ')}`,
  });
  return perSize;
}

main();

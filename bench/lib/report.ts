/**
 * The result format of the benchmark cases and the table `npm run bench` prints. Each case runs in
 * its own process and writes one line `BENCH_RESULT <json>` on stdout; the runner collects them.
 */

export type Status = 'met' | 'missed' | 'info' | 'pending';

export interface BenchRow {
  /** Benchmark number and name as in docs/performance.md, e.g. "1 SCIM filter parsing". */
  benchmark: string;
  /** What was measured, e.g. `short: userName eq "bjensen"`. */
  case: string;
  /** aadmap's figure with its unit (undefined when pending). */
  value?: number;
  unit: string;
  /** The reference it is compared with (the fastest peer, JSON.parse, a budget). */
  reference?: { name: string; value: number };
  /** Ratio as printed, e.g. "1.20× faster" or "1.7× JSON.parse". */
  ratio?: string;
  /** The target for this row, when it has one. */
  target?: string;
  status: Status;
  note?: string;
}

export interface CaseResult {
  case: string;
  rows: BenchRow[];
  /** Anything else worth keeping in results.json (per-peer figures, samples, versions). */
  details?: Record<string, unknown>;
}

export const RESULT_MARKER = 'BENCH_RESULT ';

export function emit(result: CaseResult): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

/** Number formatting with three significant digits (1.23, 12.3, 123, 1234). */
export function fmt(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

const STATUS_TEXT: Record<Status, string> = { met: 'met', missed: 'MISSED', info: '', pending: 'pending' };

/** A Markdown table (readable in a terminal, pasteable into docs/performance.md). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['Benchmark', 'Case', 'aadmap', 'Reference', 'Ratio', 'Target', 'Status'];
  const lines = rows.map((row) => [
    row.benchmark,
    row.case,
    row.value === undefined ? '–' : `${fmt(row.value)} ${row.unit}`,
    row.reference ? `${row.reference.name} ${fmt(row.reference.value)} ${row.unit}` : '',
    row.ratio ?? '',
    row.target ?? '',
    STATUS_TEXT[row.status] + (row.note ? (STATUS_TEXT[row.status] ? ` (${row.note})` : row.note) : ''),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

/**
 * Benchmark 5: expression evaluation throughput for a realistic Chatwork mapping set.
 *
 * The evaluator is being built (feature/eval). Once it is merged, this case evaluates every mapping
 * of `generateMappingFile(500)` against a few synthetic users, with `measureThroughput` as in
 * benchmark 1 (µs per mapping evaluation), and reports it as an "info" row (the issue sets no
 * target). Until then it reports the row as pending, so the table shows the gap.
 */
import { type BenchRow, emit } from '../lib/report';

const rows: BenchRow[] = [
  {
    benchmark: '5 expression evaluation',
    case: 'Chatwork mapping set, µs per mapping',
    unit: 'µs',
    status: 'pending',
    note: 'no evaluator yet: feature/eval',
  },
];
emit({ case: 'evaluation', rows });

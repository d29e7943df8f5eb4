/**
 * Measurement helpers shared by the benchmark cases.
 *
 * Throughput is measured in CPU time (process.cpuUsage, user + system) rather than wall time: the
 * benchmark machine is a shared 2-core VM, and CPU time is what a parse costs whatever else runs.
 * Contestants of one comparison run interleaved (A, B, C, A, B, C, … in rotating order), each
 * repetition a batch of calls long enough to dwarf the clock's resolution, so drift and noise hit
 * all of them alike; the figure reported is the median over the repetitions.
 */

export interface Contestant<T> {
  name: string;
  /** One operation on one input. Its result is kept so that the JIT cannot drop the call. */
  run: (input: T) => unknown;
}

export interface ThroughputOptions {
  /** Warm-up per contestant before measuring (milliseconds of CPU). */
  warmupMs: number;
  /** Measured repetitions per contestant. */
  repetitions: number;
  /** Target CPU time of one repetition (milliseconds); the batch size is calibrated to it. */
  batchMs: number;
}

// Batches of 200 ms: Linux may account CPU time in scheduler ticks (4 ms), so shorter batches
// would carry a visible rounding error.
export const DEFAULT_THROUGHPUT: ThroughputOptions = { warmupMs: 1000, repetitions: 11, batchMs: 200 };
export const QUICK_THROUGHPUT: ThroughputOptions = { warmupMs: 300, repetitions: 5, batchMs: 100 };

export interface ThroughputResult {
  name: string;
  /** Median CPU microseconds per operation (one pass over the whole input set counts as inputs.length operations). */
  medianUs: number;
  /** Spread of the repetitions: min and max microseconds per operation. */
  minUs: number;
  maxUs: number;
  /** Operations per repetition after calibration. */
  batch: number;
}

/** CPU milliseconds used by this process so far. */
export function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

let sink: unknown;
/** Keeps results reachable so that no call is optimised away. */
export function consume(value: unknown): void {
  sink = value;
}
export function lastConsumed(): unknown {
  return sink;
}

/** Runs every input once through `run`, `times` times over; returns CPU milliseconds. */
function pass<T>(contestant: Contestant<T>, inputs: readonly T[], times: number): number {
  const start = cpuMs();
  for (let t = 0; t < times; t++) {
    for (let i = 0; i < inputs.length; i++) consume(contestant.run(inputs[i]!));
  }
  return cpuMs() - start;
}

/** Measures each contestant on the same inputs, interleaved. */
export function measureThroughput<T>(
  contestants: readonly Contestant<T>[],
  inputs: readonly T[],
  options: ThroughputOptions,
): ThroughputResult[] {
  // Warm-up and calibration: how many passes over the inputs make one batch of about batchMs.
  const passes = contestants.map((contestant) => {
    let times = 1;
    const warmupEnd = cpuMs() + options.warmupMs;
    while (cpuMs() < warmupEnd) {
      if (pass(contestant, inputs, times) < options.batchMs / 4) times *= 2;
    }
    // Calibrate on a warm contestant, on a pass long enough for the clock.
    let spent = pass(contestant, inputs, times);
    while (spent < options.batchMs / 4) {
      times *= 2;
      spent = pass(contestant, inputs, times);
    }
    return Math.max(1, Math.round((times * options.batchMs) / spent));
  });
  const samples: number[][] = contestants.map(() => []);
  for (let r = 0; r < options.repetitions; r++) {
    for (let k = 0; k < contestants.length; k++) {
      const index = (k + r) % contestants.length; // rotate the order: no contestant always runs first
      const ms = pass(contestants[index]!, inputs, passes[index]!);
      samples[index]!.push((ms * 1000) / (passes[index]! * inputs.length));
    }
  }
  return contestants.map((contestant, index) => ({
    name: contestant.name,
    medianUs: median(samples[index]!),
    minUs: Math.min(...samples[index]!),
    maxUs: Math.max(...samples[index]!),
    batch: passes[index]! * inputs.length,
  }));
}

/**
 * Tests let the event loop of their vitest worker turn at least every second or so.
 *
 * Why: the worker reports each test to the main vitest process over an RPC channel whose calls
 * time out after a fixed 60 s (not configurable). While a test runs synchronous code, the answer to
 * a pending call sits unread, and when the loop finally turns Node runs the expired timeout before
 * it reads the answer: the run ends with `Timeout calling "onTaskUpdate"` and exit status 1 although
 * every test passed (https://github.com/vitest-dev/vitest/issues/8164). On a loaded machine a
 * synchronous stretch of 15 s can take 60. So: no child process run synchronously (run them with
 * test/support/cli-process.ts), and long loops, property tests among them, yield (below).
 * test/support/event-loop-setup.ts measures the stretches.
 */
import fc from 'fast-check';

/** Taken when this module loads: a test that fakes timers does not fake these. */
const realSetImmediate = setImmediate;
const now = performance.now.bind(performance);

/** How long a test may run synchronously before it lets the loop turn. */
const TURN_EVERY_MS = 1000;

let lastTurn = now();

/**
 * Lets the event loop turn (expired timers run, pending I/O is read) when more than TURN_EVERY_MS
 * passed since it last did here; otherwise returns at once. Await it inside long loops.
 */
export async function letEventLoopTurn(): Promise<void> {
  if (now() - lastTurn < TURN_EVERY_MS) return;
  // Two macrotasks: an immediate queued while the loop polls for I/O runs right after the poll, so
  // only the second one is sure to come after a whole turn (https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick).
  await new Promise<void>((resolve) => realSetImmediate(() => realSetImmediate(resolve)));
  lastTurn = now();
}

/**
 * `fc.property` for a long property test: the same arbitraries and synchronous predicate, as an
 * asynchronous property that lets the event loop turn between runs (letEventLoopTurn), shrinking
 * included. `await fc.assert(yieldingProperty(…), parameters)`: the same seed, runs and
 * counter-examples as `fc.assert(fc.property(…), parameters)`.
 */
export function yieldingProperty<Ts extends [unknown, ...unknown[]]>(
  ...args: [...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...values: Ts) => boolean | void]
): fc.IAsyncPropertyWithHooks<Ts> {
  const arbitraries = args.slice(0, -1) as { [K in keyof Ts]: fc.Arbitrary<Ts[K]> };
  const predicate = args[args.length - 1] as (...values: Ts) => boolean | void;
  return fc.asyncProperty<Ts>(...arbitraries, async (...values: Ts) => {
    await letEventLoopTurn();
    return predicate(...values);
  });
}

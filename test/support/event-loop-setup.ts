/**
 * Vitest setup file (vitest.config.ts `setupFiles`): lets the event loop turn between tests (long
 * synchronous tests back to back would block it as one), and measures how long this test worker's
 * event loop stays blocked, which must stay short (why: test/support/event-loop.ts). A timer ticks every
 * TICK_MS; the time between two ticks is one stretch without a turn of the loop, shared among
 * the tests (and hooks) that ran in it. After the file, stretches of REPORT_MS or more are printed as
 * `[blocking] <seconds> s  <test> (<its share>) + …`; AADMAP_REPORT_BLOCKING=<seconds> prints shorter ones too:
 *
 *   AADMAP_REPORT_BLOCKING=1 npx vitest run 2>&1 | grep '^\[blocking\]' | sort -k2 -rn
 *
 * A report, never a failure: a limit on wall time would make tests fail when the machine is busy.
 */
import { afterAll, afterEach, beforeEach } from 'vitest';
import { letEventLoopTurn } from './event-loop';
import { fullName } from './seed';

const TICK_MS = 250;
/** A third of vitest's 60 s RPC timeout: always reported. */
const REPORT_MS = 20_000;

function reportFrom(value: string | undefined): number {
  if (value === undefined || value === '') return REPORT_MS;
  const seconds = Number(value);
  if (!(seconds > 0)) throw new Error(`AADMAP_REPORT_BLOCKING must be a number of seconds greater than 0, got '${value}'`);
  return seconds * 1000;
}

const threshold = reportFrom(process.env['AADMAP_REPORT_BLOCKING']);
const now = performance.now.bind(performance);

const BETWEEN = '(between tests)';
/** What runs now, since when, and how long each thing ran since the loop last turned. */
let running = '(collecting the file, beforeAll)';
let mark = now();
let stretchStart = mark;
let parts = new Map<string, number>();
const stretches: { ms: number; parts: Map<string, number> }[] = [];

function charge(): void {
  const time = now();
  parts.set(running, (parts.get(running) ?? 0) + time - mark);
  mark = time;
}

function enter(what: string): void {
  charge();
  running = what;
}

function endStretch(): void {
  charge();
  if (mark - stretchStart >= threshold) stretches.push({ ms: mark - stretchStart, parts });
  stretchStart = mark;
  parts = new Map();
}

const ticker = setInterval(endStretch, TICK_MS);
ticker.unref();

beforeEach((context) => enter(fullName(context.task)));
afterEach(async () => {
  enter(BETWEEN);
  await letEventLoopTurn();
});

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

afterAll((file) => {
  clearInterval(ticker);
  endStretch();
  for (const stretch of stretches.sort((a, b) => b.ms - a.ms)) {
    const shares = [...stretch.parts]
      .filter(([, ms]) => ms >= 50)
      .sort((a, b) => b[1] - a[1])
      .map(([what, ms]) => `${what.startsWith('(') ? `${file.name} ${what}` : what} (${seconds(ms)})`);
    const listed = shares.length <= 3 ? shares.join(' + ') : `${shares.slice(0, 3).join(' + ')} + ${shares.length - 3} more`;
    console.warn(`[blocking] ${seconds(stretch.ms)}  ${listed}`);
  }
});

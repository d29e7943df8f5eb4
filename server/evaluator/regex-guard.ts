/**
 * Bounded regular-expression matching. JavaScript's engine backtracks without limit, so a pattern such
 * as `(a+)+$` on forty `a`s and a `!` never ends. .NET has the same weakness and answers it with a
 * match timeout (RegexMatchTimeoutException, see
 * https://learn.microsoft.com/en-us/dotnet/standard/base-types/best-practices-regex#use-time-out-values);
 * this module does the same:
 * - patterns whose worst case is provably small for the given input (no backreference, no quantified
 *   group that itself repeats or alternates, and few enough quantifiers for the input's length) run
 *   directly — the usual mapping patterns, at no extra cost;
 * - every other match runs in a worker thread while the caller waits at most REGEX_DEADLINE_MS; past
 *   it the worker is terminated and RegexTimeoutError is thrown (the evaluator reports it at the call).
 * The API stays synchronous, so the evaluator, the preview and the CLI need no change of shape.
 */
import { t } from '../../grammar/common/l10n';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

export const REGEX_TIMEOUT_MESSAGE = 'the regular expression took too long';
/** How long one match may run before it is abandoned. */
const REGEX_DEADLINE_MS = 1000;
/**
 * A pattern that timed out once, and any pattern in the minute after a timeout, gets this much: a
 * hostile file costs its first second only, however many such patterns it holds.
 */
const POISONED_DEADLINE_MS = 100;
const POISONED_WINDOW_MS = 60_000;
/** Worst-case backtracking steps allowed on the direct path: (input length + 1) ^ (quantifiers + 1). */
const DIRECT_STEP_BUDGET = 2e6;

export class RegexTimeoutError extends Error {
  constructor(readonly deadlineMs: number) {
    super(t('the regular expression took too long (stopped after {0} ms)', deadlineMs));
  }
}

/** One match, as the worker and the direct path both produce it. */
export interface RawMatch {
  index: number;
  groups: (string | undefined)[];
  indices: ([number, number] | undefined)[];
}

export interface RegexSource {
  source: string;
  flags: string;
}

// ───────────────────────────────────────────── the static risk analysis

interface Shape {
  backreference: boolean;
  /** A repeated group whose body repeats or alternates: exponential backtracking is possible. */
  nestedRepetition: boolean;
  quantifiers: number;
}

const shapes = new Map<string, Shape>();

/** The shape of a translated (JavaScript, `v`-flag) pattern source. */
function shapeOf(source: string): Shape {
  const cached = shapes.get(source);
  if (cached) return cached;
  const shape: Shape = { backreference: false, nestedRepetition: false, quantifiers: 0 };
  interface Frame {
    repeats: boolean;
    alternates: boolean;
  }
  const stack: Frame[] = [{ repeats: false, alternates: false }];
  // What the next quantifier applies to: a closed group's frame, a plain atom, or nothing.
  let last: Frame | 'atom' | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next)) shape.backreference = true;
      if (/[upPk]/.test(next) && /[{<]/.test(source[i + 2] ?? '')) i = source.indexOf(next === 'k' ? '>' : '}', i);
      else i++;
      last = 'atom';
    } else if (ch === '[') {
      let depth = 1;
      while (depth > 0 && ++i < source.length) {
        if (source[i] === '\\') i++;
        else if (source[i] === '[') depth++;
        else if (source[i] === ']') depth--;
      }
      last = 'atom';
    } else if (ch === '(') {
      stack.push({ repeats: false, alternates: false });
      const header = /^\((?:\?(?::|=|!|<=|<!|<[^>]*>))?/.exec(source.slice(i))![0];
      i += header.length - 1;
      last = undefined;
    } else if (ch === ')') {
      const frame = stack.length > 1 ? stack.pop()! : { repeats: false, alternates: false };
      if (frame.repeats) stack[stack.length - 1]!.repeats = true;
      last = frame;
    } else if (ch === '|') {
      stack[stack.length - 1]!.alternates = true;
      last = undefined;
    } else if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
      let repeating = ch !== '?';
      if (ch === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (!m) continue;
        repeating = m[2] !== undefined && (m[3] === '' || Number(m[3]) > 1);
        i += m[0].length - 1;
      }
      if (last === undefined) continue;
      if (typeof last === 'object' && repeating && (last.repeats || last.alternates)) shape.nestedRepetition = true;
      shape.quantifiers++;
      stack[stack.length - 1]!.repeats = true;
      if (source[i + 1] === '?') i++;
      last = undefined;
    } else last = 'atom';
  }
  if (shapes.size > 512) shapes.delete(shapes.keys().next().value!);
  shapes.set(source, shape);
  return shape;
}

/** True when matching `regex` on `input` cannot backtrack for long, so it may run without a deadline. */
export function isLinearSafe(regex: RegexSource, input: string): boolean {
  const shape = shapeOf(regex.source);
  if (shape.backreference || shape.nestedRepetition) return false;
  return Math.pow(input.length + 1, shape.quantifiers + 1) <= DIRECT_STEP_BUDGET;
}

// ───────────────────────────────────────────── matching (the same code runs directly and in the worker)

function matchIn(source: string, flags: string, input: string, all: boolean): RawMatch[] {
  const regex = new RegExp(source, `${flags}${all ? 'g' : ''}d`);
  const matches: RawMatch[] = [];
  for (;;) {
    const m = regex.exec(input);
    if (!m) break;
    matches.push({
      index: m.index,
      groups: Array.from(m),
      indices: Array.from(m.indices ?? [], (pair) => (pair ? [pair[0], pair[1]] : undefined)),
    });
    if (!all) break;
    // Like .NET's Regex.Matches, an empty match advances by one character.
    if (m[0] === '') regex.lastIndex = m.index + 1;
  }
  return matches;
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { port, signal: buffer } = workerData;
const signal = new Int32Array(buffer);
const matchIn = ${matchIn.toString()};
port.on('message', (request) => {
  let answer;
  try {
    answer = { id: request.id, matches: matchIn(request.source, request.flags, request.input, request.all) };
  } catch (error) {
    answer = { id: request.id, error: String(error && error.message) };
  }
  port.postMessage(answer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
Atomics.store(signal, 1, 1);
Atomics.notify(signal, 1);
`;

interface Runner {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

let runner: Runner | undefined;
let nextId = 0;
const poisoned = new Set<string>();
let lastTimeout = -Infinity;

function startRunner(): Runner {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal: signal.buffer }, transferList: [port2] });
  // The worker must never keep a CLI alive, nor surface its termination as an error.
  worker.unref();
  worker.on('error', () => undefined);
  // Starting a thread on a loaded machine can take a while: that time is not the pattern's.
  Atomics.wait(signal, 1, 0, 30_000);
  return { worker, port: port1, signal };
}

function stopRunner(): void {
  if (!runner) return;
  void runner.worker.terminate();
  runner.port.close();
  runner = undefined;
}

function matchInWorker(regex: RegexSource, input: string, all: boolean): RawMatch[] {
  runner ??= startRunner();
  const { port, signal } = runner;
  const key = `${regex.flags}/${regex.source}`;
  const deadlineMs = poisoned.has(key) || Date.now() - lastTimeout < POISONED_WINDOW_MS ? POISONED_DEADLINE_MS : REGEX_DEADLINE_MS;
  const id = ++nextId;
  const seen = Atomics.load(signal, 0);
  port.postMessage({ id, source: regex.source, flags: regex.flags, input, all });
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received) {
      const answer = received.message as { id: number; matches?: RawMatch[]; error?: string };
      if (answer.id !== id) continue;
      if (answer.error !== undefined) throw new Error(answer.error);
      return answer.matches!;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    Atomics.wait(signal, 0, seen, remaining);
  }
  stopRunner();
  if (poisoned.size > 512) poisoned.clear();
  poisoned.add(key);
  lastTimeout = Date.now();
  throw new RegexTimeoutError(deadlineMs);
}

/** The first match (all = false) or every match (all = true) of `regex` in `input`, within the deadline. */
export function boundedMatches(regex: RegexSource, input: string, all: boolean): RawMatch[] {
  if (isLinearSafe(regex, input)) return matchIn(regex.source, regex.flags, input, all);
  return matchInWorker(regex, input, all);
}

/** The full collections after the analysis of a large document and after bursts of its edits (server/lsp/memory-release.ts). */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createMemoryRelease } from '../../server/lsp/memory-release';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const LARGE = 300_000;
const SMALL = 10_000;
const AFTER_OPEN = 500;
const AFTER_EDITS = 1_500;

type Step = readonly ['analysed', string, number, number] | readonly ['closed', string] | readonly ['wait', number];

it.each<{ case: string; steps: Step[]; collections: number }>([
  { case: 'a large document, analysed once', steps: [['analysed', 'a', LARGE, 1]], collections: 1 },
  { case: 'a small document', steps: [['analysed', 'a', SMALL, 1]], collections: 0 },
  {
    case: 'a large document pulled again with no edit',
    steps: [
      ['analysed', 'a', LARGE, 1],
      ['wait', 2_000],
      ['analysed', 'a', LARGE, 1],
      ['analysed', 'a', LARGE, 1],
    ],
    collections: 1,
  },
  {
    case: 'a large document, then a burst of edits: one more collection, after it',
    steps: [
      ['analysed', 'a', LARGE, 1],
      ['wait', 2_000],
      ['analysed', 'a', LARGE, 2],
      ['wait', 100],
      ['analysed', 'a', LARGE, 3],
      ['wait', 100],
      ['analysed', 'a', LARGE, 4],
    ],
    collections: 2,
  },
  {
    case: 'two large documents opened together: one collection',
    steps: [
      ['analysed', 'a', LARGE, 1],
      ['analysed', 'b', LARGE, 1],
    ],
    collections: 1,
  },
  {
    case: 'closed and opened again',
    steps: [
      ['analysed', 'a', LARGE, 1],
      ['wait', 2_000],
      ['closed', 'a'],
      ['analysed', 'a', LARGE, 1],
    ],
    collections: 2,
  },
])('$case', ({ steps, collections }) => {
  const collect = vi.fn();
  const memory = createMemoryRelease(collect, AFTER_OPEN, AFTER_EDITS);
  for (const step of steps) {
    if (step[0] === 'analysed') memory.analysed(step[1], step[2], step[3]);
    else if (step[0] === 'closed') memory.closed(step[1]);
    else vi.advanceTimersByTime(step[1]);
  }
  vi.advanceTimersByTime(5_000);
  expect(collect).toHaveBeenCalledTimes(collections);
});

it('collects only once the server has been idle a moment after the open', () => {
  const collect = vi.fn();
  createMemoryRelease(collect, AFTER_OPEN, AFTER_EDITS).analysed('a', LARGE, 1);
  vi.advanceTimersByTime(AFTER_OPEN - 1);
  expect(collect).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(collect).toHaveBeenCalledTimes(1);
});

it('each analysis pushes a waiting collection back: none lands while the user types', () => {
  const collect = vi.fn();
  const memory = createMemoryRelease(collect, AFTER_OPEN, AFTER_EDITS);
  memory.analysed('a', LARGE, 1);
  vi.advanceTimersByTime(AFTER_OPEN);
  expect(collect).toHaveBeenCalledTimes(1);
  // Keystrokes every 400 ms for 10 s: no collection in between.
  for (let version = 2; version < 27; version++) {
    memory.analysed('a', LARGE, version);
    vi.advanceTimersByTime(400);
  }
  expect(collect).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(AFTER_EDITS - 400 - 1);
  expect(collect).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(1);
  expect(collect).toHaveBeenCalledTimes(2);
  // A pull of the same version before the collection pushes it back too.
  memory.analysed('a', LARGE, 27);
  vi.advanceTimersByTime(AFTER_EDITS - 1);
  memory.analysed('a', LARGE, 27);
  vi.advanceTimersByTime(AFTER_EDITS - 1);
  expect(collect).toHaveBeenCalledTimes(2);
  vi.advanceTimersByTime(1);
  expect(collect).toHaveBeenCalledTimes(3);
});

it('does nothing when the server runs without --expose-gc', () => {
  const memory = createMemoryRelease(undefined, AFTER_OPEN, AFTER_EDITS);
  expect(() => {
    memory.analysed('a', LARGE, 1);
    vi.advanceTimersByTime(5_000);
  }).not.toThrow();
});

/** The one full collection after the first analysis of a large document (server/lsp/memory-release.ts). */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createMemoryRelease } from '../../server/lsp/memory-release';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const LARGE = 300_000;
const SMALL = 10_000;

it.each([
  { case: 'a large document, analysed once', steps: [['analysed', 'a', LARGE]], collections: 1 },
  { case: 'a small document', steps: [['analysed', 'a', SMALL]], collections: 0 },
  {
    case: 'a large document, analysed again after edits',
    steps: [['analysed', 'a', LARGE], ['wait'], ['analysed', 'a', LARGE]],
    collections: 1,
  },
  {
    case: 'two large documents opened together: one collection',
    steps: [
      ['analysed', 'a', LARGE],
      ['analysed', 'b', LARGE],
    ],
    collections: 1,
  },
  {
    case: 'closed and opened again',
    steps: [['analysed', 'a', LARGE], ['wait'], ['closed', 'a'], ['analysed', 'a', LARGE]],
    collections: 2,
  },
] as const)('$case', ({ steps, collections }) => {
  const collect = vi.fn();
  const memory = createMemoryRelease(collect, 500);
  for (const [step, uri, length] of steps) {
    if (step === 'analysed') memory.analysed(uri, length);
    else if (step === 'closed') memory.closed(uri);
    else vi.advanceTimersByTime(1000);
  }
  vi.advanceTimersByTime(1000);
  expect(collect).toHaveBeenCalledTimes(collections);
});

it('collects only once the server has been idle a moment', () => {
  const collect = vi.fn();
  createMemoryRelease(collect, 500).analysed('a', LARGE);
  vi.advanceTimersByTime(499);
  expect(collect).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(collect).toHaveBeenCalledTimes(1);
});

it('does nothing when the server runs without --expose-gc', () => {
  const memory = createMemoryRelease(undefined, 500);
  expect(() => {
    memory.analysed('a', LARGE);
    vi.advanceTimersByTime(1000);
  }).not.toThrow();
});

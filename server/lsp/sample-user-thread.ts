/**
 * Evaluation off the server's main thread. A document's values for the sample user run its
 * expressions, and a workspace decides what they hold: a regular expression that backtracks for long
 * (bounded per match by the evaluator's regex guard, but a file may hold thousands), a file of
 * 100,000 mappings, sample users that are slow to read. On the main thread any of these would stop
 * every request of every document, so the lenses, the evaluation hover and the preview run in one
 * worker thread (the server bundle itself, started with a role in its workerData), one request at a
 * time, each within a time budget: past it the worker is terminated (a new one starts for the next
 * request) and the request is answered "stopped". The main thread only passes the document's text.
 */
import { currentL10nBundle, currentL10nLocale, t } from '../../grammar/common/l10n';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SampleUserAnswers, SampleUserJobs, SampleUserProgress, SampleUserRequest } from './sample-user-jobs';

/** How long one evaluation request may run in the worker before it is stopped. */
const SAMPLE_USER_BUDGET_MS = 5000;
/** The worker's heap limit: a document that needs more stops the worker, never the server. */
const WORKER_HEAP_MB = 1024;
const ROLE = 'aadmap-evaluation';

export type ThreadOutcome<T, P = never> =
  | { kind: 'done'; value: T }
  /** Ran past the budget (or out of memory) and was stopped; `partials`: what it sent before, in order. */
  | { kind: 'stopped'; budgetMs: number; partials: P[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface SampleUserThread {
  run<K extends SampleUserRequest['kind']>(
    request: Extract<SampleUserRequest, { kind: K }>,
    cancelled?: () => boolean,
  ): Promise<ThreadOutcome<SampleUserAnswers[K], SampleUserProgress[K]>>;
  /** Drops what the worker keeps: a schema file or a setting changed. */
  reset(): void;
  dispose(): void;
}

interface Job {
  id: number;
  request: SampleUserRequest;
  cancelled?: () => boolean;
  resolve(outcome: ThreadOutcome<unknown, unknown>): void;
}

type WorkerAnswer =
  | { ready: true }
  | { id: number; value: unknown }
  | { id: number; error: string }
  /** Sent before the answer (the lenses made so far), kept in case the request is stopped. */
  | { id: number; partial: unknown };

/** True in the sample-user thread (the server bundle started by createSampleUserThread). */
export function isSampleUserThread(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

/** The worker's side: answers each request with the jobs' result, in order. */
export function serveSampleUserJobs(jobs: SampleUserJobs): void {
  const port = parentPort!;
  port.on('message', (message: { reset: true } | { id: number; request: SampleUserRequest }) => {
    if ('reset' in message) return jobs.reset();
    try {
      const partial = (chunk: unknown) => port.postMessage({ id: message.id, partial: chunk });
      port.postMessage({ id: message.id, value: jobs.run(message.request, partial) });
    } catch (error) {
      port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  port.postMessage({ ready: true });
}

/** The main thread's side. `entry`: the script the worker runs (the server bundle, `__filename`). */
export function createSampleUserThread(entry: string, budgetMs = SAMPLE_USER_BUDGET_MS): SampleUserThread {
  let worker: Worker | undefined;
  let ready = false;
  let running: { job: Job; partials: unknown[]; timer?: ReturnType<typeof setTimeout> } | undefined;
  const queue: Job[] = [];
  let nextId = 0;

  const finish = (outcome: ThreadOutcome<unknown, unknown>) => {
    const current = running;
    if (!current) return;
    clearTimeout(current.timer);
    running = undefined;
    current.job.resolve(outcome);
    pump();
  };

  /** The running request's outcome when it is stopped: with what it sent before. */
  const stopped = (): ThreadOutcome<unknown, unknown> => ({ kind: 'stopped', budgetMs, partials: running?.partials ?? [] });

  const stopWorker = () => {
    const stopping = worker;
    worker = undefined;
    ready = false;
    if (stopping) void stopping.terminate().catch(() => undefined);
  };

  // The budget counts from when the worker is ready: starting a thread on a loaded machine is not the document's cost.
  const startTimer = () => {
    if (!running || running.timer || !ready) return;
    running.timer = setTimeout(() => {
      stopWorker();
      finish(stopped());
    }, budgetMs);
  };

  const start = (): Worker => {
    const started = new Worker(entry, {
      workerData: { role: ROLE, l10nBundle: currentL10nBundle(), l10nLocale: currentL10nLocale() },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    // The server exits when its connection ends; the worker never keeps it alive.
    started.unref();
    started.on('message', (answer: WorkerAnswer) => {
      if (worker !== started) return;
      if ('ready' in answer) {
        ready = true;
        startTimer();
        return;
      }
      if (!running || running.job.id !== answer.id) return;
      if ('partial' in answer) return void running.partials.push(answer.partial);
      finish('error' in answer ? { kind: 'failed', message: answer.error } : { kind: 'done', value: answer.value });
    });
    const lost = (outcome: ThreadOutcome<unknown, unknown>) => {
      if (worker !== started) return;
      worker = undefined;
      ready = false;
      finish(outcome);
    };
    started.on('error', (error: Error & { code?: string }) =>
      lost(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? stopped() : { kind: 'failed', message: error.message }),
    );
    started.on('exit', () => lost({ kind: 'failed', message: t('the evaluation thread ended') }));
    return started;
  };

  const pump = () => {
    if (running) return;
    let job: Job | undefined;
    while ((job = queue.shift()) && job.cancelled?.()) job.resolve({ kind: 'cancelled' });
    if (!job) return;
    try {
      worker ??= start();
    } catch (error) {
      job.resolve({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return pump();
    }
    running = { job, partials: [] };
    worker.postMessage({ id: job.id, request: job.request });
    startTimer();
  };

  return {
    run(request, cancelled) {
      return new Promise((resolve) => {
        queue.push({ id: ++nextId, request, cancelled, resolve: resolve as Job['resolve'] });
        pump();
      });
    },
    reset() {
      worker?.postMessage({ reset: true });
    },
    dispose() {
      for (const job of queue.splice(0)) job.resolve({ kind: 'cancelled' });
      stopWorker();
      finish({ kind: 'cancelled' });
    },
  };
}

/** Loads the evaluation jobs (and with them the evaluator) on first call in the bundles: only the evaluation thread runs them (scripts/lazy-modules.mjs). */
import * as evaluationJobs from './sample-user-jobs';
export const loadSampleUserJobs = (): typeof evaluationJobs => evaluationJobs;

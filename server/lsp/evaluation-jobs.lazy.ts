/** Loads the evaluation jobs (and with them the evaluator) on first call in the bundles: only the evaluation thread runs them (scripts/lazy-modules.mjs). */
import * as evaluationJobs from './evaluation-jobs';
export const loadEvaluationJobs = (): typeof evaluationJobs => evaluationJobs;

/** Loads the evaluation features (and with them the evaluator) on first call in the bundles: see scripts/lazy-modules.mjs. */
import * as evaluationFeatures from './sample-user-features';
export const loadSampleUserFeatures = (): typeof evaluationFeatures => evaluationFeatures;

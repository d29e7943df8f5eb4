/** Loads the Graph request handlers (and with them the Graph client, the workflow and the evaluator) on the first Graph request in the bundles: see scripts/lazy-modules.mjs. */
import * as graphHandlers from './graph-handlers';
export const loadGraphHandlers = (): typeof graphHandlers => graphHandlers;

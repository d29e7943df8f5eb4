/** Loads reference.ts (and with it chevrotain) on first call in the bundles: see scripts/lazy-modules.mjs. */
import * as general from './reference';
export const loadReferenceParser = (): typeof general => general;

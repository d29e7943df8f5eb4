/** Loads the editor features (and with them the lexers and chevrotain) on first call in the bundles: see scripts/lazy-modules.mjs. */
import * as features from './index';
export const loadFeatures = (): typeof features => features;

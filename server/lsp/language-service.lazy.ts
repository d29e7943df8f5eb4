/** Loads the language service (and with it the parsers' fast paths, the checker, the catalogue and the schemas) on first use in the bundles: see scripts/lazy-modules.mjs. */
import * as languageService from '../service/language-service';
export const loadLanguageService = (): typeof languageService => languageService;

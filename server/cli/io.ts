import type { Locale } from '../l10n/locale';

/** What a command may touch: output streams, colour, the version. Injected so commands run in tests too. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  version: string;
  /** The language of messages when `--locale` is not given (from the environment); English when absent. */
  locale?: Locale;
}

/**
 * Colour for output to a terminal, none when piped; NO_COLOR (any non-empty value) turns it off and
 * FORCE_COLOR (non-empty) turns it on (FORCE_COLOR=0 or false off, as Node.js reads it), FORCE_COLOR winning when both are
 * set. Conventions: https://no-color.org and https://force-color.org.
 */
export function colorEnabled(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env['NO_COLOR']) return false;
  return isTerminal;
}

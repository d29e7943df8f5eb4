/** The SCIM parsers' limits and modes, shared by the fast path's entry (index.ts) and the reference parser (reference.ts). */
import { t } from '../common/l10n';

/**
 * Maximum nesting of `(`, `[` and `not` that is analysed. Real filters nest a handful of levels.
 * Chevrotain's recursive descent costs roughly 50 stack frames per parenthesis level (it overflows
 * Node's default stack at about 330 levels), so the limit keeps a wide margin for callers that are
 * themselves deep in the stack. A stack overflow would still only become a diagnostic.
 */
export const MAX_SCIM_NESTING = 100;

/** More diagnostics than this for one filter are noise (random input); the rest are dropped. */
export const MAX_DIAGNOSTICS = 100;

export type Mode = 'filter' | 'attributePath' | 'patchPath';

export function describeMode(mode: Mode): string {
  return mode === 'filter' ? t('filter') : mode === 'patchPath' ? t('PATCH path') : t('attribute path');
}

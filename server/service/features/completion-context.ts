/**
 * Where the cursor is, for completion — classified from the tokens of the statement around it and
 * the block it is in (Bicep's BicepCompletionContext split: this module says *where*, completion.ts
 * says *what* fits there). One classifier a language, under completion-sites/: the `.aadmap`
 * statement level (statement.ts), a mapping line's source expression (expression.ts), SCIM filters
 * (scim-filter.ts). Works on partly typed, broken input: an unclosed call, an attribute without `]`,
 * a target path without `<-` yet.
 */
import { statementAt, tokenEnd } from '../../../grammar/mapping/statement-view';
import type { DocumentSnapshot } from '../snapshot';
import { scimCompletionSite } from './completion-sites/scim-filter';
import type { CompletionSite } from './completion-sites/sites';
import { mappingSite } from './completion-sites/statement';

export type { CompletionSite, EnclosingCall, ModifierKeyword } from './completion-sites/sites';

export function completionSite(snapshot: DocumentSnapshot, offset: number): CompletionSite {
  if (snapshot.languageId === 'scimfilter') return scimCompletionSite(snapshot, offset);
  if (snapshot.languageId !== 'aadmap') return { kind: 'none' };
  const statement = statementAt(snapshot, offset);
  if (statement.comments.some((c) => c.startOffset < offset && offset <= tokenEnd(c))) return { kind: 'none' };
  return mappingSite(statement, offset, snapshot.text);
}

/**
 * Signature help: the function whose parentheses hold the cursor, with the active parameter. The
 * position counts separators, so empty arguments (`Replace([x], , "a", , "b", , )`) land on the
 * right parameter; a repeating group (Switch's key/value pairs, Join's sources) is written out as
 * often as the call uses it, numbered, so the pair being typed is the highlighted one.
 */
import type { MarkupContent, ParameterInformation, Position, SignatureHelp, SignatureInformation } from 'vscode-languageserver-types';
import { splitParameters, type FunctionSignature, type ParameterSpec } from '../../catalogue/index';
import type { DocumentSnapshot } from '../snapshot';
import { argumentIndexAt, callAt, callSites, functionsOf, signatureOf } from './calls';
import { microsoftReference, parameterMarkdown } from './descriptions';
import { localized } from '../../../grammar/common/l10n';
import { LeftArrow } from '../../../grammar/mapping/tokens';
import { is, statementAt, tokenEnd } from '../../../grammar/mapping/statement-view';

export interface ExpandedParameter {
  spec: ParameterSpec;
  /** Shown name: `key2` for the second repetition of a group. */
  label: string;
}

/**
 * The parameter list written out for `argumentCount` arguments (at least `minRepeats` and one
 * repetition of the group, and enough to cover `argumentCount`).
 */
function expandParameters(sig: FunctionSignature, argumentCount: number): ExpandedParameter[] {
  const { fixed, group } = splitParameters(sig);
  const expanded: ExpandedParameter[] = fixed.map((spec) => ({ spec, label: spec.name }));
  if (group.length === 0) return expanded;
  const needed = Math.max(sig.minRepeats, 1, Math.ceil(Math.max(0, argumentCount - fixed.length) / group.length));
  for (let r = 0; r < needed; r++) {
    for (const spec of group) expanded.push({ spec, label: needed > 1 ? `${spec.name}${r + 1}` : spec.name });
  }
  return expanded;
}

function signatureInformation(sig: FunctionSignature, argumentCount: number): SignatureInformation {
  const expanded = expandParameters(sig, argumentCount);
  const parameters: ParameterInformation[] = [];
  let label = `${sig.name}(`;
  expanded.forEach((p, i) => {
    if (i > 0) label += ', ';
    const text = `${p.label}${p.spec.optional ? '?' : ''}`;
    parameters.push({ label: [label.length, label.length + text.length], documentation: markdown(parameterMarkdown(p.spec)) });
    label += text;
  });
  if (splitParameters(sig).group.length > 0) label += ', …';
  label += `) → ${sig.returns}${sig.returnsMultiValued ? '[]' : ''}`;
  return { label, documentation: markdown(`${localized(sig.summary)}\n\n${microsoftReference(sig.docUrl)}`), parameters };
}

function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

export function signatureHelp(snapshot: DocumentSnapshot, position: Position): SignatureHelp | null {
  if (snapshot.languageId !== 'aadmap') return null;
  const offset = snapshot.lines.offsetAt(position);
  const statement = statementAt(snapshot, offset);
  // Inside a comment there is no call to help with.
  if (statement.comments.some((c) => c.startOffset < offset && offset <= tokenEnd(c))) return null;
  const arrow = statement.tokens.findIndex((t) => is(t, LeftArrow));
  if (arrow === -1 || statement.tokens[arrow]!.startOffset >= offset) return null;
  const calls = callSites(statement.tokens.slice(arrow + 1));
  let call = callAt(calls, offset);
  // Walk outwards past unknown names and grouping parentheses.
  const functions = functionsOf(snapshot);
  while (call && !signatureOf(call.name, functions))
    call = callAt(
      calls.filter((c) => c.openParen < call!.openParen),
      offset,
    );
  if (!call) return null;
  const sig = signatureOf(call.name, functions)!;
  const active = argumentIndexAt(call, offset);
  const information = signatureInformation(sig, Math.max(call.args.length, active + 1));
  const parameterCount = information.parameters?.length ?? 0;
  return {
    signatures: [information],
    activeSignature: 0,
    // Past the last parameter of a fixed-arity function nothing is highlighted.
    activeParameter: active < parameterCount ? active : parameterCount,
  };
}

/**
 * Inlay hints: the parameter name before a positional argument, so `Replace([x], , "a", , "b", , )`
 * reads `Replace([x], oldValue: , regexPattern: "a", …)`. Functions with a single parameter get
 * none (their argument needs no name). Configurable (`aadmap.inlayHints.parameterNames`):
 *   - `literals` (default): constants, bare names and empty positions — the arguments whose meaning
 *     is not evident from the text;
 *   - `all`: every argument;
 *   - `none`: off.
 */
import type { IToken, TokenType } from 'chevrotain';
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import { parameterForArgument, repetitionForArgument, splitParameters } from '../../catalogue/index';
import type { DocumentSnapshot } from '../snapshot';
import { callSites, functionsOf, signatureOf } from './calls';
import { parameterMarkdown } from './descriptions';
import {
  HexLiteral,
  Identifier,
  LParen,
  NumberLiteral,
  SingleQuotedString,
  StringLiteral,
  UnterminatedString,
} from '../../../grammar/expression/tokens';
import { LeftArrow } from '../../../grammar/mapping/tokens';
import { is, statementsBetween, typeOf } from '../../../grammar/mapping/statement-view';

export type ParameterNameHints = 'none' | 'literals' | 'all';

export interface InlayHintSettings {
  parameterNames?: ParameterNameHints;
}

const LITERALS: ReadonlySet<TokenType | undefined> = new Set([
  StringLiteral,
  UnterminatedString,
  SingleQuotedString,
  NumberLiteral,
  HexLiteral,
]);

function isLiteral(first: IToken, next: IToken | undefined): boolean {
  if (LITERALS.has(typeOf(first))) return true;
  // A bare name (vbTextCompare), not a call.
  return is(first, Identifier) && !is(next, LParen);
}

export function inlayHints(snapshot: DocumentSnapshot, range: Range, settings: InlayHintSettings = {}): InlayHint[] {
  const mode = settings.parameterNames ?? 'literals';
  if (mode === 'none' || snapshot.languageId !== 'aadmap') return [];
  const lines = snapshot.lines;
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const functions = functionsOf(snapshot);
  for (const { tokens } of statementsBetween(snapshot, start, end)) {
    const arrow = tokens.findIndex((t) => is(t, LeftArrow));
    if (arrow === -1) continue;
    const source = tokens.slice(arrow + 1);
    for (const call of callSites(source)) {
      const sig = signatureOf(call.name, functions);
      if (!sig || (sig.parameters.length < 2 && splitParameters(sig).group.length === 0)) continue;
      for (const slot of call.args) {
        const parameter = parameterForArgument(sig, slot.index);
        if (!parameter) continue;
        const empty = !slot.first;
        // The open position being typed gets no hint (it would sit under the cursor).
        if (empty && slot.end === undefined) continue;
        if (!empty && mode === 'literals' && !isLiteral(slot.first!, source[source.indexOf(slot.first!) + 1])) continue;
        const at = empty ? (slot.end ?? slot.start) : slot.first!.startOffset;
        if (at < start || at > end) continue;
        const repetition = repetitionForArgument(sig, slot.index);
        // Repeated parameters are numbered as the documentation writes them (Coalesce(source1,
        // source2, …, defaultValue), Join(separator, source1, source2, …)): a row of identical
        // `source:` labels would say nothing, and Coalesce's last one may be the default value.
        const label = repetition !== undefined ? `${parameter.name}${repetition + 1}` : parameter.name;
        hints.push({
          position: lines.positionAt(at),
          label: `${label}:`,
          kind: InlayHintKind.Parameter,
          paddingRight: true,
          tooltip: { kind: 'markdown', value: `**${sig.name}** — \`${parameter.name}\`: ${parameterMarkdown(parameter)}` },
        });
      }
    }
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

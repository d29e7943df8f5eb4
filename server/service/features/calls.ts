/**
 * Function calls read from a statement's tokens: each call with its argument positions, empty ones
 * included. Built from the separators rather than from a syntax tree, so it is right for partly
 * typed input (`Replace([x], , "a", ` with no closing parenthesis) — what signature help, inlay
 * hints and completion see while the user types.
 */
import type { IToken } from 'chevrotain';
import { BUILTIN_CATALOGUE, type FunctionCatalogue, type FunctionSignature } from '../../catalogue/index';
import type { DocumentSnapshot } from '../snapshot';
import { Comma, Identifier, LParen, RParen } from '../../../grammar/expression/tokens';
import { is, tokenEnd, typeOf } from '../../../grammar/mapping/statement-view';

export interface ArgumentSlot {
  /** 0-based position. */
  index: number;
  /** Offset just after the `(` or `,` that opens the position. */
  start: number;
  /** Offset of the `,` or `)` that closes it (undefined while it is open). */
  end?: number;
  /** The first token written in the position; undefined for an empty position. */
  first?: IToken;
}

export interface CallSite {
  name: string;
  nameToken?: IToken;
  openParen: number;
  closeParen?: number;
  args: ArgumentSlot[];
  /** The calls around this one, innermost last. */
  depth: number;
}

/** Every call of the token list, in order of their `(`. */
export function callSites(tokens: readonly IToken[]): CallSite[] {
  const calls: CallSite[] = [];
  const stack: CallSite[] = [];
  tokens.forEach((token, i) => {
    const type = typeOf(token);
    const top = stack[stack.length - 1];
    const slot = top?.args[top.args.length - 1];
    if (type === Comma) {
      if (top && slot) {
        slot.end = token.startOffset;
        top.args.push({ index: top.args.length, start: tokenEnd(token) });
      }
      return;
    }
    if (type === RParen) {
      if (top && slot) {
        slot.end = token.startOffset;
        top.closeParen = token.startOffset;
        // `f()` has no arguments, not one empty argument.
        if (top.args.length === 1 && !slot.first) top.args.length = 0;
        stack.pop();
      }
      return;
    }
    if (slot && !slot.first) slot.first = token;
    if (type === LParen) {
      const previous = tokens[i - 1];
      const call: CallSite = {
        name: is(previous, Identifier) ? previous!.image : '',
        nameToken: is(previous, Identifier) ? previous : undefined,
        openParen: token.startOffset,
        args: [{ index: 0, start: tokenEnd(token) }],
        depth: stack.length,
      };
      calls.push(call);
      stack.push(call);
    }
  });
  return calls;
}

/** The innermost call whose parentheses contain `offset` (after `(`, up to and including `)`). */
export function callAt(calls: readonly CallSite[], offset: number): CallSite | undefined {
  let found: CallSite | undefined;
  for (const call of calls) {
    if (call.openParen < offset && (call.closeParen === undefined || offset <= call.closeParen)) {
      if (!found || call.openParen > found.openParen) found = call;
    }
  }
  return found;
}

/** The 0-based argument position of `offset` inside `call`. */
export function argumentIndexAt(call: CallSite, offset: number): number {
  let index = 0;
  for (const slot of call.args) if (slot.start <= offset) index = slot.index;
  return index;
}

/**
 * The functions a document knows: the built-in catalogue, plus the job's function list kept beside
 * its target schema (docs/real-schemas.md), which the checker reads too.
 */
export function functionsOf(snapshot: DocumentSnapshot): FunctionCatalogue {
  return snapshot.schemas.functions ?? BUILTIN_CATALOGUE;
}

/** The function a call names, exactly or (for a wrongly cased name) ignoring case. */
export function signatureOf(name: string, functions: FunctionCatalogue): FunctionSignature | undefined {
  return functions.lookup(name) ?? functions.lookupIgnoreCase(name);
}

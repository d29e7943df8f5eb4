/** Joining hovers (the server joins the evaluation thread's hover with the language hover; kept apart from hover.ts, which needs the lexers). */
import type { Hover } from 'vscode-languageserver-types';

/**
 * The value of the hovered expression for the sample user first, then what the token under the
 * cursor is; the range is the token's when there is one (the narrower of the two).
 */
export function valueThenDocumentation(value: Hover | null | undefined, documentation: Hover | null): Hover | null {
  const joined = appendHover(value ?? null, documentation);
  return joined && documentation?.range ? { ...joined, range: documentation.range } : joined;
}

/** Two hovers as one: the second's Markdown after a rule; the first's range wins. */
function appendHover(first: Hover | null, second: Hover | null | undefined): Hover | null {
  if (!second) return first;
  if (!first) return second;
  const markdown = (hover: Hover) =>
    typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : String(hover.contents);
  return {
    contents: { kind: 'markdown', value: `${markdown(first)}\n\n---\n\n${markdown(second)}` },
    ...(first.range ? { range: first.range } : second.range ? { range: second.range } : {}),
  };
}

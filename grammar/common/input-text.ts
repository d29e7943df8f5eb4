/**
 * The public parse functions promise never to throw, also to JavaScript callers that pass
 * something other than a string: such input is read as its string form, or as empty text.
 */
export function inputText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input === null || input === undefined) return '';
  try {
    return String(input);
  } catch {
    return '';
  }
}

/**
 * Inline expectations for fixture files whose comments start with `#` (`.aadmap`, `.scimfilter`).
 *
 * A line such as
 *
 *       active <- Swtich([IsSoftDeleted], , "False")
 *     #           ^^^^^^ error unknown-function "Did you mean 'Switch'?"
 *
 * expects a diagnostic on the nearest line above that is not an expectation line, covering the
 * columns of the carets (a single caret also matches a zero-width diagnostic at its column), with
 * that severity and code, and a message containing the quoted text (optional). A `#^` at the start
 * of the line expects a diagnostic starting in column 0 (the `#` takes that column, so the end is
 * not checked). Every diagnostic must be expected.
 */
import { LineIndex } from '../../grammar/common/line-index';

export interface Expectation {
  /** 0-based line the expectation refers to. */
  line: number;
  startColumn: number;
  /** Undefined when the expectation starts in column 0 (written `#^…`). */
  endColumn?: number;
  severity: string;
  code: string;
  messageIncludes?: string;
  /** 1-based line of the expectation itself, for failure messages. */
  sourceLine: number;
}

export interface ActualDiagnostic {
  start: number;
  end: number;
  severity: string;
  code: string;
  message: string;
}

const EXPECTATION_BODY = String.raw`(\^+)\s+(error|warning|info)\s+([a-z0-9-]+)(?:\s+"(.*)")?\s*$`;
const COMMENT_EXPECTATION = new RegExp(String.raw`^(#\s*)` + EXPECTATION_BODY);
const BARE_EXPECTATION = new RegExp(String.raw`^(\s*)` + EXPECTATION_BODY);

/**
 * `comment: '#'` (default): expectation lines are `#` comments, as in `.aadmap` files.
 * `comment: ''`: expectation lines start with the carets (for fixtures of one-line inputs that
 * never contain `^`, such as expressions).
 */
export interface ExpectationSyntax {
  comment: '#' | '';
}

export function readExpectations(text: string, syntax: ExpectationSyntax = { comment: '#' }): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const expectations: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const match = (syntax.comment === '#' ? COMMENT_EXPECTATION : BARE_EXPECTATION).exec(line);
    if (!match) {
      target = index;
      return;
    }
    const [, prefix, carets, severity, code, message] = match;
    const atLineStart = syntax.comment === '#' && prefix === '#';
    const startColumn = atLineStart ? 0 : prefix!.length;
    expectations.push({
      line: target,
      startColumn,
      endColumn: atLineStart ? undefined : startColumn + carets!.length,
      severity: severity!,
      code: code!,
      messageIncludes: message,
      sourceLine: index + 1,
    });
  });
  return expectations;
}

function matches(expectation: Expectation, actual: ActualDiagnostic, index: LineIndex): boolean {
  const start = index.positionAt(actual.start);
  const end = index.positionAt(actual.end);
  if (start.line !== expectation.line || start.character !== expectation.startColumn) return false;
  const endOk =
    expectation.endColumn === undefined ||
    (end.line === expectation.line && end.character === expectation.endColumn) ||
    (expectation.endColumn - expectation.startColumn === 1 && actual.end === actual.start);
  return (
    endOk &&
    actual.severity === expectation.severity &&
    actual.code === expectation.code &&
    (!expectation.messageIncludes || actual.message.includes(expectation.messageIncludes))
  );
}

/** The text without its expectation lines (`#` comment syntax). */
export function withoutExpectationLines(text: string): string {
  return text
    .split(/(?<=\r\n|\r|\n)/)
    .filter((line) => !COMMENT_EXPECTATION.test(line.replace(/\r?\n$|\r$/, '')))
    .join('');
}

/**
 * The expectations of an example that keeps them in a fixture (`test/checker/examples/NAME`: the
 * example with expectation lines added, so `examples/` shows only what a user writes), on the
 * lines of the example itself.
 */
export function exampleExpectations(fixture: string): Expectation[] {
  const lines = fixture.split(/\r\n|\r|\n/);
  const exampleLine: number[] = [];
  let count = 0;
  for (const line of lines) {
    exampleLine.push(count);
    if (!COMMENT_EXPECTATION.test(line)) count++;
  }
  return readExpectations(fixture).map((e) => ({ ...e, line: exampleLine[e.line]! }));
}

/** Pairs expectations with diagnostics; returns readable lines for everything left unpaired. */
export function compareExpectations(
  text: string,
  actual: readonly ActualDiagnostic[],
  syntax?: ExpectationSyntax,
  expectations: readonly Expectation[] = readExpectations(text, syntax),
): string[] {
  const index = new LineIndex(text);
  const unmatched = [...actual];
  const problems: string[] = [];
  for (const expectation of expectations) {
    const found = unmatched.findIndex((d) => matches(expectation, d, index));
    if (found === -1) {
      problems.push(
        `missing (line ${expectation.sourceLine}): ${expectation.severity} ${expectation.code} at ${expectation.line + 1}:${expectation.startColumn + 1}-${(expectation.endColumn ?? 0) + 1}${expectation.messageIncludes ? ` "${expectation.messageIncludes}"` : ''}`,
      );
    } else unmatched.splice(found, 1);
  }
  for (const d of unmatched) {
    const start = index.positionAt(d.start);
    const end = index.positionAt(d.end);
    problems.push(
      `unexpected: ${d.severity} ${d.code} at ${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} "${d.message}"`,
    );
  }
  return problems;
}

/** Writes expectation lines for the actual diagnostics (to draft a new fixture; review before committing). */
export function renderExpectations(text: string, actual: readonly ActualDiagnostic[]): string {
  const index = new LineIndex(text);
  const lines = text.split(/\r\n|\r|\n/);
  const byLine = new Map<number, string[]>();
  for (const d of actual) {
    const start = index.positionAt(d.start);
    const end = index.positionAt(d.end);
    const width = end.line === start.line ? Math.max(1, end.character - start.character) : 1;
    const carets =
      start.character === 0 ? `#${'^'.repeat(Math.max(1, width - 1))}` : `#${' '.repeat(start.character - 1)}${'^'.repeat(width)}`;
    const entry = `${carets} ${d.severity} ${d.code} "${d.message.slice(0, 60)}"`;
    byLine.set(start.line, [...(byLine.get(start.line) ?? []), entry]);
  }
  return lines.flatMap((line, i) => [line, ...(byLine.get(i) ?? [])]).join('\n');
}

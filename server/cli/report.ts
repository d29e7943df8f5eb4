/** Diagnostics as the CLI prints them: one record per finding, 1-based positions. */
import { LineIndex } from '../../grammar/common/line-index';
import type { Severity } from '../../grammar/common/syntax-diagnostic';
import type { CheckDiagnostic } from '../checker/diagnostic';

/** The exact JSON shape of `aadmap check --format json` (a contract used outside the repository). */
export interface ReportedDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface CheckedInput {
  /** As given on the command line, or `<expr>`. */
  file: string;
  text: string;
  diagnostics: CheckDiagnostic[];
}

export function toReported(input: CheckedInput): ReportedDiagnostic[] {
  const index = new LineIndex(input.text);
  return input.diagnostics.map((d) => {
    const start = index.positionAt(d.start);
    const end = index.positionAt(Math.max(d.start, d.end));
    return {
      file: input.file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

/**
 * Diagnostics produced by the grammars. They carry document offsets (UTF-16 code units) rather
 * than line/column pairs: the parsers never need lines, and callers convert with a LineIndex only
 * for the few diagnostics they report.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface SyntaxDiagnostic {
  /** Offset of the first character the diagnostic covers. */
  start: number;
  /** Offset just past the last character (equal to start for a zero-width position). */
  end: number;
  severity: Severity;
  /** Stable code, documented in docs/diagnostics.md (e.g. `syntax-error`, `scim-entra-value-path`). */
  code: string;
  message: string;
}

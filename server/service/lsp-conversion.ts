/** Offsets → LSP positions, at the edge: the analysis works in offsets, editors in lines. */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';
import type { Severity } from '../../grammar/common/syntax-diagnostic';
import type { CheckDiagnostic } from '../checker/diagnostic';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface DiagnosticData {
  suggestions?: string[];
}

/**
 * `reference`: the URI of the diagnostics reference (docs/diagnostics.md), where `#code` is each code's
 * entry; each diagnostic links there (LSP `codeDescription`). Without it, diagnostics carry no link.
 */
export function toLspDiagnostics(diagnostics: readonly CheckDiagnostic[], index: LineIndex, reference?: string): Diagnostic[] {
  return diagnostics.map((d) => {
    const lsp: Diagnostic = {
      range: { start: index.positionAt(d.start), end: index.positionAt(Math.max(d.start, d.end)) },
      severity: severities[d.severity],
      code: d.code,
      source: 'aadmap',
      message: d.message,
    };
    if (reference !== undefined) lsp.codeDescription = { href: `${reference}#${d.code}` };
    if (d.suggestions) lsp.data = { suggestions: d.suggestions } satisfies DiagnosticData;
    return lsp;
  });
}

/** Offsets → LSP positions, at the edge: the analysis works in offsets, editors in lines. */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { LineIndex } from '../../grammar/common/line-index';
import type { Severity } from '../../grammar/common/syntax-diagnostic';
import type { CheckDiagnostic } from '../checker/diagnostic';
import { diagnosticDocUrl } from '../checker/codes';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export interface DiagnosticData {
  suggestions?: string[];
}

export function toLspDiagnostics(diagnostics: readonly CheckDiagnostic[], index: LineIndex): Diagnostic[] {
  return diagnostics.map((d) => {
    const lsp: Diagnostic = {
      range: { start: index.positionAt(d.start), end: index.positionAt(Math.max(d.start, d.end)) },
      severity: severities[d.severity],
      code: d.code,
      codeDescription: { href: diagnosticDocUrl(d.code) },
      source: 'aadmap',
      message: d.message,
    };
    if (d.suggestions) lsp.data = { suggestions: d.suggestions } satisfies DiagnosticData;
    return lsp;
  });
}

/**
 * SARIF 2.1.0, for code-scanning UIs (GitHub, Azure DevOps). Each rule carries its whole help
 * (`help.text`, `help.markdown`: the entry of docs/diagnostics.md), so no link is needed; the format:
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html (reportingDescriptor, §3.49).
 */
import { diagnosticReferenceEntries, diagnosticHelpMarkdown } from '../checker/diagnostics-reference';
import type { ReportedDiagnostic } from './report';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(diagnostics: readonly ReportedDiagnostic[], version: string): string {
  const descriptions = new Map(diagnosticReferenceEntries().map((entry) => [entry.code, entry.description]));
  const ruleIds = [...new Set(diagnostics.map((d) => d.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aadmap',
            version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: descriptions.get(id) ?? id },
              help: { text: descriptions.get(id) ?? id, markdown: diagnosticHelpMarkdown(id) ?? id },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIds.indexOf(d.code),
          level: levels[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.replace(/\\/g, '/') },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** SARIF 2.1.0, for code-scanning UIs (GitHub, Azure DevOps). */
import { CHECKER_CODES, diagnosticDocUrl } from '../checker/codes';
import { SCIM_DIAGNOSTIC_CODES } from '../../grammar/scim/index';
import type { ReportedDiagnostic } from './report';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(diagnostics: readonly ReportedDiagnostic[], version: string): string {
  const descriptions: Record<string, string> = { ...SCIM_DIAGNOSTIC_CODES };
  for (const [code, info] of Object.entries(CHECKER_CODES)) descriptions[code] = info.description;
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
            informationUri: diagnosticDocUrl('diagnostics').replace(/#.*/, ''),
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: descriptions[id] ?? id },
              helpUri: diagnosticDocUrl(id),
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

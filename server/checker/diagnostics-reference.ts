/**
 * The diagnostics reference: every code of `CHECKER_CODES` and of the SCIM grammar, with its default
 * severity and its explanation. One text serves three readers: `docs/diagnostics.md` (written by
 * `npm run docs:diagnostics`, checked against this by a test), the help of each SARIF rule, and the
 * page the editor opens from a diagnostic's code (the file ships in the .vsix).
 */
import { SCIM_DIAGNOSTIC_CODES, SCIM_DIAGNOSTIC_SEVERITIES, type ScimDiagnosticCode } from '../../grammar/scim/index';
import type { Severity } from '../../grammar/common/syntax-diagnostic';
import { CHECKER_CODES } from './codes';

export { DIAGNOSTICS_REFERENCE_PATH } from './diagnostics-reference-path';

export interface DiagnosticReferenceEntry {
  code: string;
  severity: Severity;
  description: string;
  group: 'mapping' | 'scim';
}

const GROUP_TITLES: Record<DiagnosticReferenceEntry['group'], string> = {
  mapping: 'Mapping files and expressions',
  scim: 'SCIM filters and target paths',
};

/** Every code once, in the order of the catalogues (a code both know, `syntax-error`, is the checker's). */
export function diagnosticReferenceEntries(): DiagnosticReferenceEntry[] {
  const entries: DiagnosticReferenceEntry[] = Object.entries(CHECKER_CODES).map(([code, info]) => ({
    code,
    severity: info.severity,
    description: info.description,
    group: 'mapping',
  }));
  const known = new Set(entries.map((entry) => entry.code));
  for (const [code, description] of Object.entries(SCIM_DIAGNOSTIC_CODES)) {
    if (known.has(code)) continue;
    entries.push({ code, severity: SCIM_DIAGNOSTIC_SEVERITIES[code as ScimDiagnosticCode], description, group: 'scim' });
  }
  return entries;
}

/** A code's help as Markdown (SARIF `help.markdown`); undefined for a code no catalogue knows. */
export function diagnosticHelpMarkdown(code: string): string | undefined {
  const entry = diagnosticReferenceEntries().find((e) => e.code === code);
  return entry && `**${entry.code}** (${entry.severity} by default)\n\n${entry.description}`;
}

/**
 * The whole of `docs/diagnostics.md`. Each code is a level-3 heading of its own name, so `#code`
 * finds it on a Git host, in VS Code's Markdown preview and in any viewer that slugs headings;
 * the explicit `<a id>` serves viewers that do not.
 */
export function renderDiagnosticsReference(): string {
  const entries = diagnosticReferenceEntries();
  const lines = [
    '# Diagnostics reference',
    '',
    '<!-- Generated from server/checker/codes.ts and grammar/scim/diagnostics.ts by `npm run docs:diagnostics`; do not edit. -->',
    '',
    'Every diagnostic aadmap reports has a stable code (tests and tools outside this repository match on',
    'them). The editor links each diagnostic to its entry here; `aadmap check --format sarif` carries the',
    'same text as each rule’s help. Severities are the defaults; `aadmap check --strict` also fails on',
    'warnings.',
    '',
  ];
  for (const group of ['mapping', 'scim'] as const) {
    const members = entries.filter((entry) => entry.group === group);
    lines.push(`## ${GROUP_TITLES[group]}`, '', '| Code | Default severity |', '|---|---|');
    for (const entry of members) lines.push(`| [${entry.code}](#${entry.code}) | ${entry.severity} |`);
    lines.push('');
    for (const entry of members)
      lines.push(`### ${entry.code}`, '', `<a id="${entry.code}"></a>**${entry.severity}** by default.`, '', entry.description, '');
  }
  return lines.join('\n');
}

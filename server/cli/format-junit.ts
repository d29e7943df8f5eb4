/**
 * `aadmap check --format junit`: JUnit XML, for test-result views that read no SARIF (Azure Pipelines'
 * PublishTestResults task with testResultsFormat JUnit:
 * https://learn.microsoft.com/en-us/azure/devops/pipelines/tasks/reference/publish-test-results-v2).
 * One test suite a file; one test case a finding, failed for an error (and for a warning with
 * --strict: the findings that make the exit status 1); a file without findings is one passing case.
 */
import { t } from '../../grammar/common/l10n';
import { visible } from './format-text';
import type { CheckedInput, ReportedDiagnostic } from './report';

/** XML 1.0 text: the five special characters as entities, control characters as visible symbols (XML forbids most). */
function xml(text: string): string {
  return visible(text.replace(/\r\n|\r|\n/g, ' ')).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch]!,
  );
}

export function formatJunit(inputs: readonly { input: CheckedInput; reported: ReportedDiagnostic[] }[], strict: boolean): string {
  const fails = (d: ReportedDiagnostic) => d.severity === 'error' || (strict && d.severity === 'warning');
  const suites = inputs.map(({ input, reported }) => {
    const file = xml(input.file);
    const cases = reported.length
      ? reported.map((d) => {
          const name = xml(`${d.line}:${d.column} ${d.severity} [${d.code}] ${d.message}`);
          const open = `    <testcase classname="${file}" name="${name}" file="${file}" line="${d.line}" time="0"`;
          const text = xml(`${input.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}`);
          return fails(d)
            ? `${open}>\n      <failure message="${xml(d.message)}" type="${xml(d.code)}">${text}</failure>\n    </testcase>`
            : `${open}>\n      <system-out>${text}</system-out>\n    </testcase>`;
        })
      : [`    <testcase classname="${file}" name="${xml(t('no problems'))}" file="${file}" time="0"/>`];
    const failures = reported.filter(fails).length;
    return `  <testsuite name="${file}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = inputs.reduce((n, { reported }) => n + Math.max(1, reported.length), 0);
  const failures = inputs.reduce((n, { reported }) => n + reported.filter(fails).length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="aadmap check" tests="${tests}" failures="${failures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}

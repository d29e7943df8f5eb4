/** Human output: `file:line:column: severity [code] message`, the source line and a caret underline. */
import { t } from '../../grammar/common/l10n';
import type { CheckedInput, ReportedDiagnostic } from './report';

export interface TextStyle {
  color: boolean;
}

/**
 * Text from a file as it may reach a terminal: control characters become visible one-column symbols
 * (U+2400 Control Pictures for C0, ␡ for DEL, U+FFFD for C1), so a file cannot send escape sequences
 * to the terminal and the caret line stays aligned.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped here
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatText(inputs: readonly { input: CheckedInput; reported: ReportedDiagnostic[] }[], style: TextStyle): string {
  const out: string[] = [];
  for (const { input, reported } of inputs) {
    const lines = input.text.split(/\r\n|\r|\n/);
    for (const d of reported) {
      const color = d.severity === 'error' ? '31' : d.severity === 'warning' ? '33' : '36';
      out.push(
        `${paint(style.color, '1', visible(`${d.file}:${d.line}:${d.column}`))}: ${paint(style.color, color, d.severity)} [${d.code}] ${visible(d.message)}`,
      );
      const source = lines[d.line - 1];
      if (source !== undefined && source.length <= 300) {
        const gutter = String(d.line).padStart(5);
        const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, source.length - d.column + 1);
        out.push(`${gutter} | ${visible(source.replace(/\t/g, ' '))}`);
        out.push(`${' '.repeat(gutter.length)} | ${' '.repeat(d.column - 1)}${paint(style.color, color, '^'.repeat(width))}`);
      }
    }
  }
  out.push(checkSummary(inputs));
  return out.join('\n');
}

/** The last line of the text output (and the Markdown's headline): "No problems in 2 files." or the counts. */
export function checkSummary(inputs: readonly { input: CheckedInput; reported: ReportedDiagnostic[] }[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const { reported } of inputs) for (const d of reported) counts[d.severity]++;
  const n = inputs.length;
  const one = n === 1;
  const files = inputs.every(({ input }) => input.file.startsWith('<'))
    ? one
      ? t('{0} input', n)
      : t('{0} inputs', n)
    : one
      ? t('{0} file', n)
      : t('{0} files', n);
  if (counts.error + counts.warning + counts.info === 0) return t('No problems in {0}.', files);
  const errors = counts.error === 1 ? t('{0} error', 1) : t('{0} errors', counts.error);
  const warnings = counts.warning === 1 ? t('{0} warning', 1) : t('{0} warnings', counts.warning);
  if (!counts.info) return t('{0}, {1} in {2}.', errors, warnings, files);
  const notes = counts.info === 1 ? t('{0} note', 1) : t('{0} notes', counts.info);
  return t('{0}, {1}, {2} in {3}.', errors, warnings, notes, files);
}

/** `aadmap filter "FILTER" [--schema chatwork] [--format text|json]` */
import { inEnglish, t } from '../../grammar/common/l10n';
import { BUILTIN_TARGETS } from '../schema/index';
import { analyzeFilter } from '../service/analysis';
import { oneOf, parseArgs, UsageError } from './args';
import { formatText } from './format-text';
import type { CliIO } from './io';
import { toReported } from './report';

export function filterUsage(): string {
  return `${t('Usage:')} aadmap filter "FILTER" [--schema chatwork] [--format text|json]

${t('Parses a SCIM 2.0 filter (RFC 7644), prints its canonical form and the attributes it tests.\nWith --schema, a filter on an attribute the target cannot filter on is invalid.\nExit status: 0 valid, 1 invalid, 2 usage error.')}`;
}

export function runFilter(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { schema: { value: true }, format: { value: true }, help: {} });
  if (args.flags.has('help')) {
    io.out(filterUsage());
    return 0;
  }
  const format = oneOf(args.options.get('format')?.[0], ['text', 'json'] as const, 'format', 'text');
  if (args.positionals.length !== 1) throw new UsageError(t('filter takes exactly one FILTER argument (quote it)'));
  const schema = args.options.get('schema')?.[0];
  if (schema !== undefined && !BUILTIN_TARGETS.has(schema)) {
    throw new UsageError(t("unknown schema '{0}' (built in: {1})", schema, [...BUILTIN_TARGETS.keys()].join(', ')));
  }
  const filter = args.positionals[0]!;
  // The JSON is an exact contract: its diagnostics' messages stay English in every language.
  const report = format === 'json' ? inEnglish(() => analyzeFilter(filter, schema)) : analyzeFilter(filter, schema);
  const diagnostics = toReported({ file: '<filter>', text: filter, diagnostics: report.diagnostics });
  if (format === 'json') {
    io.out(
      JSON.stringify(
        report.valid
          ? { valid: true, normalized: report.normalized, attributes: report.attributes, diagnostics }
          : { valid: false, diagnostics },
        null,
        2,
      ),
    );
  } else {
    if (report.valid) io.out(`${report.normalized}\n${t('attributes: {0}', report.attributes!.join(', '))}`);
    if (diagnostics.length)
      io.out(
        formatText([{ input: { file: '<filter>', text: filter, diagnostics: report.diagnostics }, reported: diagnostics }], {
          color: io.color,
        }),
      );
  }
  return report.valid ? 0 : 1;
}

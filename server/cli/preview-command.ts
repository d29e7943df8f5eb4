/** `aadmap preview FILE.aadmap --input USER.json [--existing TARGET.json] [--format http|json] [--scim-compliant]` */
import { inEnglish, t } from '../../grammar/common/l10n';
import { pathToFileURL } from 'node:url';
import { FileReadError, readTextInput } from './files';
import { stringifyJson } from '../evaluator/index';
import { createFileSchemaReader } from '../node/schema-file-reader';
import { previewToHttp, previewToJson } from '../preview/format';
import { analyzeMappingText } from '../service/analysis';
import { previewMapping } from '../service/checked-preview';
import { oneOf, parseArgs, UsageError } from './args';
import { formatText } from './format-text';
import type { CliIO } from './io';
import { EVALUATION_OPTIONS, evaluationUsage, evaluationSettings, readSampleUserFile, readTargetObjectFile } from './inputs';
import { toReported } from './report';

export function previewUsage(): string {
  return `${t('Usage:')} aadmap preview FILE.aadmap --input USER.json [--existing TARGET.json] [options] [--format http|json]

${t("For one sample user: every target attribute's value, then the requests the provisioning service\nwould send to the target — the lookup GET /Users?filter=… on the matching attributes, then\nPOST /Users for a new user, the PATCH operations for an existing one (--existing), or the\ndeprovisioning PATCH (active false) for an existing user who is out of scope.")}
${evaluationUsage()}
  --existing TARGET.json   ${t('the user as the target holds it (a SCIM resource with an "id")')}
  --scim-compliant         ${t('PATCH as with the aadOptscim062020 flag (lower-case op, JSON Booleans,\n                           one path-less replace); default: Entra\'s "Replace" with "True"/"False" strings')}
  --format http            ${t('requests as an .http file, values and decisions as # comments (default)')}
  --format json            ${t('the preview as JSON (see docs/cli.md, "aadmap preview")')}
${t('Exit status: 0 previewed, 1 the file has errors or an expression cannot be evaluated, 2 usage error or unreadable file.')}`;
}

export function runPreview(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, {
    ...EVALUATION_OPTIONS,
    existing: { value: true },
    format: { value: true },
    'scim-compliant': {},
    help: {},
  });
  if (args.flags.has('help')) {
    io.out(previewUsage());
    return 0;
  }
  const format = oneOf(args.options.get('format')?.[0], ['http', 'json'] as const, 'format', 'http');
  if (args.positionals.length !== 1) throw new UsageError(t('preview takes exactly one FILE.aadmap'));
  const file = args.positionals[0]!;
  const input = args.options.get('input')?.[0];
  if (input === undefined) throw new UsageError(t('preview needs --input USER.json (the sample user)'));
  let text: string;
  try {
    text = readTextInput(file);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    io.err(`aadmap preview: ${error.message}`);
    return 2;
  }
  const user = readSampleUserFile(input);
  const existingPath = args.options.get('existing')?.[0];
  const existing = existingPath === undefined ? undefined : readTargetObjectFile(existingPath);
  const settings = evaluationSettings(args);

  const run = () =>
    previewMapping(analyzeMappingText(text, pathToFileURL(file).href, createFileSchemaReader()), {
      user,
      existing,
      settings,
      patchFlavour: args.flags.has('scim-compliant') ? 'aadOptscim062020' : 'default',
    });
  // The JSON is an exact contract: its messages (reasons, errors, diagnostics) stay English in every language.
  const outcome = format === 'json' ? inEnglish(run) : run();
  if (outcome.kind === 'errors') {
    const reported = toReported({ file, text, diagnostics: outcome.errors });
    if (format === 'json') {
      const first = reported[0]!;
      io.out(
        stringifyJson({
          error: { message: first.message, line: first.line, column: first.column },
          diagnostics: reported.map((d) => ({ ...d })),
        }),
      );
    } else {
      io.out(formatText([{ input: { file, text, diagnostics: outcome.errors }, reported }], { color: io.color }));
      io.out(t('The file has errors: fix them before previewing.'));
    }
    return 1;
  }
  const header = { file, input, existing: existingPath };
  io.out(
    format === 'json' ? stringifyJson(previewToJson(outcome.preview, header, text)) : previewToHttp(outcome.preview, header).trimEnd(),
  );
  return outcome.preview.mappings.some((m) => m.action === 'failed') ? 1 : 0;
}

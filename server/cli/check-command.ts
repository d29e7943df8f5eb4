/** `aadmap check FILE... [--expr EXPRESSION] [--format text|json|sarif|markdown|junit] [--strict]` */
import { t } from '../../grammar/common/l10n';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createFileSchemaReader } from '../node/schema-file-reader';
import { analyzeExpressionText } from '../service/analysis';
import { createLanguageService } from '../service/language-service';
import { languageOf } from '../service/document';
import { oneOf, parseArgs, UsageError } from './args';
import { formatJunit } from './format-junit';
import { formatCheckMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { FileReadError, readTextInput, STDIN } from './files';
import type { CliIO } from './io';
import { type CheckedInput, toReported } from './report';

export function checkUsage(): string {
  return `${t('Usage:')} aadmap check FILE... [--format text|json|sarif|markdown|junit] [--strict]
       aadmap check --expr "EXPRESSION" [--format …] [--strict]
       aadmap check - [--stdin-filename NAME] [--format …]

${t('Checks .aadmap mapping files and .scimfilter files (directories are searched for both).\n--expr checks one expression as a mapping source against the Azure AD user attributes.')}
  -                        ${t('read the file from standard input')}
  --stdin-filename NAME    ${t('its name in diagnostics (and its type, by extension; default <stdin>, .aadmap);\n                           a relative schema file it names is found relative to NAME')}
  -f, --format FORMAT      ${t('text (default), json, sarif, markdown (a summary table, for a CI job summary)\n                           or junit (JUnit XML: a suite a file, a failed case an error)')}
${t('Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage error or unreadable file.')}`;
}

export function runCheck(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, {
    format: { value: true },
    strict: {},
    expr: { value: true, repeatable: true },
    'stdin-filename': { value: true },
    help: {},
  });
  if (args.flags.has('help')) {
    io.out(checkUsage());
    return 0;
  }
  const format = oneOf(args.options.get('format')?.[0], ['text', 'json', 'sarif', 'markdown', 'junit'] as const, 'format', 'text');
  const expressions = args.options.get('expr') ?? [];
  if (args.positionals.length === 0 && expressions.length === 0)
    throw new UsageError(t('check needs at least one FILE or --expr "EXPRESSION"'));

  const service = createLanguageService({ schemaFiles: createFileSchemaReader() });
  const inputs: CheckedInput[] = [];
  for (const expression of expressions) {
    inputs.push({ file: '<expr>', text: expression, diagnostics: analyzeExpressionText(expression).diagnostics });
  }
  const stdinName = args.options.get('stdin-filename')?.[0];
  if (stdinName !== undefined && !args.positionals.includes(STDIN))
    throw new UsageError(t("--stdin-filename names standard input: pass '{0}' as the FILE too", STDIN));
  if (args.positionals.filter((p) => p === STDIN).length > 1) throw new UsageError(t("'{0}' (standard input) can be given once", STDIN));
  for (const file of expandFiles(args.positionals, io)) {
    let text: string;
    try {
      text = readTextInput(file, '', stdinName);
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      io.err(`aadmap check: ${error.message}`);
      return 2;
    }
    const name = file === STDIN ? (stdinName ?? '<stdin>') : file;
    // Files of other types are read as mapping files: the grammar says what is wrong with them.
    const languageId = languageOf({ uri: name, text }) ?? 'aadmap';
    const uri = file === STDIN && stdinName === undefined ? 'untitled:stdin' : pathToFileURL(name).href;
    inputs.push({ file: name, text, diagnostics: service.diagnostics({ uri, languageId, text }) });
  }

  const reported = inputs.map((input) => ({ input, reported: toReported(input) }));
  const all = reported.flatMap((r) => r.reported);
  if (format === 'json') io.out(JSON.stringify(all, null, 2));
  else if (format === 'sarif') io.out(formatSarif(all, io.version));
  else if (format === 'markdown') io.out(formatCheckMarkdown(reported));
  else if (format === 'junit') io.out(formatJunit(reported, args.flags.has('strict')));
  else io.out(formatText(reported, { color: io.color }));

  const errors = all.some((d) => d.severity === 'error');
  const warnings = all.some((d) => d.severity === 'warning');
  return errors || (args.flags.has('strict') && warnings) ? 1 : 0;
}

/** Files as given; directories expanded to the .aadmap and .scimfilter files below them. */
function expandFiles(paths: readonly string[], io: CliIO): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    if (path === STDIN) {
      files.push(path);
      continue;
    }
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // Unreadable paths are reported when read.
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    const found = walk(path);
    if (found.length === 0) io.err(`aadmap check: ${t('no .aadmap or .scimfilter files in {0}', path)}`);
    files.push(...found);
  }
  return files;
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function walk(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    // A link is followed only to a regular file: never to a device, a FIFO or a folder (no cycles).
    else if (/\.(aadmap|scimfilter)$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isRegularFile(path))))
      files.push(path);
  }
  return files;
}

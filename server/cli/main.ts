/**
 * The `aadmap` command line (bundled as dist/cli.js). Exit status: 0 success, 1 problems found
 * (or refused), 2 usage error. Every command's flags and JSON output are a contract.
 */
import { UsageError } from './args';
import { CHECK_USAGE, runCheck } from './check-command';
import { EVAL_USAGE, runEval } from './eval-command';
import { FILTER_USAGE, runFilter } from './filter-command';
import { PREVIEW_USAGE, runPreview } from './preview-command';
import type { CliIO } from './io';

declare const __AADMAP_VERSION__: string | undefined;
const VERSION = typeof __AADMAP_VERSION__ === 'string' ? __AADMAP_VERSION__ : '0.0.0-dev';

const USAGE = `aadmap ${VERSION} — Entra ID provisioning attribute mappings

Usage: aadmap <command> [options]

Commands:
  check FILE... [--format text|json|sarif] [--strict]   check .aadmap and .scimfilter files
  check --expr "EXPRESSION" [--format …]                  check one mapping expression
  filter "FILTER" [--schema chatwork] [--format json]     parse and normalize a SCIM filter
  eval --expr "EXPRESSION" --input USER.json [--format json]   evaluate an expression for a sample user
  preview FILE --input USER.json [--existing TARGET.json]       the SCIM requests for a sample user

Run 'aadmap <command> --help' for details.

${CHECK_USAGE}

${FILTER_USAGE}

${EVAL_USAGE}

${PREVIEW_USAGE}`;

const commands: Record<string, (argv: readonly string[], io: CliIO) => number> = {
  check: runCheck,
  filter: runFilter,
  eval: runEval,
  preview: runPreview,
};

export function main(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === 'version') {
    io.out(VERSION);
    return 0;
  }
  const run = commands[command];
  if (!run) {
    io.err(`aadmap: unknown command '${command}'. Commands: ${Object.keys(commands).join(', ')}. Run 'aadmap --help'.`);
    return 2;
  }
  try {
    return run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`aadmap ${command}: ${error.message}\nRun 'aadmap ${command} --help' for usage.`);
      return 2;
    }
    io.err(`aadmap ${command}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

export function runFromProcess(): void {
  const io: CliIO = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: !!process.stdout.isTTY && !process.env['NO_COLOR'],
    version: VERSION,
  };
  process.exitCode = main(process.argv.slice(2), io);
}

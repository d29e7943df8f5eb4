/**
 * The `aadmap` command line (bundled as dist/cli.js). Exit status: 0 success, 1 problems found
 * (or refused), 2 usage error. Every command's flags and JSON output are a contract. The conventions
 * every command shares (help, version, short flags, unknown options, colour, `-` for standard
 * input) live here and in args.ts, so a new command gets them by being listed in `commands`; they
 * are described in docs/cli-conventions.md.
 */
import { suggestNames } from '../catalogue/index';
import { HELP_FLAGS, UsageError } from './args';
import { colorEnabled, type CliIO } from './io';
import { t, useL10nBundle } from '../../grammar/common/l10n';
import { readL10nBundle } from '../l10n/bundles';
import { LOCALES, localeFromEnvironment, localeOf, type Locale } from '../l10n/locale';

// Each command's module is loaded when the command runs, so a start-up compiles and initialises
// only what that command needs (a cold `aadmap check` loads no Graph, impact or evaluator code;
// docs/performance.md). The bundler keeps them in dist/cli.js, initialised on first use.
const check = () => import('./check-command');
const evalCommand = () => import('./eval-command');
const filter = () => import('./filter-command');
const fmt = () => import('./fmt-command');
const impact = () => import('./impact-command');
const graph = () => import('./graph-commands');
const preview = () => import('./preview-command');
const lifecycle = () => import('./lifecycle-commands');

declare const __AADMAP_VERSION__: string | undefined;
const VERSION = typeof __AADMAP_VERSION__ === 'string' ? __AADMAP_VERSION__ : '0.0.0-dev';

async function usage(): Promise<string> {
  const [{ checkUsage }, { filterUsage }, { fmtUsage }, { evalUsage }, { previewUsage }, { impactUsage }] = await Promise.all([
    check(),
    filter(),
    fmt(),
    evalCommand(),
    preview(),
    impact(),
  ]);
  return `aadmap ${VERSION} — ${t('Entra ID provisioning attribute mappings')}

${t('Usage:')} aadmap <command> [options]

${t('Commands:')}
  check FILE... [--format text|json|sarif|markdown|junit] [--strict]   ${t('check .aadmap and .scimfilter files')}
  check --expr "EXPRESSION" [--format …]                  ${t('check one mapping expression')}
  filter "FILTER" [--schema chatwork] [--format json]     ${t('parse and normalize a SCIM filter')}
  fmt FILE|DIR... [--check | --write]                     ${t('format .aadmap files as the editor does')}
  import SCHEMA.json                                      ${t('print the .aadmap of a Graph synchronizationSchema')}
  export FILE.aadmap --base SCHEMA.json                   ${t("print the schema with the file's mappings")}
  pull --service-principal ID [--job ID] [--out FILE]     ${t("read a job's mappings from Microsoft Graph")}
  deploy FILE.aadmap [--dry-run] [--yes] [--format markdown]   ${t('what-if, backup, PUT and verify')}
  rollback BACKUP.json [--dry-run] [--yes]                ${t('put a backup back, byte for byte')}
  eval --expr "EXPRESSION" --input USER.json [--format json]   ${t('evaluate an expression for a sample user')}
  preview FILE --input USER.json [--existing TARGET.json]       ${t('the SCIM requests for a sample user')}
  impact FILE --users USERS.jsonl --before OLD.aadmap|SCHEMA.json|git:REV   ${t('what a change does to every user')}
  status [FILE] [--format json]                           ${t("the provisioning job's state, progress, quarantine, settings")}
  start | pause [FILE]                                    ${t('start (or clear a quarantine) / pause the job')}
  restart [FILE] [--reset SCOPES] [--force-deletes]       ${t('restart the job (a mapping change does not need it)')}
  test-connection [FILE]                                  ${t('check the saved admin credentials (validateCredentials)')}
  logs [FILE] [--since 2h] [--status failure] [--format json]   ${t('provisioning logs, grouped by error code')}
  provision FILE --user UPN|ID [--format json]            ${t("provision one user now, compared with aadmap's preview")}

${t('Options every command takes: -h/--help (its help), -f/--format where it has one, --locale en|ja|fr\n(messages in English, Japanese or French; default from LC_ALL, LC_MESSAGES or LANG). Standalone:')}
  -h, --help       ${t('this help')}          -V, --version    ${t('the version')}
${t("A FILE of '-' is standard input (check). Colour: on for a terminal, off when piped; NO_COLOR=1\nturns it off, FORCE_COLOR=1 on. Exit status: 0 success, 1 problems found or refused, 2 usage error.")}

${t("Run 'aadmap <command> --help' for details.")}

${checkUsage()}

${filterUsage()}

${fmtUsage()}

${evalUsage()}

${previewUsage()}

${impactUsage()}`;
}

const commands: Record<string, (argv: readonly string[], io: CliIO) => Promise<number>> = {
  check: async (argv, io) => (await check()).runCheck(argv, io),
  filter: async (argv, io) => (await filter()).runFilter(argv, io),
  fmt: async (argv, io) => (await fmt()).runFmt(argv, io),
  import: async (argv, io) => (await graph()).runImport(argv, io),
  export: async (argv, io) => (await graph()).runExport(argv, io),
  pull: async (argv, io) => (await graph()).runPull(argv, io),
  deploy: async (argv, io) => (await graph()).runDeploy(argv, io),
  rollback: async (argv, io) => (await graph()).runRollback(argv, io),
  eval: async (argv, io) => (await evalCommand()).runEval(argv, io),
  preview: async (argv, io) => (await preview()).runPreview(argv, io),
  impact: async (argv, io) => (await impact()).runImpact(argv, io),
  status: async (argv, io) => (await lifecycle()).runStatus(argv, io),
  start: async (argv, io) => (await lifecycle()).runStart(argv, io),
  pause: async (argv, io) => (await lifecycle()).runPause(argv, io),
  restart: async (argv, io) => (await lifecycle()).runRestart(argv, io),
  'test-connection': async (argv, io) => (await lifecycle()).runTestConnection(argv, io),
  logs: async (argv, io) => (await lifecycle()).runLogs(argv, io),
  provision: async (argv, io) => (await lifecycle()).runProvision(argv, io),
};

/** What a bare `aadmap` prints (on stderr, exit 2): the commands, and where the full help is. */
function shortUsage(): string {
  return `${t('Usage:')} aadmap <command> [options]    (${t('commands: {0}', Object.keys(commands).join(', '))})
${t("Run 'aadmap --help' for the full help, 'aadmap <command> --help' for one command's.")}`;
}

/** Whether the arguments ask for help: -h or --help anywhere before `--`. */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => HELP_FLAGS.includes(arg));
}

/**
 * `--locale LANG` (or `--locale=LANG`), which every command takes, before `--`: removed from the
 * arguments the command reads. Returns the locale asked for, or a usage message.
 */
function takeLocale(argv: readonly string[]): {
  argv: string[];
  locale?: Locale;
  error?: 'needs-value' | 'unsupported';
  unsupported?: string;
} {
  const rest: string[] = [];
  let locale: Locale | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--locale' && !arg.startsWith('--locale=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--locale' ? argv[++i] : arg.slice('--locale='.length);
    if (value === undefined || value === '' || (arg === '--locale' && value.startsWith('--'))) return { argv: rest, error: 'needs-value' };
    locale = localeOf(value);
    if (!locale) return { argv: rest, error: 'unsupported', unsupported: value };
  }
  return { argv: rest, ...(locale ? { locale } : {}) };
}

/** Runs a command; the Graph commands are asynchronous, so the result may be a promise. */
function main(rawArgv: readonly string[], io: CliIO): number | Promise<number> {
  const { argv, locale, error, unsupported } = takeLocale(rawArgv);
  // Every message below is made in the chosen language (docs/localization.md); English needs no bundle.
  const language = locale ?? io.locale ?? 'en';
  useL10nBundle(readL10nBundle(language), language);
  if (error) {
    io.err(
      `aadmap: ${
        error === 'needs-value'
          ? t('--locale needs a value (en, ja or fr)')
          : t("unsupported --locale '{0}' (aadmap speaks {1})", unsupported ?? '', LOCALES.join(', '))
      }`,
    );
    return 2;
  }
  const [first, ...afterFirst] = argv;
  if (first === undefined) {
    io.err(shortUsage());
    return 2;
  }
  if (first === '--help' || first === '-h' || (first === 'help' && afterFirst.length === 0)) {
    return usage().then((text) => {
      io.out(text);
      return 0;
    });
  }
  if (first === '--version' || first === '-V' || first === 'version') {
    io.out(VERSION);
    return 0;
  }
  // `aadmap help CMD` is `aadmap CMD --help`.
  const command = first === 'help' ? afterFirst[0]! : first;
  const rest = first === 'help' ? ['--help'] : asksForHelp(afterFirst) ? ['--help'] : afterFirst;
  const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!run) {
    const [best] = suggestNames(command, Object.keys(commands), 1);
    const what = command.startsWith('-') ? t("unknown option '{0}'.", command) : t("unknown command '{0}'.", command);
    io.err(
      `aadmap: ${what}${best ? ` ${t('Did you mean {0}?', `'${best}'`)}` : ''} ${t("Commands: {0}. Run 'aadmap --help'.", Object.keys(commands).join(', '))}`,
    );
    return 2;
  }
  const failed = (error: unknown): number => {
    if (error instanceof UsageError) {
      io.err(`aadmap ${command}: ${error.message}\n${t("Run 'aadmap {0} --help' for usage.", command)}`);
      return 2;
    }
    io.err(`aadmap ${command}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  };
  try {
    const result = run(rest, io);
    return typeof result === 'number' ? result : result.catch(failed);
  } catch (error) {
    return failed(error);
  }
}

/**
 * The status when the reader of the output goes away (`aadmap check big.aadmap | head -1`): 128 +
 * SIGPIPE (13), the status a shell shows for a program a closed pipe stopped (docs/cli-conventions.md).
 */
const CLOSED_PIPE_STATUS = 141;

export function runFromProcess(): void {
  // Node.js ignores SIGPIPE, so a write to a closed pipe is an EPIPE 'error' event, which unhandled
  // ends the process with a stack trace. The reader stopped reading: end at once, without a message.
  const onStreamError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') process.exit(CLOSED_PIPE_STATUS);
    throw error;
  };
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', onStreamError);
  const io: CliIO = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    color: colorEnabled(process.env, !!process.stdout.isTTY),
    version: VERSION,
    locale: localeFromEnvironment(process.env),
  };
  const result = main(process.argv.slice(2), io);
  if (typeof result === 'number') process.exitCode = result;
  else void result.then((code) => (process.exitCode = code));
}

/**
 * The argv parser every command uses, so that every command follows the same conventions
 * (docs/cli-conventions.md): `--flag`, `--option value`, `--option=value`, repeatable options,
 * positionals, `-` as a positional (standard input), `--` ending the options, the common short
 * flags (`-h` for --help, `-f` for --format, and any a command declares), and an unknown option a
 * usage error that names it (never read as a file name).
 */
import { t } from '../../grammar/common/l10n';
import { suggestNames } from '../catalogue/index';

export class UsageError extends Error {}

export interface OptionSpec {
  /** Takes a value (`--format json`); otherwise a boolean flag. */
  value?: boolean;
  /** May be given several times (values collected in order). */
  repeatable?: boolean;
  /** A one-letter alias (`o` for `-o`), besides the common ones in SHORT_FLAGS. */
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** Short flags every command has when it has the long option: `-h` → --help, `-f` → --format. */
const SHORT_FLAGS: Readonly<Record<string, string>> = { h: 'help', f: 'format' };

/** The flags that ask for help, anywhere before `--` (main.ts turns them into the command's help). */
export const HELP_FLAGS: readonly string[] = ['--help', '-h'];

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  // Every command takes --help (and -h), whether or not it lists it.
  const options: Record<string, OptionSpec> = { help: {}, ...spec };
  const shorts = new Map<string, string>();
  for (const [letter, name] of Object.entries(SHORT_FLAGS)) if (options[name]) shorts.set(letter, name);
  for (const [name, option] of Object.entries(options)) if (option.short) shorts.set(option.short, name);

  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    let name: string;
    let inlineValue: string | undefined;
    let shown: string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = arg.slice(2, eq === -1 ? undefined : eq);
      inlineValue = eq === -1 ? undefined : arg.slice(eq + 1);
      shown = `--${name}`;
      if (!options[name]) throw new UsageError(`${t('unknown option {0}', `--${name}`)}${suggestOption(name, Object.keys(options))}`);
    } else {
      const letter = arg.slice(1, 2);
      shown = `-${letter}`;
      const long = shorts.get(letter);
      if (!long)
        throw new UsageError(
          `${t('unknown option {0}', arg)}${arg.length > 2 ? ` ${t('(options start with --, e.g. {0})', `--${arg.slice(1)}`)}` : ''}`,
        );
      name = long;
      // `-fjson` and `-f=json` as well as `-f json`.
      const rest = arg.slice(2);
      inlineValue = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
    }
    const option = options[name]!;
    if (!option.value) {
      if (inlineValue !== undefined) throw new UsageError(t('{0} takes no value', shown));
      parsed.flags.add(name);
      continue;
    }
    const value = inlineValue ?? argv[++i];
    // The next argument is the value unless it is an option itself (`--out --verbose`, `--out -f`):
    // an argument that starts with `-` is always an option (docs/cli-conventions.md). `-` (standard
    // input) and values such as `-1` are values; `--option=-x` always gives the value.
    if (value === undefined || (inlineValue === undefined && isOption(value, shorts))) throw new UsageError(t('{0} needs a value', shown));
    const values = parsed.options.get(name) ?? [];
    if (values.length && !option.repeatable) throw new UsageError(t('{0} is given twice', `--${name}`));
    values.push(value);
    parsed.options.set(name, values);
  }
  return parsed;
}

/** Whether an argument that follows a value-taking option is an option: `--…` (and `--`), or a known short flag. */
function isOption(arg: string, shorts: ReadonlyMap<string, string>): boolean {
  return arg.startsWith('--') || (arg.length >= 2 && arg.startsWith('-') && shorts.has(arg.slice(1, 2)));
}

function suggestOption(name: string, known: readonly string[]): string {
  const [best] = suggestNames(name, known, 1);
  return best ? ` ${t('(did you mean {0}?)', `--${best}`)}` : '';
}

export function option(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t("{0} must be {1} (got '{2}')", `--${name}`, allowed.join(', '), value));
}

/** A small argv parser: `--flag`, `--option value`, `--option=value`, repeatable options, positionals. */
export class UsageError extends Error {}

export interface OptionSpec {
  /** Takes a value (`--format json`); otherwise a boolean flag. */
  value?: boolean;
  /** May be given several times (values collected in order). */
  repeatable?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = spec[name];
    if (!option) throw new UsageError(`unknown option --${name}`);
    if (!option.value) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    const values = parsed.options.get(name) ?? [];
    if (values.length && !option.repeatable) throw new UsageError(`--${name} is given twice`);
    values.push(value);
    parsed.options.set(name, values);
  }
  return parsed;
}

export function option(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be ${allowed.join(', ')} (got '${value}')`);
}

/**
 * The expression evaluator: expression AST + a sample user → the value the provisioning service
 * would write to the target (or "not sent", or an evaluation error with a range), with an optional
 * trace of every call for hovers. No I/O; the clock and randomness are injectable.
 */
import type { EvaluationEnvironment } from './evaluate';
import { ticksFromUnixMilliseconds } from './datetime';
import type { FunctionCatalogue } from '../catalogue/index';
import type { SampleUser } from './input';
import { cryptoRandom, type RandomSource, seededRandom } from './random';
import { toLowerInvariant } from './text';
import { NULL } from './values';

export {
  evaluateExpression,
  compareValues,
  type EvaluationEnvironment,
  type EvaluationOutcome,
  type TraceNode,
  type EvaluationErrorInfo,
} from './evaluate';
export { EvaluationError, FlowIgnored } from './errors';
export { readSampleUser, SampleUserError, type SampleUser } from './input';
export { parseJson, stringifyJson, fromPlainJson, JsonSyntaxError, type JsonValue, type JsonObject, type OutputJson } from './json';
export { displayValue, toOutputJson, textOf, type Value, type SingleValue } from './values';
export { parseDateTime, renderServiceDateTime } from './datetime';
export { translateDotNetRegex, RegexTranslationError, firstMatch } from './dotnet-regex';

/** What an evaluation may depend on besides the sample user. */
export interface EvaluationSettings {
  /** Now(), as .NET ticks (UTC); default: the real clock at the start of the evaluation. */
  now?: bigint;
  /** DefaultDomain(); none = an evaluation error, as in a tenant without a default domain. */
  defaultDomain?: string;
  /** Values SelectUniqueValue must treat as already present in the target (compared ignoring case). */
  taken?: readonly string[];
  /** Seed for Guid() and RandomString(); none = cryptographic randomness. */
  seed?: number;
  /** A ready random source (overrides seed). */
  random?: RandomSource;
  /**
   * The job's function list with the built-in functions (docs/real-schemas.md): a function only the
   * list names is the service's own, with no semantics aadmap knows, and its evaluation error says so.
   */
  functions?: FunctionCatalogue;
}

export function createEnvironment(user: SampleUser | undefined, settings: EvaluationSettings = {}): EvaluationEnvironment {
  // Directory lookups (AD, Entra) compare names without regard to case.
  const taken = new Set((settings.taken ?? []).map(toLowerInvariant));
  return {
    attribute: (name) => user?.attributes.get(name) ?? NULL,
    now: settings.now ?? ticksFromUnixMilliseconds(Date.now()),
    defaultDomain: settings.defaultDomain,
    isTaken: (value) => taken.has(toLowerInvariant(value)),
    random: settings.random ?? (settings.seed !== undefined ? seededRandom(settings.seed) : cryptoRandom()),
    ...(settings.functions ? { functions: settings.functions } : {}),
  };
}

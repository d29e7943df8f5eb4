/** `aadmap eval --expr "EXPRESSION" --input USER.json [--now ISO-8601] [--default-domain DOMAIN] [--taken VALUE]... [--format json]` */
import { inEnglish, joinSentences, t } from '../../grammar/common/l10n';
import { LineIndex } from '../../grammar/common/line-index';
import { stringifyJson, toOutputJson } from '../evaluator/index';
import { traceLines } from '../evaluator/trace';
import type { Expression } from '../../grammar/expression/ast';
import type { SampleUser } from '../evaluator/index';
import { BUILTIN_SOURCE, findObject } from '../schema/index';
import { suggestNames } from '../catalogue/index';
import { didYouMean } from '../checker/diagnostic';
import { attributeNames, findAttribute } from '../schema/lookup';
import { attributesRead, evaluateExpressionText } from '../service/sample-evaluation';
import { oneOf, parseArgs, UsageError } from './args';
import type { CliIO } from './io';
import { EVALUATION_OPTIONS, evaluationUsage, evaluationSettings, readSampleUserFile } from './inputs';

export function evalUsage(): string {
  return `${t('Usage:')} aadmap eval --expr "EXPRESSION" --input USER.json [options] [--format text|json]

${t("Evaluates one attribute-mapping expression for a sample user, offline, with the provisioning\nservice's semantics, and prints the value written to the target. Without --input the user has no\nattributes (every attribute is null), and stderr says so. An expression with check errors is not\nevaluated; attribute names the Azure AD user does not have are allowed (HR sources) and read as null.")}
${evaluationUsage()}
  --trace                  ${t('also print how each call was evaluated (branches taken)')}
  --format json            ${t('{"value": V, "ignored": false}, {"value": null, "ignored": true} when\n                           IgnoreFlowIfNullOrEmpty stops the flow, {"error": {"message", "line", "column"}}')}
${t('Exit status: 0 evaluated, 1 syntax, check or evaluation error, 2 usage error or unreadable file.')}`;
}

/**
 * Says on stderr (stdout stays the value) which attributes were read as null because nothing gave
 * them a value: without --input the user has no attributes at all; with one, a name that is neither
 * an Azure AD user attribute nor in the file may be a typo.
 */
function noteAbsentAttributes(ast: Expression | undefined, inputFile: string | undefined, user: SampleUser, io: CliIO): void {
  const read = attributesRead(ast);
  if (read.length === 0) return;
  if (inputFile === undefined) {
    const names = read.map((n) => `[${n}]`).join(', ');
    io.err(
      `aadmap eval: ${read.length === 1 ? t('no sample user (--input USER.json): evaluated for a user without attributes, so {0} is null.', names) : t('no sample user (--input USER.json): evaluated for a user without attributes, so {0} are null.', names)}`,
    );
    return;
  }
  const azureAd = findObject(BUILTIN_SOURCE, 'User');
  for (const name of read) {
    if (user.attributes.has(name) || (azureAd && findAttribute(azureAd, name)?.exactCase)) continue;
    const suggestions = azureAd ? suggestNames(name, attributeNames(azureAd)) : [];
    const note = t('note: [{0}] is not an Azure AD user attribute and not in {1}: it is null.', name, inputFile);
    io.err(
      `aadmap eval: ${joinSentences(
        note,
        didYouMean(suggestions, (s) => `[${s}]`),
      )}`,
    );
  }
}

export function runEval(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { ...EVALUATION_OPTIONS, expr: { value: true }, format: { value: true }, trace: {}, help: {} });
  if (args.flags.has('help')) {
    io.out(evalUsage());
    return 0;
  }
  const format = oneOf(args.options.get('format')?.[0], ['text', 'json'] as const, 'format', 'text');
  const expression = args.options.get('expr')?.[0];
  if (expression === undefined) throw new UsageError(t('eval needs --expr "EXPRESSION"'));
  if (args.positionals.length)
    throw new UsageError(t("unexpected argument '{0}' (quote the expression and pass it with --expr)", args.positionals[0]!));
  const inputFile = args.options.get('input')?.[0];
  const user = readSampleUserFile(inputFile);
  const settings = evaluationSettings(args);
  const trace = args.flags.has('trace');

  const evaluate = () => evaluateExpressionText(expression, user, settings, { trace });
  // The JSON is an exact contract: its messages (an error, the trace) stay English in every language.
  const result = format === 'json' ? inEnglish(evaluate) : evaluate();
  if (result.outcome) noteAbsentAttributes(result.ast, inputFile, user, io);
  const index = new LineIndex(expression);
  const fail = (message: string, offset: number, code = 'evaluation-error'): number => {
    const { line, character } = index.positionAt(offset);
    if (format === 'json') io.out(stringifyJson({ error: { message, line: line + 1, column: character + 1 } }));
    else io.out(`<expr>:${line + 1}:${character + 1}: error [${code}] ${message}`);
    return 1;
  };
  if (!result.outcome) {
    const error = result.blockingError!;
    return fail(error.message, error.start, error.code);
  }
  const outcome = result.outcome;
  const traceText = trace ? traceLines(outcome.trace) : [];
  if (outcome.kind === 'error') {
    const code = fail(outcome.error.message, outcome.error.start);
    if (format === 'text' && trace) io.out(traceText.join('\n'));
    return code;
  }
  if (format === 'json') {
    const body = outcome.kind === 'ignored' ? { value: null, ignored: true } : { value: toOutputJson(outcome.value), ignored: false };
    io.out(stringifyJson(trace ? { ...body, trace: traceText } : body));
  } else {
    io.out(
      outcome.kind === 'ignored'
        ? t('(not sent: IgnoreFlowIfNullOrEmpty stops the flow of this attribute)')
        : stringifyJson(toOutputJson(outcome.value), 0),
    );
    if (trace) io.out(traceText.join('\n'));
  }
  return 0;
}

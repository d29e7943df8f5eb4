/** `aadmap eval --expr "EXPRESSION" --input USER.json [--now ISO-8601] [--default-domain DOMAIN] [--taken VALUE]... [--format json]` */
import { LineIndex } from '../../grammar/common/line-index';
import { stringifyJson, toOutputJson } from '../evaluator/index';
import { traceLines } from '../evaluator/trace';
import { evaluateExpressionText } from '../service/evaluation';
import { oneOf, parseArgs, UsageError } from './args';
import type { CliIO } from './io';
import { EVALUATION_OPTIONS, EVALUATION_USAGE, evaluationSettings, readSampleUserFile } from './inputs';

export const EVAL_USAGE = `Usage: aadmap eval --expr "EXPRESSION" --input USER.json [options] [--format text|json]

Evaluates one attribute-mapping expression for a sample user, offline, with the provisioning
service's semantics, and prints the value written to the target.
${EVALUATION_USAGE}
  --trace                  also print how each call was evaluated (branches taken)
  --format json            {"value": V, "ignored": false}, {"value": null, "ignored": true} when
                           IgnoreFlowIfNullOrEmpty stops the flow, {"error": {"message", "line", "column"}}
Exit status: 0 evaluated, 1 syntax, check or evaluation error, 2 usage error or unreadable file.`;

export function runEval(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { ...EVALUATION_OPTIONS, expr: { value: true }, format: { value: true }, trace: {}, help: {} });
  if (args.flags.has('help')) {
    io.out(EVAL_USAGE);
    return 0;
  }
  const format = oneOf(args.options.get('format')?.[0], ['text', 'json'] as const, 'format', 'text');
  const expression = args.options.get('expr')?.[0];
  if (expression === undefined) throw new UsageError('eval needs --expr "EXPRESSION"');
  if (args.positionals.length)
    throw new UsageError(`unexpected argument '${args.positionals[0]}' (quote the expression and pass it with --expr)`);
  const user = readSampleUserFile(args.options.get('input')?.[0]);
  const settings = evaluationSettings(args);
  const trace = args.flags.has('trace');

  const result = evaluateExpressionText(expression, user, settings, { trace });
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
        ? '(not sent: IgnoreFlowIfNullOrEmpty stops the flow of this attribute)'
        : stringifyJson(toOutputJson(outcome.value), 0),
    );
    if (trace) io.out(traceText.join('\n'));
  }
  return 0;
}

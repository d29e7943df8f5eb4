/** Too few or too many arguments, and Switch's unpaired key; argument counts the service runs are warnings. */
import { localized } from '../../../../grammar/common/l10n';
import { argumentCountProblem, functionArity } from '../../../catalogue/index';
import type { ExpressionRule } from '../context';

export const argumentCountRule: ExpressionRule = {
  call({ call, signature }, _site, { sink }) {
    if (!signature) return;
    const problem = argumentCountProblem(signature, call.args.length);
    if (!problem) return;
    // A form the service runs is not an error; the documented form is still the clearer one.
    const serviceForm = signature.serviceForms?.find((form) => form.argumentCount === call.args.length);
    if (serviceForm) {
      sink.report('argument-count', call.nameRange, localized(serviceForm.note), { severity: 'warning' });
      return;
    }
    const { max } = functionArity(signature);
    const extra = call.args.slice(max);
    // Point at the surplus arguments when there are too many, else at the call's name and parentheses.
    const range = extra.length > 0 ? { start: extra[0]!.start, end: extra[extra.length - 1]!.end } : { start: call.start, end: call.end };
    sink.report('argument-count', range, problem);
  },
};

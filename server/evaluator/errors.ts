/** The two ways an evaluation ends early. */
import type { TextRange } from '../../grammar/common/text-range';

/** An evaluation error at the failing call's range. */
export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly range: TextRange,
  ) {
    super(message);
  }
}

/** Not an error: IgnoreFlowIfNullOrEmpty unwinds the evaluation of the whole attribute, which then does not flow. */
export class FlowIgnored {
  constructor(readonly range: TextRange) {}
}

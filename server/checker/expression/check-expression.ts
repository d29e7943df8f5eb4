/** Walks one expression once and lets every expression rule look at each node. */
import type { Argument, Expression } from '../../../grammar/expression/ast';
import { BUILTIN_CATALOGUE, parameterForCallArgument, type FunctionCatalogue } from '../../catalogue/index';
import type { ExpressionContext, ExpressionRule, NodeSite, ResolvedCall } from './context';
import { expressionRules } from './rules/index';

export function checkExpression(
  expression: Expression,
  context: ExpressionContext,
  rules: readonly ExpressionRule[] = expressionRules,
): void {
  for (const rule of rules) rule.root?.(expression, context);
  visit(expression, ROOT_SITE, context, rules);
}

/** The whole expression's site: no parent call. */
const ROOT_SITE: NodeSite = Object.freeze({ index: 0 });

function resolveCall(call: ResolvedCall['call'], functions: FunctionCatalogue = BUILTIN_CATALOGUE): ResolvedCall {
  const exact = functions.lookup(call.name);
  if (exact) return { call, signature: exact, exactCase: true };
  return { call, signature: functions.lookupIgnoreCase(call.name), exactCase: false };
}

function visit(node: Argument, site: NodeSite, context: ExpressionContext, rules: readonly ExpressionRule[]): void {
  for (const rule of rules) rule.node?.(node, site, context);
  if (node.kind === 'call') {
    const resolved = resolveCall(node, context.functions);
    for (const rule of rules) rule.call?.(resolved, site, context);
    // A plain loop and one site object per call, moved along its arguments: this walk runs over
    // every call of a 5,000-mapping file. Rules read a site while they look at its node and keep
    // none, and a node's subtree is walked with sites of its own, so moving it on is safe.
    const args = node.args;
    const argumentSite: NodeSite = { parent: resolved, index: 0, parameter: undefined };
    for (let index = 0; index < args.length; index++) {
      argumentSite.index = index;
      argumentSite.parameter = resolved.signature ? parameterForCallArgument(resolved.signature, index, args.length) : undefined;
      visit(args[index]!, argumentSite, context, rules);
    }
  } else if (node.kind === 'comparison') {
    // Operands of a comparison keep the comparison's site: `IIF([a] = [b], …)` → both sit in IIF's condition.
    visit(node.left, site, context, rules);
    visit(node.right, site, context, rules);
  }
}

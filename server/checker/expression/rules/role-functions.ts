/** Role functions take exactly [appRoleAssignments]; [appRoleAssignments] needs a role function. */
import type { ExpressionRule } from '../context';

const ROLE_FUNCTIONS = new Set([
  'SingleAppRoleAssignment',
  'AppRoleAssignmentsComplex',
  'AssertiveAppRoleAssignmentsComplex',
  'AppRoleAssignments',
]);

export const roleFunctionsRule: ExpressionRule = {
  call({ call, signature }, _site, { sink }) {
    if (!signature || !ROLE_FUNCTIONS.has(signature.name)) return;
    const arg = call.args[0];
    if (call.args.length === 1 && arg?.kind === 'attribute' && arg.name === 'appRoleAssignments') return;
    if (call.args.length !== 1) return; // the argument-count rule reports it
    sink.report('role-function-argument', arg!, `${signature.name} takes the [appRoleAssignments] attribute itself.`, {
      suggestions: ['[appRoleAssignments]'],
    });
  },
  node(node, site, { sink }) {
    if (node.kind !== 'attribute' || node.name !== 'appRoleAssignments') return;
    const parent = site.parent?.signature?.name;
    if (parent && ROLE_FUNCTIONS.has(parent)) return;
    sink.report(
      'app-role-assignments-direct',
      node,
      '[appRoleAssignments] should go through a role function: SingleAppRoleAssignment([appRoleAssignments]) for one role, AppRoleAssignmentsComplex([appRoleAssignments]) for several.',
    );
  },
};

/** Role functions take exactly [appRoleAssignments]; [appRoleAssignments] needs a role function. */
import { t } from '../../../../grammar/common/l10n';
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
    sink.report('role-function-argument', arg!, t('{0} takes the [appRoleAssignments] attribute itself.', signature.name), {
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
      t(
        '[appRoleAssignments] should go through a role function: SingleAppRoleAssignment([appRoleAssignments]) for one role, AppRoleAssignmentsComplex([appRoleAssignments]) for several.',
      ),
    );
  },
};

/** Wires the Impact view's commands (docs/impact.md, "In VS Code"). */
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/protocol';
import type { GraphSession } from '../graph/commands';
import { SelectImpactUsersCommand, ShowImpactCommand } from './commands';

export function registerImpact(context: vscode.ExtensionContext, session: GraphSession): void {
  const guard =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        session.log.error(message);
        void vscode.window.showErrorMessage(`aadmap: ${message}`);
        return undefined;
      }
    };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.impactShow, guard(new ShowImpactCommand(context, session).run)),
    vscode.commands.registerCommand(COMMANDS.impactSelectUsers, guard(new SelectImpactUsersCommand(context, session).run)),
  );
}

/**
 * A diagnostic's code opens its entry of the diagnostics reference shipped with the extension
 * (docs/diagnostics.md) in VS Code's Markdown preview, scrolled to the code's heading.
 *
 * The server links each diagnostic to that file (`file:…/docs/diagnostics.md#code`), which any LSP
 * client can open; VS Code would open it as plain text at its top. So the client turns those links
 * into a command URI: the hover and the Problems panel open code links with commands allowed, and
 * `markdown.showPreview` scrolls to a URI's fragment (the heading's slug).
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const SHOW_DIAGNOSTIC_HELP_COMMAND = 'aadmap.showDiagnosticHelp';

const REFERENCE_PATH = ['docs', 'diagnostics.md'] as const;

/** The command URI that opens `code`'s entry (what a diagnostic's code links to in VS Code). */
function diagnosticHelpLink(code: string): vscode.Uri {
  return vscode.Uri.parse(`command:${SHOW_DIAGNOSTIC_HELP_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`);
}

function isReferenceLink(target: vscode.Uri): boolean {
  return target.scheme === 'file' && target.path.endsWith(`/${REFERENCE_PATH.join('/')}`) && target.fragment !== '';
}

/** The same diagnostics, their reference links turned into {@link diagnosticHelpLink}s. */
function withHelpLinks(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (typeof code === 'object' && isReferenceLink(code.target))
      diagnostic.code = { value: code.value, target: diagnosticHelpLink(code.target.fragment) };
  }
  return [...diagnostics];
}

/** Rewrites links of pulled (VS Code's default) and pushed diagnostics alike. */
export const diagnosticHelpMiddleware: Middleware = {
  handleDiagnostics: (uri, diagnostics, next) => next(uri, withHelpLinks(diagnostics)),
  provideDiagnostics: async (document, previousResultId, token, next) => {
    const report = await next(document, previousResultId, token);
    if (report && report.kind === 'full') report.items = withHelpLinks(report.items);
    return report;
  },
};

export function registerDiagnosticHelp(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_DIAGNOSTIC_HELP_COMMAND, async (code?: unknown) => {
      const reference = vscode.Uri.joinPath(context.extensionUri, ...REFERENCE_PATH);
      const target = typeof code === 'string' && /^[a-z0-9-]+$/.test(code) ? reference.with({ fragment: code }) : reference;
      await vscode.commands.executeCommand('markdown.showPreview', target);
    }),
  );
}

/**
 * The client's messages with numbers. `vscode.l10n.t` puts an argument in as `String(value)` does
 * (its `format2`: https://github.com/microsoft/vscode/blob/main/src/vs/base/common/strings.ts), so a
 * count would read "19998 users" in every language, while the server's and the CLI's messages write
 * "19,998" in English and Japanese and "19 998" in French (`t`, grammar/common/l10n.ts). `l10n.t` is
 * `vscode.l10n.t` with each number argument written by `formatNumber`: the language and bundle the
 * extension set at activation (`useL10nBundle(vscode.l10n.bundle, vscode.env.language)`), so an
 * English message, also in a display language aadmap has no translation for, gets English numbers.
 * A number that is a name (a year, a port) is passed as a string. eslint.config.mjs refuses a number
 * argument to `vscode.l10n.t` itself (docs/localization.md).
 */
import * as vscode from 'vscode';
import { formatNumber } from '../grammar/common/l10n';

export const l10n = {
  /** `vscode.l10n.t(message, …args)`, numbers written as the display language writes them. */
  t(message: string, ...args: readonly (string | number)[]): string {
    return vscode.l10n.t(message, ...args.map((arg) => (typeof arg === 'number' ? formatNumber(arg) : arg)));
  },
};

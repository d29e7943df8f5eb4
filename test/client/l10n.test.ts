/**
 * The client's `l10n.t` (client/l10n.ts): VS Code's `vscode.l10n.t` with each number argument written
 * as the display language writes it, as the server's `t` does (docs/localization.md).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t, useL10nBundle, type L10nBundle } from '../../grammar/common/l10n';
import { readL10nBundle } from '../../server/l10n/bundles';
import * as vscode from 'vscode';
import { l10n } from '../../client/l10n';

/** The bundle VS Code reads for the display language (`vscode.l10n.bundle`). */
const display: { bundle: L10nBundle | undefined } = vi.hoisted(() => ({ bundle: undefined }));

// A stand-in for VS Code's l10n.t: the bundle's translation, then each `{n}` replaced as VS Code's
// format2 does (https://github.com/microsoft/vscode/blob/main/src/vs/base/common/strings.ts), which
// puts a number in as String(value).
vi.mock('vscode', () => ({
  l10n: {
    t: (message: string, ...args: unknown[]) =>
      (display.bundle?.[message] ?? message).replace(/\{([^}]+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole)),
  },
}));

const root = join(__dirname, '..', '..');
const NNBSP = '\u202f';

/** As the extension's activation does: `useL10nBundle(vscode.l10n.bundle, vscode.env.language)` (no bundle for German). */
function displayLanguage(language: 'en' | 'ja' | 'fr' | 'de'): void {
  display.bundle = language === 'de' ? undefined : readL10nBundle(language, root);
  useL10nBundle(display.bundle, language);
}

afterEach(() => {
  display.bundle = undefined;
  useL10nBundle(undefined);
});

describe('l10n.t', () => {
  const RECORDS = '{0} records, {1} users';

  it.each([
    ['en', '19,998 records, 3,600 users'],
    ['ja', 'レコード 19,998 件、ユーザー 3,600 人'],
    ['fr', `19${NNBSP}998 enregistrements, 3${NNBSP}600 utilisateurs`],
  ] as const)('writes numbers as %s does, in the translated message', (language, expected) => {
    displayLanguage(language);
    expect(l10n.t(RECORDS, 19998, 3600)).toBe(expected);
    // The same sentence as the server's t(), which shares the bundle and the number format.
    expect(l10n.t(RECORDS, 19998, 3600)).toBe(t(RECORDS, 19998, 3600));
  });

  it("is needed: VS Code's own l10n.t puts numbers in unformatted", () => {
    displayLanguage('fr');
    expect(vscode.l10n.t(RECORDS, 19998, 3600)).toBe('19998 enregistrements, 3600 utilisateurs');
  });

  it('keeps every fraction digit and the sign, in the decimal sign of the language', () => {
    displayLanguage('fr');
    expect(l10n.t('{0} | {1} | {2}', 2.5, -1234.125, 0)).toBe(`2,5 | -1${NNBSP}234,125 | 0`);
    displayLanguage('en');
    expect(l10n.t('{0} | {1} | {2}', 2.5, -1234.125, 0)).toBe('2.5 | -1,234.125 | 0');
  });

  it('leaves strings as they are (a number that is a name, such as a port, is passed as one)', () => {
    displayLanguage('fr');
    expect(l10n.t('Restart the job — {0}', '8080')).toBe('Redémarrer la tâche — 8080');
    expect(l10n.t('{0} records, {1} users', '19998', 3600)).toBe(`19998 enregistrements, 3${NNBSP}600 utilisateurs`);
  });

  it('writes English numbers in a display language aadmap has no translation for (its messages are English)', () => {
    displayLanguage('de');
    expect(display.bundle).toBeUndefined();
    expect(l10n.t(RECORDS, 19998, 3600)).toBe('19,998 records, 3,600 users');
  });

  it('leaves a message without arguments and a placeholder without an argument as they are', () => {
    displayLanguage('fr');
    expect(l10n.t('1 record, 1 user')).toBe('1 enregistrement, 1 utilisateur');
    expect(l10n.t(RECORDS, 5)).toBe('5 enregistrements, {1} utilisateurs');
  });
});

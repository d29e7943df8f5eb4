/**
 * Localized messages. Every user-facing sentence is written in English at the place that makes it,
 * as `t('Unknown function {0}.', name)`; `t` looks the English text up in the bundle of the user's
 * language and fills the `{0}`, `{1}`, … placeholders. Without a bundle (English, or a language
 * aadmap has no translation for) the English text is the result.
 *
 * The bundle format is VS Code's (`vscode.l10n`): a JSON object from the English message to its
 * translation (https://code.visualstudio.com/api/references/vscode-api#l10n), so one set of files
 * serves the extension, the language server and the CLI (docs/localization.md). The bundle is set
 * once per process (the CLI from `--locale`/`LANG`, the server from the editor's locale) before any
 * message is made; grammar/ does no I/O, so whoever reads the files passes their contents here.
 *
 * Diagnostic codes, JSON keys and the `.aadmap` language itself never change with the language.
 */

export type L10nBundle = Readonly<Record<string, string>>;

let bundle: L10nBundle | undefined;
let language = 'en';
let numberFormat = numberFormatOf(language);

/**
 * How `t` writes a number: grouped and with the decimal sign of the messages' language (1,234 and
 * 2.5 in English and Japanese, 1 234 with a narrow no-break space and 2,5 in French). All fraction
 * digits are kept, as `String` keeps them. JSON output writes numbers as JSON numbers, never this way.
 * https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat
 */
function numberFormatOf(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
}

/**
 * `value` written as the current messages' language writes a number (see `numberFormatOf`): what `t`
 * puts in for a number argument, and what the client writes where `vscode.l10n.t` would write
 * `String(value)` (client/l10n.ts).
 */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/**
 * Sets (or clears, with `undefined`) the bundle every later `t` reads, and the language (BCP 47,
 * such as `ja` or `fr`) whose number format `t` uses. Without a bundle the messages are English, and
 * so are their numbers.
 */
export function useL10nBundle(next: L10nBundle | undefined, locale = 'en'): void {
  bundle = next;
  language = next ? locale : 'en';
  numberFormat = numberFormatOf(language);
}

/** The bundle in use (passed on to worker threads, which have module state of their own). */
export function currentL10nBundle(): L10nBundle | undefined {
  return bundle;
}

/** The language of the numbers in use (passed on to worker threads with the bundle). */
export function currentL10nLocale(): string {
  return language;
}

/**
 * `make()` with English messages: what it builds goes into a JSON output (`--format json` of eval,
 * preview, filter and impact), an exact contract whose values never change with the language
 * (docs/localization.md). A promise keeps English until it settles (a CLI process runs one command).
 */
export function inEnglish<T>(make: () => T): T {
  const saved = { bundle, language };
  const restore = () => useL10nBundle(saved.bundle, saved.language);
  useL10nBundle(undefined);
  let result: T;
  try {
    result = make();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

const PLACEHOLDER = /\{(\d+)\}/g;

/**
 * `message` in the current language, with `{n}` replaced by `args[n]` (a number written in the
 * language's format: pass a string for a number that is a name, such as a year or a port). `message`
 * must be a string literal at every call (test/l10n/translations.test.ts finds the calls and checks
 * that each bundle translates each message, with the same placeholders).
 */
export function t(message: string, ...args: readonly (string | number)[]): string {
  const template = bundle?.[message] ?? message;
  if (args.length === 0) return template;
  return template.replace(PLACEHOLDER, (whole, index: string) => {
    const value = args[Number(index)];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** Ends a sentence without a space after it: Japanese 「。」, 「？」, 「！」 (L10N rules: no space after 「。」). */
const FULL_WIDTH_END = /[\u3002\uff1f\uff01]$/;

/**
 * Sentences made in separate places (a diagnostic and its did-you-mean) as one text: English and
 * French put a space between them, Japanese none after 「。」. The join follows the text, not the
 * language, so an English sentence (a message without a translation yet) still gets its space.
 * Empty parts are left out.
 */
export function joinSentences(...sentences: readonly string[]): string {
  return sentences.reduce(
    (text, next) => (next === '' ? text : text === '' || FULL_WIDTH_END.test(text) ? text + next : `${text} ${next}`),
    '',
  );
}

/**
 * A text that is data rather than a `t('…')` call (a catalogue's description, a keyword's
 * documentation) in the current language: its translation in the bundle, the English text when the
 * bundle has none. Call it where the text is shown, never where the data is defined (the bundle is
 * set after modules load). Every such text is listed in test/l10n/data-messages.ts, so the
 * translations test checks it as it checks the `t` calls.
 */
export function localized(text: string): string {
  return bundle?.[text] ?? text;
}

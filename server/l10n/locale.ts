/**
 * Which language aadmap speaks: English (the source of every message), Japanese or French
 * (docs/localization.md). The CLI follows `--locale`, else the POSIX locale variables in their
 * order of precedence (LC_ALL, LC_MESSAGES, LANG:
 * https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap08.html); the language server
 * follows the editor's display language (the `locale` of LSP's initialize request).
 */

/** The languages aadmap has translations for, besides English. */
export const TRANSLATED_LOCALES = ['ja', 'fr'] as const;
export type TranslatedLocale = (typeof TRANSLATED_LOCALES)[number];
export type Locale = 'en' | TranslatedLocale;
export const LOCALES: readonly Locale[] = ['en', ...TRANSLATED_LOCALES];

/**
 * The language of a locale name as POSIX (`ja_JP.UTF-8`, `fr_FR@euro`, `C`) or BCP 47 (`ja`,
 * `fr-CA`, `en-US`) writes it; `undefined` for a language aadmap does not speak.
 */
export function localeOf(name: string | undefined): Locale | undefined {
  if (!name) return undefined;
  if (name === 'C' || name === 'POSIX' || name.startsWith('C.')) return 'en';
  const language = /^([A-Za-z]{2,3})(?:[-_@.]|$)/.exec(name)?.[1]?.toLowerCase();
  return LOCALES.find((locale) => locale === language);
}

/** The CLI's language from the environment: the first locale variable that is set decides. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[variable];
    if (value) return localeOf(value) ?? 'en';
  }
  return 'en';
}

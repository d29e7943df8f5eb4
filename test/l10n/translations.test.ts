/**
 * Every localized message has a translation in every language aadmap speaks, with the same
 * placeholders; no translation is left for a message the code no longer has; the translation files
 * of one language never disagree (docs/localization.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readL10nBundle } from '../../server/l10n/bundles';
import { TRANSLATED_LOCALES } from '../../server/l10n/locale';
import { findMessages, placeholdersOf } from './messages';
import { dataMessages } from './data-messages';

const root = join(__dirname, '..', '..');
const found = findMessages(root);
const messages = new Set([...found.sites.map((site) => site.message), ...dataMessages()]);

describe('localized messages', () => {
  it('finds the messages of the code', () => {
    // The finder itself: a known call of each kind is found (a finder that finds nothing passes everything below).
    expect(found.sites.map((site) => site.message)).toContain('Did you mean {0}?');
  });

  it("include the function examples' texts in words, not their code", () => {
    const data = dataMessages();
    for (const words of ['both attributes hold the same value', 'displayName absent', 'mailNickname = "jdoe", default domain contoso.com'])
      expect(data).toContain(words);
    expect(data).toContain('(attribute not sent)');
    for (const code of ['displayName = ""', 'Now() = 8/25/2021 5:41:18 PM, StatusHireDate = "2012-03-16-07:00"', 'True', 'Doe, John'])
      expect(data).not.toContain(code);
  });

  it('are string literals at every call', () => {
    expect(found.notLiteral).toEqual([]);
  });

  for (const locale of TRANSLATED_LOCALES) {
    describe(locale, () => {
      const bundle = readL10nBundle(locale, root) ?? {};

      it('translates every message', () => {
        const missing = found.sites.filter((site) => !Object.hasOwn(bundle, site.message)).map((site) => `${site.at}: ${site.message}`);
        const missingData = dataMessages().filter((message) => !Object.hasOwn(bundle, message));
        expect([...new Set([...missing, ...missingData])]).toEqual([]);
      });

      it('keeps the placeholders of each message', () => {
        const wrong = Object.entries(bundle)
          .filter(([message, translation]) => placeholdersOf(message).join() !== placeholdersOf(translation).join())
          .map(([message, translation]) => `${message} → ${translation}`);
        expect(wrong).toEqual([]);
      });

      it('has no translation of a message the code does not have', () => {
        expect(Object.keys(bundle).filter((message) => !messages.has(message))).toEqual([]);
      });

      it('translates each message once across its files', () => {
        const folder = join(root, 'l10n', locale);
        const seen = new Map<string, { file: string; translation: string }>();
        const conflicts: string[] = [];
        for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
          const entries = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, string>;
          for (const [message, translation] of Object.entries(entries)) {
            const earlier = seen.get(message);
            if (earlier && earlier.translation !== translation) conflicts.push(`${message}: ${earlier.file} and ${file} differ`);
            seen.set(message, { file, translation });
          }
        }
        expect(conflicts).toEqual([]);
      });
    });
  }
});

/**
 * The extension's manifest in Japanese and French (docs/localization.md): every `%key%` of
 * package.json has its English text in package.nls.json and a translation in package.nls.ja.json
 * and package.nls.fr.json, which keep the command links, settings and code spans of the English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSLATED_LOCALES } from '../../server/l10n/locale';
import { nlsKeysOf } from './manifest-nls';

const root = join(__dirname, '..', '..');
const read = (name: string): Record<string, string> => JSON.parse(readFileSync(join(root, name), 'utf8')) as Record<string, string>;
const keys = new Set(nlsKeysOf(read('package.json')));
const english = read('package.nls.json');

/** What must survive translation: command links, `code` spans, settings names and URLs. */
function fixedParts(text: string): string[] {
  return [
    ...(text.match(/\(command:[\w.]+\)/g) ?? []),
    ...(text.match(/`[^`]+`/g) ?? []),
    ...(text.match(/https?:\/\/[^\s)'"]+/g) ?? []),
  ].sort();
}

describe('package.nls.json', () => {
  it('has the English text of every %key% of package.json, and no other', () => {
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((key) => !Object.hasOwn(english, key))).toEqual([]);
    expect(Object.keys(english).filter((key) => !keys.has(key))).toEqual([]);
  });
});

for (const locale of TRANSLATED_LOCALES) {
  describe(`package.nls.${locale}.json`, () => {
    const translated = read(`package.nls.${locale}.json`);

    it('translates every key, and no other', () => {
      expect(Object.keys(english).filter((key) => !Object.hasOwn(translated, key))).toEqual([]);
      expect(Object.keys(translated).filter((key) => !Object.hasOwn(english, key))).toEqual([]);
    });

    it('keeps command links, code spans and URLs', () => {
      const changed = Object.keys(english).filter(
        (key) => translated[key] !== undefined && fixedParts(english[key]!).join('\n') !== fixedParts(translated[key]!).join('\n'),
      );
      expect(changed).toEqual([]);
    });

    it('translates the prose (only names stay as they are)', () => {
      const untranslated = Object.keys(english).filter(
        (key) => translated[key] === english[key] && /[a-z]{4,} [a-z]{3,}/.test(english[key]!),
      );
      expect(untranslated).toEqual([]);
    });
  });
}

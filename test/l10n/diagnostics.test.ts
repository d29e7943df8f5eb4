/**
 * The diagnostics speak Japanese and French (docs/localization.md): every example and checker
 * fixture, checked in-process with each language's bundle, gets the same codes, ranges and
 * severities as in English, every Japanese message holds Japanese text and every French message
 * differs from the English one. The real server, initialized with the editor's `locale`, publishes
 * the translated messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { useL10nBundle } from '../../grammar/common/l10n';
import { readL10nBundle } from '../../server/l10n/bundles';
import { TRANSLATED_LOCALES, type Locale } from '../../server/l10n/locale';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';
import { createLanguageService } from '../../server/service/language-service';
import { startServer, type ServerUnderTest } from '../support/server-process';

const root = join(__dirname, '..', '..');
/** Japanese script: hiragana, katakana, CJK ideographs, and the ideographic full stop and comma. */
const JAPANESE = /[\u3001\u3002\u3040-\u30ff\u4e00-\u9fff]/;

const languageFiles = (directory: string) =>
  readdirSync(directory)
    .filter((name) => /\.(aadmap|scimfilter)$/.test(name))
    .map((name) => join(directory, name));
const files = [
  ...languageFiles(join(root, 'examples')),
  ...languageFiles(join(root, 'test', 'checker', 'examples')),
  ...languageFiles(join(root, 'test', 'checker', 'fixtures')),
];

interface Found {
  file: string;
  code: string;
  where: string;
  message: string;
}

/** Every diagnostic of every file, checked with `locale`'s bundle (a new service: nothing cached from another language). */
function diagnosticsIn(locale: Locale): Found[] {
  useL10nBundle(readL10nBundle(locale, root));
  try {
    const service = createLanguageService({ schemaFiles: createFileSchemaReader() });
    return files.flatMap((file) =>
      service.diagnostics({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }).map((d) => ({
        file: file.slice(root.length + 1),
        code: String(d.code),
        where: `${d.start}-${d.end} ${d.severity}`,
        message: d.message,
      })),
    );
  } finally {
    useL10nBundle(undefined);
  }
}

afterAll(() => useL10nBundle(undefined));

describe('diagnostics in Japanese and French', () => {
  const english = diagnosticsIn('en');

  it('finds diagnostics of many codes in the examples and fixtures', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(new Set(english.map((d) => d.code)).size).toBeGreaterThan(30);
  });

  for (const locale of TRANSLATED_LOCALES) {
    describe(locale, () => {
      const translated = diagnosticsIn(locale);
      const englishMessage = new Map(translated.map((d, i) => [d, english[i]?.message]));

      it('reports the same codes, ranges and severities as English', () => {
        const shape = (list: Found[]) => list.map(({ file, code, where }) => `${file} ${code} ${where}`);
        expect(shape(translated)).toEqual(shape(english));
      });

      it('translates every message', () => {
        const untranslated = translated
          .filter((d) => (locale === 'ja' ? !JAPANESE.test(d.message) : d.message === englishMessage.get(d)))
          .map((d) => `${d.file} [${d.code}] ${d.message}`);
        expect(untranslated).toEqual([]);
      });

      it('joins the sentences of a message as the language writes them', () => {
        // A did-you-mean, a hint or a list after a message: in Japanese nothing follows 「。」, in
        // French (and English) one space follows a full stop.
        const badlyJoined = locale === 'ja' ? /。\s/ : /[a-z][.?!][A-Z]/;
        expect(translated.filter((d) => badlyJoined.test(d.message)).map((d) => `${d.file} [${d.code}] ${d.message}`)).toEqual([]);
        const swtich = translated.find((d) => d.file === 'examples/mistakes.aadmap' && d.code === 'unknown-function')?.message;
        expect(swtich).toBe(
          locale === 'ja'
            ? "関数 'Swtich' は存在しません。'Switch' のことですか?"
            : "La fonction 'Swtich' n'existe pas. Vouliez-vous dire 'Switch' ?",
        );
      });
    });
  }
});

describe('the language server in the editor’s language', () => {
  let server: ServerUnderTest | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('publishes Japanese diagnostics when initialized with locale ja', async () => {
    server = await startServer({}, undefined, { locale: 'ja' });
    const file = join(root, 'examples', 'mistakes.aadmap');
    const uri = pathToFileURL(file).href;
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      server!.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.uri === uri) resolve(params);
      }),
    );
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'aadmap', version: 1, text: readFileSync(file, 'utf8') },
    });
    const { diagnostics } = await published;
    const english = diagnosticsIn('en').filter((d) => d.file === 'examples/mistakes.aadmap');
    expect(diagnostics.map((d) => d.code)).toEqual(english.map((d) => d.code));
    expect(diagnostics.filter((d) => !JAPANESE.test(d.message)).map((d) => d.message)).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'unknown-function')?.message).toContain("'Swtich'");
  });
});

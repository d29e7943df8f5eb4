/**
 * The editor features speak the editor's language: the bundled server, initialized with VS Code's
 * `locale`, answers hovers, completion details and quick-fix titles in Japanese or French, and in
 * English without a locale (docs/localization.md). Code, names and ranges stay as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  SignatureHelpRequest,
  type CompletionList,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { FUNCTIONS } from '../../server/catalogue/functions';
import { startServer, type ServerUnderTest } from '../support/server-process';

const uri = 'file:///workspace/l10n.aadmap';
const text = `target chatwork
mapping "Users" User -> User {
  userName <- [userPrincipalName]  match 1
  active <- switch([IsSoftDeleted], , "False", "True", "True", "False")
  
}
`;

/** Japanese script: hiragana, katakana or kanji. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface Expected {
  /** The quick fix of `switch` (function-case). */
  fixTitle: string;
  /** The link under a function's documentation. */
  reference: string;
  /** The hover of the `match` keyword. */
  matchHover: RegExp;
  /** The completion detail of the required, mapped target attribute `userName`. */
  userNameDetail: string;
  /** The start of Switch's summary, in hover and signature help. */
  switchSummary: RegExp;
  /** The hover of the source attribute `[userPrincipalName]`: the built-in schema's words. */
  upnHover: string;
  /** The lens over a mapping block when the mapping file has no sample user beside it. */
  noSampleUserLens: string;
  /** The example headings and results in the completion documentation of a function: words translated, code as written. */
  examples: Record<string, string>;
}

const expectations: Record<'en' | 'ja' | 'fr', Expected> = {
  en: {
    fixTitle: "Change to 'Switch'",
    reference: '[Microsoft reference](',
    matchHover: /^`match N`: use this attribute to match source and target objects/,
    userNameDetail: 'String, required, filterable — already mapped',
    switchSummary: /^Returns the value paired with the first key/,
    upnHover:
      '**[userPrincipalName]** — Azure Active Directory User attribute (String, required)\n\nSign-in name in e-mail form (user@domain).',
    noSampleUserLens: 'No sample user: add a NAME.user.json file (attribute name → value) next to the mapping file',
    examples: {
      CBool: 'Example — with both attributes hold the same value:',
      IsNull: 'Example — with displayName absent:',
      IsNullOrEmpty: 'Example — with displayName = "":',
      IgnoreFlowIfNullOrEmpty: '→ `(attribute not sent)`',
    },
  },
  ja: {
    fixTitle: "'Switch' に変更",
    reference: '[Microsoft のリファレンス](',
    matchHover: /^`match N`: この属性でソース オブジェクトとターゲット オブジェクトを照合します/,
    userNameDetail: 'String、必須、フィルター可能 — マッピング済み',
    switchSummary: /^ソースと等しい最初のキーと対になる値を返します/,
    upnHover: '**[userPrincipalName]** — Azure Active Directory の User 属性 (String, 必須)\n\nメール形式のサインイン名 (user@domain)。',
    noSampleUserLens: 'サンプル ユーザーがありません: マッピング ファイルの隣に NAME.user.json ファイル (属性名 → 値) を追加してください',
    examples: {
      CBool: '例 (入力: 両方の属性が同じ値):',
      IsNull: '例 (入力: displayName なし):',
      IsNullOrEmpty: '例 (入力: displayName = ""):',
      IgnoreFlowIfNullOrEmpty: '→ `(属性は送信されません)`',
    },
  },
  fr: {
    fixTitle: "Remplacer par 'Switch'",
    reference: '[Référence Microsoft](',
    matchHover: /^`match N` : utilise cet attribut pour faire correspondre les objets source et cible/,
    userNameDetail: 'String, obligatoire, filtrable — déjà mappé',
    switchSummary: /^Renvoie la valeur associée à la première clé/,
    upnHover:
      '**[userPrincipalName]** — attribut User de Azure Active Directory (String, obligatoire)\n\nNom de connexion au format e-mail (user@domain).',
    noSampleUserLens:
      "Aucun utilisateur d'exemple : ajoutez un fichier NAME.user.json (nom d'attribut → valeur) à côté du fichier de mappage",
    examples: {
      CBool: 'Exemple — avec les deux attributs à la même valeur :',
      IsNull: 'Exemple — avec displayName absent :',
      IsNullOrEmpty: 'Exemple — avec displayName = "" :',
      IgnoreFlowIfNullOrEmpty: '→ `(attribut non envoyé)`',
    },
  },
};

for (const locale of ['en', 'ja', 'fr'] as const) {
  describe(`the editor in ${locale}`, () => {
    const expected = expectations[locale];
    let server: ServerUnderTest;

    beforeAll(async () => {
      server = await startServer(
        { textDocument: { diagnostic: { dynamicRegistration: false }, completion: { completionItem: { snippetSupport: true } } } },
        undefined,
        locale === 'en' ? {} : { locale },
      );
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'aadmap', version: 1, text },
      });
    });

    afterAll(async () => {
      await server?.stop();
    });

    const hoverAt = async (line: number, character: number) => {
      const hover = (await server.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line, character },
      })) as Hover;
      return { value: (hover.contents as MarkupContent).value, range: hover.range };
    };

    it('documents a function in the language, its signature and example code as written', async () => {
      const { value, range } = await hoverAt(3, 13);
      const parts = value.split('\n\n');
      expect(parts[0]).toBe('```aadmap');
      expect(parts[1]).toBe('Switch(source, defaultValue?, key, value, …) → Any');
      expect(parts[3]).toMatch(expected.switchSummary);
      expect(value).toContain(`${expected.reference}https://learn.microsoft.com/`);
      expect(value).toContain('```aadmap\nSwitch(');
      expect(range).toEqual({ start: { line: 3, character: 12 }, end: { line: 3, character: 18 } });
    });

    it('documents a keyword in the language', async () => {
      const { value } = await hoverAt(2, 36);
      expect(value).toMatch(expected.matchHover);
    });

    it("describes a source attribute in the language, with the schema's own description", async () => {
      const { value } = await hoverAt(2, 16);
      expect(value).toBe(expected.upnHover);
    });

    it('gives completion details in the language', async () => {
      const list = (await server.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 4, character: 2 },
      })) as CompletionList;
      const userName = list.items.find((item) => item.label === 'userName');
      expect(userName?.detail).toBe(expected.userNameDetail);
    });

    it('gives every function summary of the catalogue in the language', async () => {
      const list = (await server.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 3, character: 36 },
      })) as CompletionList;
      const english = new Map(FUNCTIONS.map((sig) => [sig.name, sig.summary]));
      const functions = list.items.filter((item) => english.has(item.label));
      expect(functions).toHaveLength(FUNCTIONS.length);
      for (const item of functions) {
        if (locale === 'en') expect(item.detail).toBe(english.get(item.label));
        else if (locale === 'ja') expect(item.detail, item.label).toMatch(JAPANESE);
        else expect(item.detail, item.label).not.toBe(english.get(item.label));
      }
    });

    it("shows the function examples' words in the language and their code as written", async () => {
      const list = (await server.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 3, character: 36 },
      })) as CompletionList;
      for (const [name, example] of Object.entries(expected.examples)) {
        const documentation = list.items.find((item) => item.label === name)?.documentation as MarkupContent | undefined;
        expect(documentation?.value, name).toContain(example);
      }
    });

    it('gives signature help in the language', async () => {
      const help = await server.connection.sendRequest(SignatureHelpRequest.type, {
        textDocument: { uri },
        position: { line: 3, character: 35 },
      });
      const documentation = help!.signatures[0]!.documentation as MarkupContent;
      expect(documentation.value).toMatch(expected.switchSummary);
      expect(documentation.value).toContain(expected.reference);
    });

    it('titles the evaluation lens in the language (from the evaluation thread)', async () => {
      const lenses = (await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
      expect(lenses.map((lens) => lens.command?.title)).toEqual([expected.noSampleUserLens]);
    });

    it('titles the quick fix in the language, with the same edit', async () => {
      const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      const caseProblem = (report.kind === 'full' ? report.items : []).find((d) => d.code === 'function-case')!;
      const actions = await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: caseProblem.range,
        context: { diagnostics: [caseProblem] },
      });
      const fix = actions!.find((a) => 'title' in a && a.title === expected.fixTitle);
      expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, edit: { changes: { [uri]: [{ newText: 'Switch' }] } } });
    });
  });
}

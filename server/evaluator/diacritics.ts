/**
 * NormalizeDiacritics: the replacement table of Microsoft's function reference
 * (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data#normalizediacritics). Several entries are a base letter plus combining marks (`ā́`),
 * so the input is read by grapheme (a base character and the combining marks after it) and each
 * grapheme is looked up in canonical decomposition (NFD): a precomposed `é` and `e` + U+0301 are
 * the same entry. Graphemes not in the table are left exactly as written.
 */

/** [characters separated by spaces, replacement] — the documented table, row by row. */
const TABLE: readonly (readonly [string, string])[] = [
  ['ä à â ã å á ą ă ā ā́ ā̀ ā̂ ā̃ ǟ ā̈ ǡ a̱ å̄', 'a'],
  ['Ä À Â Ã Å Á Ą Ă Ā Ā́ Ā̀ Ā̂ Ā̃ Ǟ Ā̈ Ǡ A̱ Å̄', 'A'],
  ['æ ǣ', 'ae'],
  ['Æ Ǣ', 'AE'],
  ['ç č ć c̄ c̱', 'c'],
  ['Ç Č Ć C̄ C̱', 'C'],
  ['ď d̄ ḏ', 'd'],
  ['Ď D̄ Ḏ', 'D'],
  ['ë è é ê ę ě ė ē ḗ ḕ ē̂ ē̃ ê̄ e̱ ë̄ e̊̄', 'e'],
  ['Ë È É Ê Ę Ě Ė Ē Ḗ Ḕ Ē̂ Ē̃ Ê̄ E̱ Ë̄ E̊̄', 'E'],
  ['ğ ḡ g̱', 'g'],
  ['Ğ Ḡ G̱', 'G'],
  ['ï î ì í ı ī ī́ ī̀ ī̂ ī̃ i̱', 'i'],
  ['Ï Î Ì Í İ Ī Ī́ Ī̀ Ī̂ Ī̃ I̱', 'I'],
  ['ľ ł l̄ ḹ ḻ', 'l'],
  ['Ł Ľ L̄ Ḹ Ḻ', 'L'],
  ['ñ ń ň n̄ ṉ', 'n'],
  ['Ñ Ń Ň N̄ Ṉ', 'N'],
  ['ö ò ő õ ô ó ō ṓ ṑ ō̂ ō̃ ȫ ō̈ ǭ ȭ ȱ o̱', 'o'],
  ['Ö Ò Ő Õ Ô Ó Ō Ṓ Ṑ Ō̂ Ō̃ Ȫ Ō̈ Ǭ Ȭ Ȱ O̱', 'O'],
  ['ø ø̄ œ̄', 'oe'],
  ['Ø Ø̄ Œ̄', 'OE'],
  ['ř r̄ ṟ ṝ', 'r'],
  ['Ř R̄ Ṟ Ṝ', 'R'],
  ['ß', 'ss'],
  ['š ś ș ş s̄ s̱', 's'],
  ['Š Ś Ș Ş S̄ S̱', 'S'],
  ['ť ț t̄ ṯ', 't'],
  ['Ť Ț T̄ Ṯ', 'T'],
  ['ü ù û ú ů ű ū ū́ ū̀ ū̂ ū̃ u̇̄ ǖ ṻ ṳ̄ u̱', 'u'],
  ['Ü Ù Û Ú Ů Ű Ū Ū́ Ū̀ Ū̂ Ū̃ U̇̄ Ǖ Ṻ Ṳ̄ U̱', 'U'],
  ['ÿ ý ȳ ȳ́ ȳ̀ ȳ̃ y̱', 'y'],
  ['Ÿ Ý Ȳ Ȳ́ Ȳ̀ Ȳ̃ Y̱', 'Y'],
  ['ź ž ż z̄ ẕ', 'z'],
  ['Ź Ž Ż Z̄ Ẕ', 'Z'],
];

// Built on first use: String.prototype.normalize loads ICU's normalisation data, which a server
// or `aadmap check` that never evaluates NormalizeDiacritics should not pay for at start-up.
let replacements: ReadonlyMap<string, string> | undefined;
const replacementTable = (): ReadonlyMap<string, string> =>
  (replacements ??= new Map(
    TABLE.flatMap(([inputs, replacement]) => inputs.split(' ').map((input) => [input.normalize('NFD'), replacement] as const)),
  ));

/** Every documented input grapheme (NFC), for tests. */
export function diacriticInputs(): { input: string; replacement: string }[] {
  return TABLE.flatMap(([inputs, replacement]) => inputs.split(' ').map((input) => ({ input: input.normalize('NFC'), replacement })));
}

const GRAPHEME = /\P{M}\p{M}*|\p{M}+/gu;

export function normalizeDiacritics(text: string): string {
  const table = replacementTable();
  return text.replace(GRAPHEME, (grapheme) => table.get(grapheme.normalize('NFD')) ?? grapheme);
}

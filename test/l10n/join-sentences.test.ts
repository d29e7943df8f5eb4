/** joinSentences (grammar/common/l10n.ts): sentences made apart, joined as their language writes them. */
import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../grammar/common/l10n';

describe('joinSentences', () => {
  it.each([
    [["Unknown function 'Swtich'.", "Did you mean 'Switch'?"], "Unknown function 'Swtich'. Did you mean 'Switch'?"],
    [["Fonction inconnue 'Swtich'.", "Vouliez-vous dire 'Switch' ?"], "Fonction inconnue 'Swtich'. Vouliez-vous dire 'Switch' ?"],
    [["関数 'Swtich' は存在しません。", "'Switch' のことですか?"], "関数 'Swtich' は存在しません。'Switch' のことですか?"],
    [['完了しました！', '次へ進みます？', '終わり。'], '完了しました！次へ進みます？終わり。'],
    // A sentence left in English (no translation yet) before a Japanese one keeps its space.
    [['Not translated yet.', "'Switch' のことですか?"], "Not translated yet. 'Switch' のことですか?"],
    // Empty parts (no suggestion, no hint) add nothing.
    [['', 'Only this.', ''], 'Only this.'],
    [['存在しません。', ''], '存在しません。'],
    [[], ''],
  ])('%j → %j', (sentences, joined) => {
    expect(joinSentences(...sentences)).toBe(joined);
  });
});

/** Did-you-mean for the words of the `.aadmap` language (grammar/mapping/suggestions.ts). */
import { describe, expect, it } from 'vitest';
import { parseMappingFile } from '../../../grammar/mapping/index';
import { closestWord, mappingVocabulary } from '../../../grammar/mapping/suggestions';

const messages = (text: string) => parseMappingFile(text).diagnostics.map((d) => d.message);

describe('did-you-mean for keywords, modifiers and scoping operators', () => {
  it('reads its candidates from the vocabulary', () => {
    const vocabulary = mappingVocabulary();
    expect(vocabulary.statements).toEqual(['target', 'deploy', 'mapping']);
    expect(vocabulary.blockItems).toEqual(['scope', 'enabled', 'attribute', 'flowTypes']);
    expect(vocabulary.modifiers).toContain('on create');
    expect(vocabulary.scopeOperators).toEqual(expect.arrayContaining(['IS TRUE', 'NOT REGEX MATCH', 'EQUALS', '&', '!&']));
  });

  it('finds transpositions and near misses, not unrelated words', () => {
    expect(closestWord('macth', ['match', 'default'])).toBe('match');
    expect(closestWord('Mapping', ['target', 'mapping'])).toBe('mapping');
    expect(closestWord('banana', ['match', 'default'])).toBeUndefined();
  });

  it('suggests the statement keyword at file level', () => {
    expect(messages('maping "m" User -> User {\n}\n')[0]).toBe(
      "Expected 'target' or 'mapping' but found 'maping'. Did you mean 'mapping'?",
    );
  });

  it('adds nothing when no word is close', () => {
    expect(messages('mapping "m" User -> User {\n  userName <- [mail]  zzzzzz 1\n}\n')[0]).toMatch(/or the end of the line$/);
  });
});

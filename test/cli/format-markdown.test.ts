/**
 * The Markdown escaping of `--format markdown` (server/cli/format-markdown.ts): text from a file or
 * the tenant stays text. Code spans follow https://spec.commonmark.org/0.31.2/#code-spans, pipes in
 * table cells https://github.github.com/gfm/#tables-extension-.
 */
import { describe, expect, it } from 'vitest';
import { mdCode, mdFence, mdText } from '../../server/cli/format-markdown';

describe('Markdown escaping', () => {
  it.each([
    ['plain words', 'plain words'],
    ['[link](https://x)', '\\[link\\](https://x)'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['*bold* _it_ ~~del~~ `code`', '\\*bold\\* \\_it\\_ \\~\\~del\\~\\~ \\`code\\`'],
    ['a | b', 'a \\| b'],
    ['&amp; &lt;', '&amp;amp; &amp;lt;'],
    ['two\nlines', 'two lines'],
    ['bell\u0007', 'bell\u2407'],
  ])('mdText(%j) = %j', (text, expected) => {
    expect(mdText(text)).toBe(expected);
  });

  it.each([
    ['title <- [jobTitle]', false, '`title <- [jobTitle]`'],
    ['a`b', false, '``a`b``'],
    ['``x', false, '``` ``x ```'],
    [' padded ', false, '`  padded  `'],
    ['', false, '` `'],
    ['a|b', true, '`a\\|b`'],
    ['a|b', false, '`a|b`'],
  ])('mdCode(%j, inTable %s) = %j', (text, inTable, expected) => {
    expect(mdCode(text, inTable)).toBe(expected);
  });

  it('a fence longer than any backtick run inside', () => {
    expect(mdFence(['+ a'], 'diff')).toBe('```diff\n+ a\n```');
    expect(mdFence(['- x <- "```"', '+ y'], 'diff')).toBe('````diff\n- x <- "```"\n+ y\n````');
  });
});

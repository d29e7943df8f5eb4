/**
 * The chevrotain lexers and parsers are built on first use (grammar/common/lazy-lexer.ts), and the
 * production bundles skip chevrotain's grammar validations (grammar/common/build-mode.ts). Here
 * every one of them is built with the validations on — ambiguities, left recursion, unreachable
 * tokens, tokens that defeat the first-character optimisation — so a grammar mistake fails the
 * tests even when no other test happens to reach that lexer or parser first.
 */
import { describe, expect, it } from 'vitest';
import { SKIP_GRAMMAR_VALIDATIONS } from '../../grammar/common/build-mode';
import { expressionLexer } from '../../grammar/expression/lexer';
import { expressionParser } from '../../grammar/expression/parser';
import { mappingLexer } from '../../grammar/mapping/lexer';
import { mappingFileParser } from '../../grammar/mapping/parser';
import { scimLexer } from '../../grammar/scim/lexer';
import { scimParser } from '../../grammar/scim/parser';

describe('grammar self-checks', () => {
  it('run in the tests (only production bundles skip them)', () => {
    expect(SKIP_GRAMMAR_VALIDATIONS).toBe(false);
  });

  it.each([
    ['the SCIM lexer', () => scimLexer.build()],
    ['the expression lexer', () => expressionLexer.build()],
    ['the .aadmap lexer', () => mappingLexer.build()],
  ])('%s builds with every validation and no lexer definition error', (_name, build) => {
    expect(build().lexerDefinitionErrors).toEqual([]);
  });

  it.each([
    ['the SCIM parser', () => scimParser()],
    ['the expression parser', () => expressionParser()],
    ['the .aadmap parser', () => mappingFileParser()],
  ])('%s passes its self-analysis (chevrotain throws on a definition error)', (_name, build) => {
    expect(build).not.toThrow();
  });

  it('builds each lexer and parser once and reuses it', () => {
    expect(scimLexer.build()).toBe(scimLexer.build());
    expect(scimParser()).toBe(scimParser());
    expect(mappingLexer.build()).toBe(mappingLexer.build());
  });
});

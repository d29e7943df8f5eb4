/**
 * The one-block file of the benchmarks (test/support/generate-one-block.ts) must check clean against
 * its generated schema, as the many-blocks file does against Chatwork: benchmark 2 measures the
 * analysis of a clean file, and refuses to run on one with diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { attributeMappingsOf } from '../../grammar/mapping/ast';
import { analyzeMappingText } from '../../server/service/analysis';
import { generateOneBlockFile, generateOneBlockSchema, oneBlockSchemaFiles } from '../support/generate-one-block';

describe('the generated one-block file', () => {
  it.each([1, 7, 240])('with %i mappings has exactly that many lines in one block and checks clean', (mappings) => {
    const text = generateOneBlockFile(mappings);
    const analysis = analyzeMappingText(text, 'file:///generated.aadmap', oneBlockSchemaFiles(generateOneBlockSchema(mappings)));
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.ast.mappings).toHaveLength(1);
    expect(attributeMappingsOf(analysis.ast.mappings[0]!)).toHaveLength(mappings);
  });

  it('is wrong without its schema (the custom attributes are unknown to Chatwork)', () => {
    const text = generateOneBlockFile(7).replace('target "schema.json"', 'target chatwork');
    const analysis = analyzeMappingText(text, 'file:///generated.aadmap', oneBlockSchemaFiles(generateOneBlockSchema(7)));
    expect(analysis.diagnostics.length).toBeGreaterThan(0);
  });
});

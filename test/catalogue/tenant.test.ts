/** A job's function list (GET …/schema/functions) read into the catalogue (docs/real-schemas.md). */
import { describe, expect, it } from 'vitest';
import {
  argumentCountProblem,
  BUILTIN_CATALOGUE,
  catalogueWithFunctionList,
  functionArity,
  functionListPathFor,
  lookupFunction,
  readFunctionList,
} from '../../server/catalogue/index';

const p = (name: string, type: string, required: boolean, allowMultipleOccurrences = false) => ({
  name,
  type,
  required,
  allowMultipleOccurrences,
});

describe('functionListPathFor', () => {
  it.each([
    ['job.schema.json', 'job.functions.json'],
    ['dir/Job.SCHEMA.JSON', 'dir/Job.functions.json'],
    ['other.json', 'other.functions.json'],
    ['../a/b', '../a/b.functions.json'],
  ])('%s → %s', (schema, list) => {
    expect(functionListPathFor(schema)).toBe(list);
  });
});

describe('readFunctionList', () => {
  it("reads Graph's response and the bare array alike, with each function's parameters", () => {
    const entries = [
      { name: 'PadLeft', parameters: [p('source', 'String', true), p('totalWidth', 'Integer', true), p('pad', 'String', false)] },
    ];
    const fromResponse = readFunctionList({ value: entries });
    expect(fromResponse).toEqual(readFunctionList(entries));
    const [padLeft] = fromResponse.functions;
    expect(padLeft).toMatchObject({ name: 'PadLeft', status: 'tenant', minRepeats: 0 });
    expect(padLeft!.parameters.map((q) => [q.name, q.key, q.type, q.optional])).toEqual([
      ['source', 'source', 'String', false],
      ['totalWidth', 'totalWidth', 'Integer', false],
      ['pad', 'pad', 'String', true],
    ]);
    expect(functionArity(padLeft!)).toEqual({ min: 2, max: 3 });
  });

  it('a trailing repeating parameter repeats; one that is not trailing does not', () => {
    const { functions } = readFunctionList([
      { name: 'Glue', parameters: [p('separator', 'String', true), p('source', 'String', true, true)] },
      { name: 'Odd', parameters: [p('many', 'String', true, true), p('last', 'String', true)] },
    ]);
    expect(functions[0]!.minRepeats).toBe(1);
    expect(argumentCountProblem(functions[0]!, 5)).toBeUndefined();
    expect(functions[1]!.parameters.some((q) => q.repeating)).toBe(false);
    expect(functionArity(functions[1]!)).toEqual({ min: 2, max: 2 });
  });

  it('skips entries without a usable name and says so; unknown types read as Any; `id` names a function too', () => {
    const read = readFunctionList({
      value: [{ parameters: [] }, 'x', { name: 'a b' }, { id: 'ById', parameters: [p('v', 'Weird', true)] }],
    });
    expect(read.problems).toEqual([
      'function 1 has no usable name; it was skipped',
      'function 2 has no usable name; it was skipped',
      'function 3 has no usable name; it was skipped',
    ]);
    expect(read.functions.map((f) => [f.name, f.parameters[0]!.type])).toEqual([['ById', 'Any']]);
  });

  it('something that is not a list is a problem, not a crash', () => {
    expect(readFunctionList(42)).toEqual({
      functions: [],
      problems: ['a function list is a JSON array or an object with a "value" array'],
    });
  });
});

describe('catalogueWithFunctionList', () => {
  const { functions } = readFunctionList([
    { name: 'PadLeft', parameters: [p('source', 'String', true)] },
    { name: 'Prepend', parameters: [p('prefix', 'String', true), p('source', 'String', true)] },
    { name: 'Trim', parameters: [p('source', 'String', true)] },
    { name: 'Join', parameters: [p('separator', 'String', true), p('source', 'String', true, true)] },
  ]);
  const catalogue = catalogueWithFunctionList(functions, 'job.functions.json');

  it('knows what only the list names, and confirms legacy and service functions (status tenant)', () => {
    expect(BUILTIN_CATALOGUE.lookup('PadLeft')).toBeUndefined();
    expect(catalogue.lookup('PadLeft')?.status).toBe('tenant');
    expect(catalogue.lookupIgnoreCase('padleft')?.name).toBe('PadLeft');
    expect(catalogue.lookup('Prepend')?.status).toBe('tenant');
    expect(catalogue.lookup('Trim')?.status).toBe('tenant');
    expect(catalogue.names()).toContain('PadLeft');
    expect(catalogue.listFile).toBe('job.functions.json');
  });

  it('keeps the built-in description of a current function and of what the list does not name', () => {
    expect(catalogue.lookup('Join')).toBe(lookupFunction('Join'));
    expect(catalogue.lookup('IsNothing')).toBe(lookupFunction('IsNothing'));
    expect(catalogue.lookup('Error')?.status).toBe('service');
  });
});

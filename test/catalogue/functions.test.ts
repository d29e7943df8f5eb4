import { describe, expect, it } from 'vitest';
import { FUNCTIONS, lookupFunction } from '../../server/catalogue/index';
import type { FunctionSignature } from '../../server/catalogue/types';

const CURRENT_NAMES = [
  'Append',
  'AppRoleAssignmentsComplex',
  'AssertiveAppRoleAssignmentsComplex',
  'BitAnd',
  'CBool',
  'CDate',
  'Coalesce',
  'ConvertToBase64',
  'ConvertToUTF8Hex',
  'Count',
  'CStr',
  'DateAdd',
  'DateDiff',
  'DateFromNum',
  'DefaultDomain',
  'FormatDateTime',
  'Guid',
  'IgnoreFlowIfNullOrEmpty',
  'IIF',
  'InStr',
  'IsNull',
  'IsNullOrEmpty',
  'IsPresent',
  'IsString',
  'Item',
  'Join',
  'Left',
  'Len',
  'Mid',
  'NormalizeDiacritics',
  'Not',
  'Now',
  'NumFromDate',
  'PCase',
  'RandomString',
  'Redact',
  'RemoveDuplicates',
  'Replace',
  'SelectUniqueValue',
  'SingleAppRoleAssignment',
  'Split',
  'StripSpaces',
  'Switch',
  'ToLower',
  'ToUpper',
  'Word',
];
const LEGACY_NAMES = ['AppRoleAssignments', 'IsNothing', 'Prepend'];
/** In schemas the service runs, in no public reference (docs/real-schemas.md). */
const SERVICE_NAMES = ['Error', 'Trim'];

function fn(name: string): FunctionSignature {
  const sig = lookupFunction(name);
  if (!sig) throw new Error(`missing ${name}`);
  return sig;
}

describe('function catalogue: names', () => {
  it('holds every current, legacy and service name exactly once, and nothing else', () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(names.slice().sort()).toEqual([...CURRENT_NAMES, ...LEGACY_NAMES, ...SERVICE_NAMES].sort());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(CURRENT_NAMES)('%s is current', (name) => {
    expect(fn(name).status).toBe('current');
  });

  it.each(LEGACY_NAMES)('%s is legacy', (name) => {
    expect(fn(name).status).toBe('legacy');
  });

  it.each(SERVICE_NAMES)('%s is known from schemas the service runs', (name) => {
    expect(fn(name).status).toBe('service');
  });

  it('has no AssertNotNull (no source documents it)', () => {
    expect(lookupFunction('AssertNotNull')).toBeUndefined();
  });

  it('names are case-insensitively distinct', () => {
    const lower = FUNCTIONS.map((f) => f.name.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });
});

describe('function catalogue: structural invariants', () => {
  it.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s is well-formed', (_name, f) => {
    // Parameter keys unique, except inside the repeating group (Switch's key/value share switchValue).
    const fixedKeys = f.parameters.filter((p) => !p.repeating).map((p) => p.key);
    expect(new Set(fixedKeys).size).toBe(fixedKeys.length);
    const groupKeys = new Set(f.parameters.filter((p) => p.repeating).map((p) => p.key));
    for (const k of groupKeys) expect(fixedKeys).not.toContain(k);
    // Parameter names unique.
    const names = f.parameters.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    // Repeating parameters are trailing, and minRepeats is set exactly when there is a group.
    const firstRepeating = f.parameters.findIndex((p) => p.repeating);
    if (firstRepeating >= 0) {
      expect(f.parameters.slice(firstRepeating).every((p) => p.repeating)).toBe(true);
      expect(f.minRepeats).toBeGreaterThanOrEqual(1);
    } else {
      expect(f.minRepeats).toBe(0);
    }
    // Text fields.
    expect(f.summary.length).toBeGreaterThan(10);
    expect(f.summary).not.toContain('\n');
    for (const p of f.parameters) {
      expect(p.doc.length).toBeGreaterThan(3);
      expect(p.doc).not.toContain('\n');
      expect(p.key).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    }
    // Examples call the function they document (or a wrapper around it).
    for (const e of f.examples) expect(e.expression).toContain(`${f.name}(`);
    // Doc URL.
    expect(f.docUrl).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/entra\/identity\/app-provisioning\//);
  });

  it('doc URLs point at the right anchors', () => {
    for (const f of FUNCTIONS) {
      if (f.status === 'legacy' || f.status === 'service') {
        expect(f.docUrl).toBe(
          'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data',
        );
      } else if (f.name === 'AppRoleAssignmentsComplex' || f.name === 'AssertiveAppRoleAssignmentsComplex') {
        expect(f.docUrl).toBe(
          'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes#provisioning-a-role-to-a-scim-app',
        );
      } else {
        expect(f.docUrl).toBe(
          `https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data#${f.name.toLowerCase()}`,
        );
      }
    }
  });

  it('flags exactly Guid, RandomString and Now as non-deterministic', () => {
    expect(
      FUNCTIONS.filter((f) => f.nonDeterministic)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['Guid', 'Now', 'RandomString']);
  });

  it('marks multi-valued results', () => {
    expect(
      FUNCTIONS.filter((f) => f.returnsMultiValued)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['AppRoleAssignmentsComplex', 'AssertiveAppRoleAssignmentsComplex', 'RemoveDuplicates', 'Split']);
  });
});

describe('function catalogue: documented parameters and Graph keys', () => {
  // [function, [[name, key, optional], …]] — keys from Graph samples / the historical function list.
  const table: [string, [string, string, boolean][]][] = [
    [
      'Append',
      [
        ['source', 'source', false],
        ['suffix', 'suffix', false],
      ],
    ],
    [
      'Prepend',
      [
        ['prefix', 'prefix', false],
        ['source', 'source', false],
      ],
    ],
    [
      'Mid',
      [
        ['source', 'source', false],
        ['start', 'start', false],
        ['length', 'length', false],
      ],
    ],
    ['Not', [['source', 'source', false]]],
    [
      'Join',
      [
        ['separator', 'separator', false],
        ['source', 'source', false],
      ],
    ],
    [
      'Split',
      [
        ['source', 'source', false],
        ['delimiter', 'delimiter', false],
      ],
    ],
    ['StripSpaces', [['source', 'source', false]]],
    ['SingleAppRoleAssignment', [['appRoleAssignments', 'source', false]]],
    ['IsNothing', [['source', 'source', false]]],
    ['AppRoleAssignments', [['source', 'source', false]]],
    [
      'FormatDateTime',
      [
        ['source', 'source', false],
        ['dateTimeStyles', 'dateTimeStyles', true],
        ['inputFormat', 'inputFormat', false],
        ['outputFormat', 'outputFormat', false],
      ],
    ],
    [
      'Switch',
      [
        ['source', 'source', false],
        ['defaultValue', 'defaultValue', true],
        ['key', 'switchValue', false],
        ['value', 'switchValue', false],
      ],
    ],
    [
      'Replace',
      [
        ['source', 'source', false],
        ['oldValue', 'Find', true],
        ['regexPattern', 'RegularExpression', true],
        ['regexGroupName', 'RegularExpressionGroupName', true],
        ['replacementValue', 'Replacement', true],
        ['replacementAttributeName', 'ReplacementPropertyName', true],
        ['template', 'Template', true],
      ],
    ],
    [
      'RandomString',
      [
        ['Length', 'Length', false],
        ['MinimumNumbers', 'MinimumNumbers', false],
        ['MinimumSpecialCharacters', 'MinimumSpecialCharacters', false],
        ['MinimumCapital', 'MinimumCapital', false],
        ['MinimumLowerCase', 'MinimumLowerCase', false],
        ['CharactersToAvoid', 'CharactersToAvoid', true],
      ],
    ],
    [
      'InStr',
      [
        ['value1', 'value1', false],
        ['value2', 'value2', false],
        ['start', 'start', true],
        ['compareType', 'compareType', true],
      ],
    ],
    [
      'Word',
      [
        ['String', 'String', false],
        ['WordNumber', 'WordNumber', false],
        ['Delimiters', 'Delimiters', false],
      ],
    ],
    [
      'Left',
      [
        ['String', 'String', false],
        ['NumChars', 'NumChars', false],
      ],
    ],
    [
      'PCase',
      [
        ['source', 'source', false],
        ['wordSeparators', 'wordSeparators', true],
      ],
    ],
    [
      'ToLower',
      [
        ['source', 'source', false],
        ['culture', 'culture', true],
      ],
    ],
    [
      'ToUpper',
      [
        ['source', 'source', false],
        ['culture', 'culture', true],
      ],
    ],
    [
      'IIF',
      [
        ['condition', 'condition', false],
        ['valueIfTrue', 'valueIfTrue', false],
        ['valueIfFalse', 'valueIfFalse', false],
      ],
    ],
    [
      'DateAdd',
      [
        ['interval', 'interval', false],
        ['value', 'value', false],
        ['dateTime', 'dateTime', false],
      ],
    ],
    [
      'DateDiff',
      [
        ['interval', 'interval', false],
        ['date1', 'date1', false],
        ['date2', 'date2', false],
      ],
    ],
    [
      'Item',
      [
        ['attribute', 'attribute', false],
        ['index', 'index', false],
      ],
    ],
    ['DefaultDomain', []],
    ['Guid', []],
    ['Now', []],
  ];
  it.each(table)('%s', (name, params) => {
    expect(fn(name).parameters.map((p) => [p.name, p.key, p.optional])).toEqual(params);
  });

  it('models repeating groups as documented', () => {
    expect(
      fn('Join')
        .parameters.filter((p) => p.repeating)
        .map((p) => p.name),
    ).toEqual(['source']);
    expect(fn('Join').minRepeats).toBe(1);
    expect(fn('Coalesce').parameters.map((p) => [p.name, p.repeating])).toEqual([['source', true]]);
    expect(fn('Coalesce').minRepeats).toBe(1);
    expect(fn('Coalesce').details).toMatch(/default/i);
    expect(
      fn('Switch')
        .parameters.filter((p) => p.repeating)
        .map((p) => p.name),
    ).toEqual(['key', 'value']);
    expect(fn('Switch').minRepeats).toBe(1);
    expect(fn('SelectUniqueValue').parameters.map((p) => [p.name, p.repeating])).toEqual([['uniqueValueRule', true]]);
    expect(fn('SelectUniqueValue').minRepeats).toBe(2);
  });

  it('gives DateAdd/DateDiff intervals and InStr compare types as closed sets', () => {
    for (const name of ['DateAdd', 'DateDiff']) {
      const interval = fn(name).parameters[0];
      expect(interval.allowed?.form).toBe('string');
      expect(interval.allowed?.values).toEqual(['yyyy', 'q', 'm', 'y', 'd', 'w', 'ww', 'h', 'n', 's']);
    }
    const compareType = fn('InStr').parameters[3];
    expect(compareType.allowed).toEqual({ form: 'identifier', values: ['vbBinaryCompare', 'vbTextCompare'], caseSensitive: true });
  });

  it('marks multi-valued arguments', () => {
    expect(fn('Count').parameters[0].multiValued).toBe('required');
    expect(fn('Item').parameters[0].multiValued).toBe('required');
    expect(fn('Join').parameters[1].multiValued).toBe('accepted');
    expect(fn('RemoveDuplicates').parameters[0].multiValued).toBe('accepted');
  });

  it.each([
    ['Mid', 'String'],
    ['Len', 'Integer'],
    ['InStr', 'Integer'],
    ['DateDiff', 'Integer'],
    ['Count', 'Integer'],
    ['CBool', 'Boolean'],
    ['Not', 'Boolean'],
    ['IsPresent', 'Boolean'],
    ['CDate', 'DateTime'],
    ['DateAdd', 'DateTime'],
    ['Now', 'DateTime'],
    ['DateFromNum', 'DateTime'],
    ['NumFromDate', 'Integer'],
  ] as const)('%s returns %s', (name, type) => {
    expect(fn(name).returns).toBe(type);
  });
});

describe('function catalogue: documented examples', () => {
  const find = (name: string, expression: string) => fn(name).examples.find((e) => e.expression === expression);

  it('recomputes the Replace mobile-number example (the page drops the +)', () => {
    expect(find('Replace', 'Replace([mobile], , "[()\\\\s-]+", , "", , )')?.output).toBe('+19998887777');
  });

  it('keeps the documented Replace preferredLanguage example', () => {
    expect(find('Replace', 'Replace([preferredLanguage], "-", , , "_", , )')?.output).toBe('EN_US');
  });

  it('recomputes the ConvertToUTF8Hex objectId example for the GUID it shows', () => {
    const guid = '00aa00aa-bb11-cc22-dd33-44ee44ee44ee';
    const hex = Array.from(new TextEncoder().encode(guid), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
    const expected = `1000${hex.replace(/[a-zA-Z_]*/g, '')}`;
    const ex = fn('ConvertToUTF8Hex').examples.find((e) => e.input?.includes(guid));
    expect(ex?.output).toBe(expected);
  });

  it('has the documented outputs of simple examples', () => {
    expect(find('ConvertToBase64', 'ConvertToBase64("Hello world!")')?.output).toBe('SABlAGwAbABvACAAdwBvAHIAbABkACEA');
    expect(find('ConvertToUTF8Hex', 'ConvertToUTF8Hex("Hello world!")')?.output).toBe('48656C6C6F20776F726C6421');
    expect(find('InStr', 'InStr("repEated","e",3,vbBinaryCompare)')?.output).toBe('7');
    expect(find('Word', 'Word("This,string!has&many separators",3,",!&#")')?.output).toBe('has');
    expect(find('BitAnd', 'BitAnd(&HF, &HF7)')?.output).toBe('7');
    expect(find('Left', 'Left("John Doe", 3)')?.output).toBe('Joh');
    expect(find('Join', 'Join(", ", "", [surname], [givenName])')?.output).toBe('Doe, John');
  });

  it('computes the NumFromDate example correctly (FILETIME ticks)', () => {
    const ex = fn('NumFromDate').examples[0];
    const ms = BigInt(Date.parse('2025-12-31T23:59:59-05:00'));
    expect(ex.output).toBe(((ms + 11644473600000n) * 10000n).toString());
  });
});

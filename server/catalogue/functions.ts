/**
 * The built-in function catalogue of the attribute-mapping expression language.
 *
 * Facts come from the current Microsoft reference
 * (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data),
 * the role-provisioning page (ROLES_PAGE below) and Graph's historical function list. Texts are our own words.
 *
 * Parameter keys (`key`) are the names Graph uses in `attributeMappingSource.parameters`. They are
 * known for Append, Join, Mid, Not, Prepend, Replace, SingleAppRoleAssignment, Split, StripSpaces,
 * Switch, FormatDateTime, IsNothing and AppRoleAssignments (Graph samples and the historical
 * function list). Every other key is INFERRED — it is the documented parameter name — and marked
 * `// key inferred` below; ask `parseExpression` for the truth before relying on it.
 */
import type { FunctionSignature, ParameterSpec, ValueType } from './types';

const FUNCTIONS_PAGE = 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data';
const ROLES_PAGE =
  'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/customize-application-attributes#provisioning-a-role-to-a-scim-app';

function docUrl(name: string): string {
  return `${FUNCTIONS_PAGE}#${name.toLowerCase()}`;
}

type Extra = Partial<Pick<ParameterSpec, 'repeating' | 'multiValued' | 'allowed' | 'emptyInServiceSchemas'>>;

/** A required parameter. */
function req(name: string, key: string, type: ValueType, doc: string, extra: Extra = {}): ParameterSpec {
  return { name, key, type, optional: false, ...extra, doc };
}

/** An optional parameter. */
function opt(name: string, key: string, type: ValueType, doc: string, extra: Extra = {}): ParameterSpec {
  return { name, key, type, optional: true, ...extra, doc };
}

/** VB.NET DateAdd/DateDiff interval codes; the Microsoft page lists yyyy, m, d, ww, h, n, s. */
export const DATE_INTERVALS: readonly string[] = ['yyyy', 'q', 'm', 'y', 'd', 'w', 'ww', 'h', 'n', 's'];

const INTERVAL_ALLOWED = { form: 'string', values: DATE_INTERVALS, caseSensitive: false } as const;

const INTERVAL_DOC =
  'Unit of time, as a string constant: "yyyy" year, "m" month, "d" day, "ww" week, "h" hour, "n" minute, "s" second (also "q", "y", "w" as in VB.NET).';

const INTERVAL_DETAILS =
  'Interval codes: `"yyyy"` year, `"m"` month, `"d"` day, `"ww"` week, `"h"` hour, `"n"` minute (not `"m"`!), `"s"` second. ' +
  'The Microsoft page lists only these seven; the codes are those of VB.NET, which also knows `"q"` (quarter), `"y"` (day of year) and `"w"` (weekday), so the catalogue accepts them too.';

export const FUNCTIONS: readonly FunctionSignature[] = [
  // ───────────────────────────────────────────── Append
  {
    name: 'Append',
    parameters: [
      req('source', 'source', 'String', 'The value to extend, usually a source attribute.'),
      req('suffix', 'suffix', 'String', 'Text added after the source value.'),
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Adds a suffix to the end of a string.',
    details:
      'Concatenates `suffix` after `source`. It also works as a prefix tool by passing the prefix as the source: `Append("SMTP:", [mail])`.\n\n' +
      'What happens when `source` is null is not documented.',
    examples: [
      {
        expression: 'Append([userPrincipalName], ".test")',
        input: 'userPrincipalName = "John.Doe@contoso.com"',
        output: 'John.Doe@contoso.com.test',
      },
      {
        expression: 'Append("SMTP:", Join("@", Join(".", [givenName], [surname]), "contoso.com"))',
        input: 'givenName = "John", surname = "Doe"',
        output: 'SMTP:John.Doe@contoso.com',
      },
    ],
    docUrl: docUrl('Append'),
    status: 'current',
  },
  // ───────────────────────────────────────────── AppRoleAssignmentsComplex
  {
    name: 'AppRoleAssignmentsComplex',
    parameters: [
      // key inferred: `source`, by analogy with SingleAppRoleAssignment whose key Graph shows.
      req('appRoleAssignments', 'source', 'Reference', "The user's app role assignments; pass the attribute [appRoleAssignments].", {
        multiValued: 'accepted',
      }),
    ],
    minRepeats: 0,
    returns: 'String',
    returnsMultiValued: true,
    summary: "Turns all of a user's app role assignments into a list of complex role values for a SCIM roles attribute.",
    details:
      'Use it to send **several** roles per user to a SCIM app. The target must be a multi-valued roles attribute added to the target schema (e.g. `roles`).\n\n' +
      '- Every role is sent with `primary: false`, type `WindowsAzureActiveDirectoryRole`, and the role value as `displayName`/`value`.\n' +
      '- Updates use PATCH **add** only: a role removed in Entra ID is **not** removed in the app. Prefer `AssertiveAppRoleAssignmentsComplex`, which replaces the role list.\n' +
      '- Does not work when the provisioning scope is "Sync all users and groups".\n' +
      "- The argument must be `[appRoleAssignments]`; don't map that attribute directly to a roles attribute.",
    examples: [
      {
        expression: 'AppRoleAssignmentsComplex([appRoleAssignments])',
        input: 'roles "Admin" and "User" assigned',
        output: '[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","displayName":"Admin","value":"Admin"}, …]',
      },
    ],
    docUrl: ROLES_PAGE,
    status: 'current',
  },
  // ───────────────────────────────────────────── AssertiveAppRoleAssignmentsComplex
  {
    name: 'AssertiveAppRoleAssignmentsComplex',
    parameters: [
      // key inferred: `source`, by analogy with SingleAppRoleAssignment.
      req('appRoleAssignments', 'source', 'Reference', "The user's app role assignments; pass the attribute [appRoleAssignments].", {
        multiValued: 'accepted',
      }),
    ],
    minRepeats: 0,
    returns: 'String',
    returnsMultiValued: true,
    summary: "Like AppRoleAssignmentsComplex, but keeps the app's role list exactly in line with the Entra ID assignments.",
    details:
      'Same output as `AppRoleAssignmentsComplex`, but updates use PATCH **replace** on the roles attribute, so roles no longer assigned in Entra ID are removed from the app. ' +
      'This is the recommended function for complex (multi-role) provisioning.\n\n' +
      '- Target: a multi-valued roles attribute added to the target schema.\n' +
      '- Does not work when the provisioning scope is "Sync all users and groups".\n' +
      '- Documented only on the attribute-customisation page, not in the function reference.',
    examples: [
      {
        expression: 'AssertiveAppRoleAssignmentsComplex([appRoleAssignments])',
        input: 'roles "Admin" and "User" assigned',
        output: '[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","displayName":"Admin","value":"Admin"}, …]',
      },
    ],
    docUrl: ROLES_PAGE,
    status: 'current',
  },
  // ───────────────────────────────────────────── BitAnd
  {
    name: 'BitAnd',
    parameters: [
      req('value1', 'value1', 'Integer', 'First number (decimal, or VBA hex such as &HF).'), // key inferred
      req('value2', 'value2', 'Integer', 'Second number.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'Integer',
    summary: 'Returns the bitwise AND of two numbers.',
    details:
      'Each result bit is 1 only when the corresponding bits of both values are 1. Numbers may be written in VBA hexadecimal (`&HF7`).\n\n' +
      '(The Microsoft page writes `&HF` as `00000111` in its walk-through; it is `00001111`, but the result 7 is right.)',
    examples: [{ expression: 'BitAnd(&HF, &HF7)', output: '7' }],
    docUrl: docUrl('BitAnd'),
    status: 'current',
  },
  // ───────────────────────────────────────────── CBool
  {
    name: 'CBool',
    parameters: [
      req('expression', 'expression', 'Any', 'A value or a comparison such as [a] = [b]; non-zero / true gives True.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'Boolean',
    summary: 'Converts the evaluated expression to a Boolean.',
    details:
      'Returns `True` when the expression evaluates to a non-zero (true) value, otherwise `False`. The argument may be a comparison using `=`, `<>`, `<`, `<=`, `>`, `>=`.',
    examples: [{ expression: 'CBool([attribute1] = [attribute2])', input: 'both attributes hold the same value', output: 'True' }],
    docUrl: docUrl('CBool'),
    status: 'current',
  },
  // ───────────────────────────────────────────── CDate
  {
    name: 'CDate',
    parameters: [
      req('expression', 'expression', 'String', 'A string holding a date/time, e.g. "2020-03-16-07:00".'), // key inferred
    ],
    minRepeats: 0,
    returns: 'DateTime',
    summary: 'Parses a date/time string into a UTC DateTime.',
    details:
      'DateTime is not a native attribute type; it is used as input to the date functions (`DateAdd`, `DateDiff`, `FormatDateTime`). ' +
      'When rendered as text the result is always UTC in the form `M/d/yyyy h:mm:ss tt`.\n\n' +
      'A date followed directly by an offset (`yyyy-MM-dd±hh:mm`) is accepted. How a string without an offset is interpreted (UTC or local) is not documented.',
    examples: [
      { expression: 'CDate([StatusHireDate])', input: 'StatusHireDate = "2020-03-16-07:00"', output: '3/16/2020 7:00:00 AM' },
      { expression: 'CDate("2021-06-30+08:00")', output: '6/29/2021 4:00:00 PM' },
      { expression: 'CDate("2009-06-15T01:45:30-07:00")', output: '6/15/2009 8:45:30 AM' },
    ],
    docUrl: docUrl('CDate'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Coalesce
  {
    name: 'Coalesce',
    parameters: [
      req(
        'source',
        'source',
        'String',
        'A candidate value; the first one that is not null wins. The last argument may be a default value such as "".',
        {
          repeating: true,
        },
      ), // key inferred
    ],
    minRepeats: 1,
    returns: 'String',
    summary: 'Returns the first of its arguments that is not null.',
    details:
      'Documented as `Coalesce(source1, source2, …, defaultValue)`: the first source that is not null is returned; if all are null the trailing default (when given, and it may be `""`) is returned, otherwise null.\n\n' +
      'Syntactically the default value is just one more argument, so the catalogue models Coalesce as **one repeating `source` parameter** (at least one).\n\n' +
      'Whether a present-but-empty string counts as "not null" is not documented (presumably it does, since it is not null).',
    examples: [
      {
        expression: 'Coalesce([mail], [userPrincipalName])',
        input: 'mail = null, userPrincipalName = "John.Doe@contoso.com"',
        output: 'John.Doe@contoso.com',
      },
    ],
    docUrl: docUrl('Coalesce'),
    status: 'current',
  },
  // ───────────────────────────────────────────── ConvertToBase64
  {
    name: 'ConvertToBase64',
    parameters: [req('source', 'source', 'String', 'The string to encode.')], // key inferred
    minRepeats: 0,
    returns: 'String',
    summary: 'Encodes a string as Base64 of its UTF-16LE ("Unicode") bytes.',
    details: 'The bytes encoded are UTF-16 little-endian, not UTF-8, so every ASCII character becomes two bytes (`H` → `SAA…`).',
    examples: [{ expression: 'ConvertToBase64("Hello world!")', output: 'SABlAGwAbABvACAAdwBvAHIAbABkACEA' }],
    docUrl: docUrl('ConvertToBase64'),
    status: 'current',
  },
  // ───────────────────────────────────────────── ConvertToUTF8Hex
  {
    name: 'ConvertToUTF8Hex',
    parameters: [req('source', 'source', 'String', 'The string to encode.')], // key inferred
    minRepeats: 0,
    returns: 'String',
    summary: 'Encodes a string as the hexadecimal digits of its UTF-8 bytes.',
    details:
      'Two upper-case hex digits per UTF-8 byte, no separators.\n\n' +
      'The reference\'s "ID from objectId" example prints an output that belongs to a different GUID than the one shown as input; the example below was recomputed for the input shown.',
    examples: [
      { expression: 'ConvertToUTF8Hex("Hello world!")', output: '48656C6C6F20776F726C6421' },
      {
        expression: 'Join("", 1000, Replace(ConvertToUTF8Hex([objectId]), , "[a-zA-Z_]*", , "", , ))',
        input: 'objectId = "00aa00aa-bb11-cc22-dd33-44ee44ee44ee"',
        output: '100030306161303061612626231312636332322646433332343465653434656534346565',
      },
    ],
    docUrl: docUrl('ConvertToUTF8Hex'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Count
  {
    name: 'Count',
    parameters: [
      req('attribute', 'attribute', 'Any', 'A multi-valued attribute whose values are counted.', { multiValued: 'required' }), // key inferred
    ],
    minRepeats: 0,
    returns: 'Integer',
    summary: 'Returns the number of values in a multi-valued attribute.',
    details: 'Intended for multi-valued attributes such as `proxyAddresses`. No example is documented.',
    examples: [],
    docUrl: docUrl('Count'),
    status: 'current',
  },
  // ───────────────────────────────────────────── CStr
  {
    name: 'CStr',
    parameters: [req('value', 'value', 'Any', 'A number, a reference attribute or a Boolean.')], // key inferred
    minRepeats: 0,
    returns: 'String',
    summary: 'Converts a value to a string.',
    details: 'Accepts numbers, Booleans and reference attributes (a reference becomes its textual form, such as a distinguished name).',
    examples: [{ expression: 'CStr([dn])', input: 'dn references cn=Joe,dc=contoso,dc=com', output: 'cn=Joe,dc=contoso,dc=com' }],
    docUrl: docUrl('CStr'),
    status: 'current',
  },
  // ───────────────────────────────────────────── DateAdd
  {
    name: 'DateAdd',
    parameters: [
      req('interval', 'interval', 'String', INTERVAL_DOC, { allowed: INTERVAL_ALLOWED }), // key inferred
      req('value', 'value', 'Number', 'How many units to add; negative values go back in time.'), // key inferred
      req('dateTime', 'dateTime', 'DateTime', 'The starting date; wrap strings in CDate(...) and use Now() for the current time.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'DateTime',
    summary: 'Adds a number of time units to a date.',
    details:
      'Returns the shifted date, rendered as `M/d/yyyy h:mm:ss tt`. Pass date strings through `CDate(...)`; use `Now()` for the current UTC time.\n\n' +
      INTERVAL_DETAILS,
    examples: [
      {
        expression: 'DateAdd("d", 7, CDate([StatusHireDate]))',
        input: 'StatusHireDate = "2012-03-16-07:00"',
        output: '3/23/2012 7:00:00 AM',
      },
      {
        expression: 'DateAdd("d", -10, CDate([StatusHireDate]))',
        input: 'StatusHireDate = "2012-03-16-07:00"',
        output: '3/6/2012 7:00:00 AM',
      },
      {
        expression: 'DateAdd("ww", 2, CDate([StatusHireDate]))',
        input: 'StatusHireDate = "2012-03-16-07:00"',
        output: '3/30/2012 7:00:00 AM',
      },
      {
        expression: 'DateAdd("m", 10, CDate([StatusHireDate]))',
        input: 'StatusHireDate = "2012-03-16-07:00"',
        output: '1/16/2013 7:00:00 AM',
      },
      {
        expression: 'DateAdd("yyyy", 2, CDate([StatusHireDate]))',
        input: 'StatusHireDate = "2012-03-16-07:00"',
        output: '3/16/2014 7:00:00 AM',
      },
    ],
    docUrl: docUrl('DateAdd'),
    status: 'current',
  },
  // ───────────────────────────────────────────── DateDiff
  {
    name: 'DateDiff',
    parameters: [
      req('interval', 'interval', 'String', INTERVAL_DOC, { allowed: INTERVAL_ALLOWED }), // key inferred
      req('date1', 'date1', 'DateTime', 'The start date (wrap strings in CDate(...)).'), // key inferred
      req('date2', 'date2', 'DateTime', 'The end date (wrap strings in CDate(...)).'), // key inferred
    ],
    minRepeats: 0,
    returns: 'Integer',
    summary: 'Returns the difference between two dates in the given unit.',
    details:
      'Positive when `date2` is later than `date1`, negative when earlier, `0` when equal.\n\n' +
      "The documented outputs match VB.NET's `DateDiff`: days, hours, minutes and seconds are whole units truncated toward zero; " +
      '`"m"` and `"yyyy"` count calendar boundaries crossed; `"ww"` counts Sundays crossed (calendar weeks).\n\n' +
      INTERVAL_DETAILS,
    examples: [
      { expression: 'DateDiff("d", CDate("2021-08-18+08:00"), CDate("2021-08-31+08:00"))', output: '13' },
      {
        expression: 'DateDiff("d", Now(), CDate([StatusHireDate]))',
        input: 'Now() = 8/25/2021 5:41:18 PM, StatusHireDate = "2012-03-16-07:00"',
        output: '-3449',
      },
      {
        expression: 'DateDiff("ww", Now(), CDate([StatusHireDate]))',
        input: 'Now() = 8/25/2021 5:41:18 PM, StatusHireDate = "2012-03-16-07:00"',
        output: '-493',
      },
      {
        expression: 'DateDiff("m", Now(), CDate([StatusHireDate]))',
        input: 'Now() = 8/25/2021 5:41:18 PM, StatusHireDate = "2012-03-16-07:00"',
        output: '-113',
      },
      {
        expression: 'DateDiff("yyyy", Now(), CDate([StatusHireDate]))',
        input: 'Now() = 8/25/2021 5:41:18 PM, StatusHireDate = "2012-03-16-07:00"',
        output: '-9',
      },
      { expression: 'DateDiff("d", CDate("2021-08-31+08:00"), CDate("2021-08-31+08:00"))', output: '0' },
      { expression: 'DateDiff("h", CDate("2021-08-24"), CDate("2021-08-25"))', output: '24' },
      { expression: 'DateDiff("n", CDate("2021-08-24"), CDate("2021-08-25"))', output: '1440' },
      { expression: 'DateDiff("s", CDate("2021-08-24"), CDate("2021-08-25"))', output: '86400' },
    ],
    docUrl: docUrl('DateDiff'),
    status: 'current',
  },
  // ───────────────────────────────────────────── DateFromNum
  {
    name: 'DateFromNum',
    parameters: [
      req('value', 'value', 'Integer', 'An Active Directory integer date (100-ns ticks since 1601-01-01 UTC), e.g. [lastLogonTimestamp].'), // key inferred
    ],
    minRepeats: 0,
    returns: 'DateTime',
    summary: 'Converts an Active Directory integer date (FILETIME) to a DateTime.',
    details:
      'AD stores dates such as `accountExpires` and `lastLogonTimestamp` as the number of 100-nanosecond intervals since 1 January 1601 UTC. ' +
      'These numbers exceed 2^53, so they must be handled as exact integers.',
    examples: [{ expression: 'DateFromNum(129699324000000000)', output: '1/1/2012 11:00:00 PM' }],
    docUrl: docUrl('DateFromNum'),
    status: 'current',
  },
  // ───────────────────────────────────────────── DefaultDomain
  {
    name: 'DefaultDomain',
    parameters: [],
    minRepeats: 0,
    returns: 'String',
    summary: "Returns the tenant's default verified domain name.",
    details: 'Takes no arguments. Fails with an error when the tenant has no default verified domain.',
    examples: [
      {
        expression: 'Join("@", [mailNickname], DefaultDomain())',
        input: 'mailNickname = "jdoe", default domain contoso.com',
        output: 'jdoe@contoso.com',
      },
    ],
    docUrl: docUrl('DefaultDomain'),
    status: 'current',
  },
  // ───────────────────────────────────────────── FormatDateTime
  {
    name: 'FormatDateTime',
    parameters: [
      req('source', 'source', 'String', 'The date string to convert, usually a source attribute.'),
      opt(
        'dateTimeStyles',
        'dateTimeStyles',
        'String',
        '.NET DateTimeStyles parsing options; leave empty for RoundtripKind, AllowLeadingWhite, AllowTrailingWhite.',
      ),
      req('inputFormat', 'inputFormat', 'String', '.NET custom date/time format the source is written in, e.g. "yyyyMMddHHmmss.fZ".'),
      req('outputFormat', 'outputFormat', 'String', '.NET custom date/time format of the result, e.g. "yyyy-MM-dd".'),
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Reformats a date string from one .NET date format into another.',
    details:
      'Parses `source` with `inputFormat` (a .NET custom date and time format string) and renders it with `outputFormat`.\n\n' +
      '`dateTimeStyles` takes .NET `DateTimeStyles` names; when left empty the service uses RoundtripKind, AllowLeadingWhite and AllowTrailingWhite. ' +
      'It is optional but its position must still be written (empty) when the formats follow: `FormatDateTime([x], , "in", "out")`.\n\n' +
      "**Caveat:** Graph's older function list and some guides use a 3-argument form `FormatDateTime(source, inputFormat, outputFormat)`. " +
      'With positional arguments that form puts the input format into `dateTimeStyles`; write the empty second argument.',
    examples: [
      {
        expression: 'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
        input: 'extensionAttribute1 = "20150123105347.1Z"',
        output: '2015-01-23',
      },
    ],
    docUrl: docUrl('FormatDateTime'),
    status: 'current',
    serviceForms: [
      {
        argumentCount: 3,
        // Graph's function list names these three; running schemas leave inputFormat empty when the source is already a DateTime.
        parameters: [
          req('source', 'source', 'String', 'The date to format: a DateTime, or a string in inputFormat.'),
          opt('inputFormat', 'inputFormat', 'String', '.NET custom date/time format of the source; empty when the source is a DateTime.'),
          req('outputFormat', 'outputFormat', 'String', '.NET custom date/time format of the result.'),
        ],
        note:
          "FormatDateTime with three arguments is the form of Graph's old function list (source, inputFormat, outputFormat), which schemas the service runs use; " +
          'the reference documents four: FormatDateTime(source, dateTimeStyles?, inputFormat, outputFormat).',
      },
    ],
  },
  // ───────────────────────────────────────────── Guid
  {
    name: 'Guid',
    parameters: [],
    minRepeats: 0,
    returns: 'String',
    summary: 'Generates a new random GUID.',
    details: 'Returns a different value on every evaluation (lower-case hex, hyphenated).',
    examples: [{ expression: 'Guid()', output: '00aa00aa-bb11-cc22-dd33-44ee44ee44ee' }],
    docUrl: docUrl('Guid'),
    status: 'current',
    nonDeterministic: true,
  },
  // ───────────────────────────────────────────── IgnoreFlowIfNullOrEmpty
  {
    name: 'IgnoreFlowIfNullOrEmpty',
    parameters: [
      req('expression', 'expression', 'Any', 'The value to send; when it is null or empty the attribute is left out of the flow.'),
    ], // key inferred
    minRepeats: 0,
    returns: 'Any',
    summary: 'Drops the target attribute from the flow when the wrapped value is null or empty.',
    details:
      'Returns the wrapped value unchanged, except that a null or empty value makes the service skip the attribute entirely (the target keeps what it has).\n\n' +
      "- It is a flow-control wrapper, **not** a Boolean test: don't use it as the condition of `IIF`; wrap the whole `IIF(...)` instead.\n" +
      '- Recommended around `Switch(...)` to avoid the known issue where a Switch with a default value evaluates to null and blanks the target.',
    examples: [
      { expression: 'IgnoreFlowIfNullOrEmpty([department])', input: 'department = null', output: '(attribute not sent)' },
      {
        expression: 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))',
        input: 'prefix = "9999"',
        output: '(attribute not sent)',
      },
    ],
    docUrl: docUrl('IgnoreFlowIfNullOrEmpty'),
    status: 'current',
  },
  // ───────────────────────────────────────────── IIF
  {
    name: 'IIF',
    parameters: [
      req('condition', 'condition', 'Boolean', 'A comparison (=, <>, >, >=, <, <=) or a value that evaluates to true or false.'), // key inferred
      req('valueIfTrue', 'valueIfTrue', 'Any', 'Returned when the condition is true.'), // key inferred
      req('valueIfFalse', 'valueIfFalse', 'Any', 'Returned when the condition is false.', {
        emptyInServiceSchemas:
          'schemas the service runs leave this position empty; what is written when the condition is false is not documented, so an explicit value (or IgnoreFlowIfNullOrEmpty around the IIF) is clearer',
      }), // key inferred
    ],
    minRepeats: 0,
    returns: 'Any',
    summary: 'Returns one of two values depending on a condition.',
    details:
      'The condition may compare two values with `=`, `<>`, `>`, `>=`, `<`, `<=`.\n\n' +
      '- There is no `AND`/`OR`: nest `IIF` in the true branch for AND, in the false branch for OR.\n' +
      '- If an attribute used in the condition is null or empty, the condition check fails (the outcome is not specified). ' +
      'Forms such as `IIF([country]="", …)`, `IIF(IsNullOrEmpty([country]), …)` and `IIF(IsPresent([country]), …)` are listed as unsupported; ' +
      'use `Switch([country], [country], "", "Other")` instead.\n' +
      "- Don't use `IgnoreFlowIfNullOrEmpty(...)` as the condition.",
    examples: [
      { expression: 'IIF([country]="USA",[country],[department])', input: 'country = "USA"', output: 'USA' },
      {
        expression: 'IIF([country]="USA",IIF([state]="CA","True","False"),"False")',
        input: 'country = "USA", state = "CA"',
        output: 'True',
      },
      {
        expression: 'IIF([country]="USA","True",IIF([state]="CA","True","False"))',
        input: 'country = "Canada", state = "CA"',
        output: 'True',
      },
    ],
    docUrl: docUrl('IIF'),
    status: 'current',
  },
  // ───────────────────────────────────────────── InStr
  {
    name: 'InStr',
    parameters: [
      req('value1', 'value1', 'String', 'The string to search in.'), // key inferred
      req('value2', 'value2', 'String', 'The string to look for.'), // key inferred
      opt('start', 'start', 'Integer', '1-based position where the search starts.'), // key inferred
      opt(
        'compareType',
        'compareType',
        'String',
        'vbBinaryCompare (case-sensitive) or vbTextCompare (case-insensitive), written without quotes.',
        {
          allowed: { form: 'identifier', values: ['vbBinaryCompare', 'vbTextCompare'], caseSensitive: true },
        },
      ), // key inferred
    ],
    minRepeats: 0,
    returns: 'Integer',
    summary: 'Returns the 1-based position of the first occurrence of a substring.',
    details:
      'Positions are 1-based; following VB semantics the result is `0` when the substring is not found (guides test `InStr(...)=0` for "does not contain").\n\n' +
      '`compareType` is a bare identifier: `vbBinaryCompare` compares case-sensitively, `vbTextCompare` ignores case.',
    examples: [
      { expression: 'InStr("The quick brown fox","quick")', output: '5' },
      { expression: 'InStr("repEated","e",3,vbBinaryCompare)', output: '7' },
    ],
    docUrl: docUrl('InStr'),
    status: 'current',
  },
  // ───────────────────────────────────────────── IsNull
  {
    name: 'IsNull',
    parameters: [req('expression', 'expression', 'Any', 'The value to test.')], // key inferred
    minRepeats: 0,
    returns: 'Boolean',
    summary: 'Returns True when the expression evaluates to null.',
    details:
      'For an attribute, null means the attribute is absent; an empty string is **not** null (use `IsNullOrEmpty` for both).\n\n' +
      "Don't use it as the source of `Switch` (Switch compares strings); use an empty-string key instead. Inside `IIF` a null attribute makes the condition check fail.",
    examples: [{ expression: 'IsNull([displayName])', input: 'displayName absent', output: 'True' }],
    docUrl: docUrl('IsNull'),
    status: 'current',
  },
  // ───────────────────────────────────────────── IsNullOrEmpty
  {
    name: 'IsNullOrEmpty',
    parameters: [req('expression', 'expression', 'Any', 'The value to test.')], // key inferred
    minRepeats: 0,
    returns: 'Boolean',
    summary: 'Returns True when the expression is null or an empty string.',
    details:
      'True when the attribute is absent or present but `""`. The inverse is `IsPresent`.\n\n' +
      'Don\'t use it as the source of `Switch`; `IIF(IsNullOrEmpty(...), …)` is listed as unsupported — use `Switch([x], [x], "", "fallback")`.',
    examples: [{ expression: 'IsNullOrEmpty([displayName])', input: 'displayName = ""', output: 'True' }],
    docUrl: docUrl('IsNullOrEmpty'),
    status: 'current',
  },
  // ───────────────────────────────────────────── IsPresent
  {
    name: 'IsPresent',
    parameters: [req('expression', 'expression', 'Any', 'The value to test.')], // key inferred
    minRepeats: 0,
    returns: 'Boolean',
    summary: 'Returns True when the expression is a string that is neither null nor empty.',
    details:
      'The inverse of `IsNullOrEmpty`.\n\n' +
      'The function reference says not to use it as the source of `Switch` (Switch compares strings case-sensitively and this returns a Boolean), ' +
      'although the attribute-customisation page shows `Switch(IsPresent([jobTitle]), "DefaultValue", "True", [jobTitle])`. ' +
      '`IIF(IsPresent(...), …)` is listed as unsupported.',
    examples: [{ expression: 'IsPresent([directManager])', input: 'directManager = "Jane"', output: 'True' }],
    docUrl: docUrl('IsPresent'),
    status: 'current',
  },
  // ───────────────────────────────────────────── IsString
  {
    name: 'IsString',
    parameters: [req('expression', 'expression', 'Any', 'The value to test.')], // key inferred
    minRepeats: 0,
    returns: 'Boolean',
    summary: 'Returns True when the expression can be evaluated to a string.',
    details: 'No example is documented.',
    examples: [],
    docUrl: docUrl('IsString'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Item
  {
    name: 'Item',
    parameters: [
      req('attribute', 'attribute', 'Any', 'The multi-valued attribute to read from.', { multiValued: 'required' }), // key inferred
      req('index', 'index', 'Integer', "1-based position of the value to return (1 is the first; don't use 0)."), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Returns one value of a multi-valued attribute.',
    details: 'The index is **1-based**: `Item([proxyAddresses], 1)` is the first value. Index 0 must not be used.',
    examples: [
      {
        expression: 'Item([proxyAddresses], 1)',
        input: 'proxyAddresses = ["SMTP:john@contoso.com", "smtp:jd@contoso.com"]',
        output: 'SMTP:john@contoso.com',
      },
    ],
    docUrl: docUrl('Item'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Join
  {
    name: 'Join',
    parameters: [
      req('separator', 'separator', 'String', 'Text placed between the values; may be "".'),
      req('source', 'source', 'String', 'A value to join; a multi-valued attribute contributes all its values.', {
        repeating: true,
        multiValued: 'accepted',
      }),
    ],
    minRepeats: 1,
    returns: 'String',
    summary: 'Concatenates one or more values with a separator between them.',
    details:
      'Like `Append`, but for any number of values. Every value of a multi-valued source is included, each separated by `separator`. Numbers are accepted as sources.\n\n' +
      'The documented example `Join(", ", "", [surname], [givenName])` → `Doe, John` shows that **empty values are skipped** (no leading separator); ' +
      'this is not stated as a rule, and whether null attributes are skipped the same way is not documented (probably).',
    examples: [
      { expression: 'Join(", ", "", [surname], [givenName])', input: 'surname = "Doe", givenName = "John"', output: 'Doe, John' },
      {
        expression: 'Join("@", [mailNickname], DefaultDomain())',
        input: 'mailNickname = "jdoe", default domain contoso.com',
        output: 'jdoe@contoso.com',
      },
    ],
    docUrl: docUrl('Join'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Left
  {
    name: 'Left',
    parameters: [
      req('String', 'String', 'String', 'The string to take characters from.'), // key inferred
      req('NumChars', 'NumChars', 'Integer', 'How many characters to return from the start.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Returns the first characters of a string.',
    details:
      '- `NumChars` = 0 → `""`.\n' +
      '- `NumChars` < 0 → the input string unchanged.\n' +
      '- `String` null → `""`.\n' +
      '- A string shorter than `NumChars` is returned whole.',
    examples: [{ expression: 'Left("John Doe", 3)', output: 'Joh' }],
    docUrl: docUrl('Left'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Len
  {
    name: 'Len',
    parameters: [
      req('String', 'String', 'Any', 'A string or a number whose length (in characters) is returned.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'Integer',
    summary: "Returns the number of characters of a string (or of a number's text).",
    details: 'Null or empty input gives `0`. A number is measured as written: `Len(42568.75)` is 8.',
    examples: [
      { expression: 'Len("John Doe")', output: '8' },
      { expression: 'Len(42568)', output: '5' },
      { expression: 'Len(42568.75)', output: '8' },
      {
        expression:
          'IIF(Len([LastName]) <= 5, Left(Join("",[LastName],[FirstName]),10), Join("", Mid([LastName],1,9), Mid([FirstName],1,1)))',
        input: 'FirstName = "John", LastName = "Parker"',
        output: 'ParkerJ',
      },
    ],
    docUrl: docUrl('Len'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Mid
  {
    name: 'Mid',
    parameters: [
      req('source', 'source', 'String', 'The string to take a part of.'),
      req('start', 'start', 'Integer', '1-based position of the first character to return.'),
      req('length', 'length', 'Integer', 'How many characters to return; a length past the end stops at the end.'),
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Returns a substring, starting at a 1-based position.',
    details:
      '`start` is **1-based** (the first character is 1). If `start + length` runs past the end, the rest of the string is returned. ' +
      'The behaviour for `start` ≤ 0 or `length` ≤ 0 is not documented.',
    examples: [
      { expression: 'Mid([userPrincipalName], 1, 8)', input: 'userPrincipalName = "jsmith@contoso.com"', output: 'jsmith@c' },
      {
        expression: 'Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))',
        input: 'givenName = "John", surname = "Doe"',
        output: 'JohDoe',
      },
    ],
    docUrl: docUrl('Mid'),
    status: 'current',
  },
  // ───────────────────────────────────────────── NormalizeDiacritics
  {
    name: 'NormalizeDiacritics',
    parameters: [req('source', 'source', 'String', 'Usually a first or last name.')], // key inferred
    minRepeats: 0,
    returns: 'String',
    summary: 'Replaces accented characters with their plain equivalents.',
    details:
      'Uses a fixed table: e.g. `ä à â ã å á ą ă ā` → `a`, `æ` → `ae`, `ç č ć` → `c`, `ø` → `oe`, `ß` → `ss`, `ł` → `l`, `ı` → `i`; upper-case letters map to upper-case (`Æ` → `AE`, `Ø` → `OE`). ' +
      'Some entries are a base letter followed by combining marks. Characters not in the table (e.g. `œ`, `đ`, `þ`) are left as they are.\n\n' +
      'Typically used to build identifiers (UPN, e-mail, sAMAccountName) and inside `SelectUniqueValue`, whose AD lookup does not escape diacritics.',
    examples: [{ expression: 'NormalizeDiacritics([givenName])', input: 'givenName = "Zoë"', output: 'Zoe' }],
    docUrl: docUrl('NormalizeDiacritics'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Not
  {
    name: 'Not',
    parameters: [req('source', 'source', 'Boolean', 'A Boolean, or the string "True" / "False".')],
    minRepeats: 0,
    returns: 'Boolean',
    summary: 'Inverts a Boolean value.',
    details:
      'A `True` source gives `False`; **anything else** (including `False`, other strings and null) gives `True`.\n\n' +
      'Older default SCIM mappings used `Not([IsSoftDeleted])` for `active`; current templates use `Switch([IsSoftDeleted], , "False", "True", "True", "False")`.',
    examples: [{ expression: 'Not([IsSoftDeleted])', input: 'IsSoftDeleted = False', output: 'True' }],
    docUrl: docUrl('Not'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Now
  {
    name: 'Now',
    parameters: [],
    minRepeats: 0,
    returns: 'DateTime',
    summary: 'Returns the current UTC date and time.',
    details: 'Rendered as `M/d/yyyy h:mm:ss tt`. Changes on every evaluation.',
    examples: [{ expression: 'Now()', output: '7/2/2021 3:33:38 PM' }],
    docUrl: docUrl('Now'),
    status: 'current',
    nonDeterministic: true,
  },
  // ───────────────────────────────────────────── NumFromDate
  {
    name: 'NumFromDate',
    parameters: [
      req('value', 'value', 'String', 'An ISO 8601 date-time string; convert other formats with FormatDateTime first.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'Integer',
    summary: 'Converts an ISO 8601 date-time string to an Active Directory integer date (FILETIME).',
    details:
      'Produces the number of 100-nanosecond intervals since 1 January 1601 UTC, as needed for AD attributes such as `accountExpires`. ' +
      'Inputs in other formats should be converted with `FormatDateTime` first.\n\n' +
      'The numbers printed in the Workday/SuccessFactors guides are wrong; e.g. 2025-12-31 23:59:59-05:00 is 134117171990000000.',
    examples: [
      {
        expression: 'NumFromDate(Join("", FormatDateTime([ContractEndDate], , "yyyy-MM-ddzzz", "yyyy-MM-dd"), " 23:59:59-05:00"))',
        input: 'ContractEndDate = "2025-12-31-05:00"',
        output: '134117171990000000',
      },
    ],
    docUrl: docUrl('NumFromDate'),
    status: 'current',
  },
  // ───────────────────────────────────────────── PCase
  {
    name: 'PCase',
    parameters: [
      req('source', 'source', 'String', 'The text to convert to proper case.'), // key inferred
      opt(
        'wordSeparators',
        'wordSeparators',
        'String',
        'Characters that separate words, e.g. " \'-"; omitted = .NET ToTitleCase word rules.',
      ), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Capitalises the first letter of each word and lower-cases the rest.',
    details:
      'Without `wordSeparators`, words are split like .NET `TextInfo.ToTitleCase` does (spaces, control characters, and most punctuation and symbol categories: dashes, brackets, quotes, `_`, `+`, `$`, …). ' +
      'Unlike plain ToTitleCase, all-caps words are converted too (`PABLO` → `Pablo`).\n\n' +
      'With `wordSeparators`, only the listed characters split words.',
    examples: [
      { expression: 'PCase([firstName])', input: 'firstName = "PABLO GONSALVES (SECOND)"', output: 'Pablo Gonsalves (Second)' },
      { expression: 'PCase([lastName]," \'-")', input: 'lastName = "PINTO-DE\'SILVA"', output: "Pinto-De'Silva" },
      {
        expression: 'PCase(Join(" ",[firstName],[lastName]))',
        input: 'firstName = "GREGORY", lastName = "JAMES"',
        output: 'Gregory James',
      },
    ],
    docUrl: docUrl('PCase'),
    status: 'current',
  },
  // ───────────────────────────────────────────── RandomString
  {
    name: 'RandomString',
    parameters: [
      req('Length', 'Length', 'Integer', 'Total length of the string (at most 256; at least the sum of the minimums).'), // key inferred
      req('MinimumNumbers', 'MinimumNumbers', 'Integer', 'Minimum count of digits.'), // key inferred
      req('MinimumSpecialCharacters', 'MinimumSpecialCharacters', 'Integer', 'Minimum count of special characters.'), // key inferred
      req('MinimumCapital', 'MinimumCapital', 'Integer', 'Minimum count of upper-case letters.'), // key inferred
      req('MinimumLowerCase', 'MinimumLowerCase', 'Integer', 'Minimum count of lower-case letters.'), // key inferred
      opt('CharactersToAvoid', 'CharactersToAvoid', 'String', 'Characters that must not appear in the result.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Generates a random string meeting the given character-class minimums.',
    details:
      'The characters come from the Windows password-complexity character classes. `Length` is at most 256 and should be at least the sum of the minimums. ' +
      'Returns a different value on every evaluation; wrap it in `Redact(...)` when it is used as an initial password.',
    examples: [
      { expression: 'RandomString(6,3,0,0,3)', output: '1a73qt' },
      { expression: 'RandomString(10,2,2,2,1,"?,")', output: '1@!2BaRg53' },
    ],
    docUrl: docUrl('RandomString'),
    status: 'current',
    nonDeterministic: true,
  },
  // ───────────────────────────────────────────── Redact
  {
    name: 'Redact',
    parameters: [
      req('attributeOrValue', 'attributeOrValue', 'Any', 'The attribute, constant or nested call whose value must be hidden in the logs.'), // key inferred (doc name "attribute/value")
    ],
    minRepeats: 0,
    returns: 'Any',
    summary: 'Passes a value through unchanged but shows it as "[Redact]" in the provisioning logs.',
    details:
      'Only the logs are affected: the target receives the real value. Intended for secrets such as initial passwords.\n\n' +
      'The reference heading shows `Redact()` without an argument, but its parameter table requires one.',
    examples: [
      { expression: 'Redact([userPrincipalName])', input: 'userPrincipalName = "jsmith@contoso.com"', output: 'jsmith@contoso.com' },
      { expression: 'Redact("StringToBeRedacted")', output: 'StringToBeRedacted' },
    ],
    docUrl: docUrl('Redact'),
    status: 'current',
  },
  // ───────────────────────────────────────────── RemoveDuplicates
  {
    name: 'RemoveDuplicates',
    parameters: [
      req('attribute', 'attribute', 'Any', 'The multi-valued attribute to de-duplicate.', { multiValued: 'accepted' }), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    returnsMultiValued: true,
    summary: 'Returns a multi-valued attribute with duplicate values removed.',
    details: 'The order of the result and whether the comparison is case-sensitive are not documented.',
    examples: [
      {
        expression: 'RemoveDuplicates([proxyAddresses])',
        input: 'proxyAddresses = ["smtp:a@contoso.com", "smtp:a@contoso.com", "SMTP:b@contoso.com"]',
        output: '["smtp:a@contoso.com", "SMTP:b@contoso.com"]',
      },
    ],
    docUrl: docUrl('RemoveDuplicates'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Replace
  {
    name: 'Replace',
    parameters: [
      req('source', 'source', 'String', 'The value to work on, usually a source attribute.'),
      opt('oldValue', 'Find', 'String', 'Text to replace in source (or, with template, the placeholder in the template).'),
      opt('regexPattern', 'RegularExpression', 'String', '.NET regular expression applied to source (or to replacementAttributeName).'),
      opt(
        'regexGroupName',
        'RegularExpressionGroupName',
        'String',
        'Name of a group in regexPattern: only its match is replaced or extracted.',
      ),
      opt('replacementValue', 'Replacement', 'String', 'The new text; may use ${group} substitutions with regexPattern.'),
      opt(
        'replacementAttributeName',
        'ReplacementPropertyName',
        'String',
        'Attribute to extract regexGroupName from when source has no value.',
      ),
      opt('template', 'Template', 'String', 'A template in which oldValue is replaced by the source value.'),
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Replaces text in a string, literally or with a .NET regular expression.',
    details:
      'Case-sensitive. Positions are fixed: leave unused ones empty, e.g. `Replace([mail], "@contoso.com", , , "", , )`. The behaviour depends on which arguments are given:\n\n' +
      '1. `oldValue` + `replacementValue`: every occurrence of `oldValue` in `source` is replaced.\n' +
      '2. `oldValue` + `template`: every occurrence of `oldValue` **in the template** is replaced by `source`.\n' +
      '3. `regexPattern` + `replacementValue`: regex replace on `source`; the replacement may use `${group}`.\n' +
      '4. `regexPattern` + `regexGroupName` + `replacementValue`: only the text matched by the named group is replaced.\n' +
      "5. `regexPattern` + `regexGroupName` + `replacementAttributeName`: if `source` has a value it is returned; otherwise the regex is applied to the replacement attribute and the named group's match is returned.\n\n" +
      'Regex backslashes must be doubled inside string constants (`"\\\\d"`). ' +
      'The reference prints `19998887777` for the mobile-number example; the pattern does not remove `+`, so the real output is `+19998887777`.',
    examples: [
      {
        expression: 'Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )',
        input: 'BusinessTitle = "Product Developer"',
        output: 'Software Engineer',
      },
      { expression: 'Replace([mail], "@contoso.com", , ,"", ,)', input: 'mail = "john.doe@contoso.com"', output: 'john.doe' },
      { expression: 'Replace([preferredLanguage], "-", , , "_", , )', input: 'preferredLanguage = "EN-US"', output: 'EN_US' },
      {
        expression: 'Replace([UserID],"<username>", , , , , "<username>@contoso.com")',
        input: 'UserID = "jsmith"',
        output: 'jsmith@contoso.com',
      },
      {
        expression: 'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "${phoneNumber}", , )',
        input: 'telephoneNumber = "+91 9998887777"',
        output: '9998887777',
      },
      { expression: 'Replace([mobile], , "[()\\\\s-]+", , "", , )', input: 'mobile = "+1 (999) 888-7777"', output: '+19998887777' },
      {
        expression: 'Replace([AddressLineData], ,"(?<streetNumber>^\\\\d*)","streetNumber", "888", , )',
        input: 'AddressLineData = "545 Tremont Street"',
        output: '888 Tremont Street',
      },
      {
        expression: 'Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )',
        input: 'userPrincipalName = "jsmith@contoso.com"',
        output: 'jsmith',
      },
      {
        expression: 'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", "phoneNumber" , , [mobile], )',
        input: 'telephoneNumber = "", mobile = "+91 8887779999"',
        output: '8887779999',
      },
      { expression: 'Replace([mailNickname], , "[a-zA-Z_]*", , "", , )', input: 'mailNickname = "john_doe72"', output: '72' },
    ],
    docUrl: docUrl('Replace'),
    status: 'current',
  },
  // ───────────────────────────────────────────── SelectUniqueValue
  {
    name: 'SelectUniqueValue',
    parameters: [
      req('uniqueValueRule', 'uniqueValueRule', 'String', 'A candidate value; the first one not yet used in the target is chosen.', {
        repeating: true,
      }), // key inferred
    ],
    minRepeats: 2,
    returns: 'String',
    summary: 'Returns the first of several generated values that does not yet exist in the target directory.',
    details:
      'Evaluates the rules in order and returns the first value not already present in the target; if every value exists, the object is escrowed and the reason logged. At least two rules, no upper limit.\n\n' +
      '- Must be the **top-level** function of the expression (it cannot be nested).\n' +
      '- Not allowed on an attribute that has a matching precedence.\n' +
      '- Meant for creation only: set the mapping to apply *only during object creation*.\n' +
      '- Supported only for Workday → Active Directory, SuccessFactors → Active Directory and API-driven provisioning to on-premises AD — **not** for other apps such as Chatwork.\n' +
      '- Wrap name parts in `NormalizeDiacritics`, because the AD lookup does not escape diacritics.',
    examples: [
      {
        expression:
          'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"))',
        input: 'PreferredFirstName = "John", PreferredLastName = "Smith", John.Smith@contoso.com already taken',
        output: 'J.Smith@contoso.com',
      },
    ],
    docUrl: docUrl('SelectUniqueValue'),
    status: 'current',
  },
  // ───────────────────────────────────────────── SingleAppRoleAssignment
  {
    name: 'SingleAppRoleAssignment',
    parameters: [
      req('appRoleAssignments', 'source', 'Reference', "The user's app role assignments; pass the attribute [appRoleAssignments].", {
        multiValued: 'accepted',
      }),
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Returns the name of the single app role assigned to the user.',
    details:
      'Converts the `appRoleAssignments` object into one role name string, typically for `roles[primary eq "True"].value`.\n\n' +
      '- Not supported when a user has several role assignments: which one is returned is not guaranteed (use `AssertiveAppRoleAssignmentsComplex`).\n' +
      '- Does not work when the provisioning scope is "Sync all users and groups".',
    examples: [{ expression: 'SingleAppRoleAssignment([appRoleAssignments])', input: 'one assignment, role "Admin"', output: 'Admin' }],
    docUrl: docUrl('SingleAppRoleAssignment'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Split
  {
    name: 'Split',
    parameters: [
      req('source', 'source', 'String', 'The delimited string to split.'),
      req('delimiter', 'delimiter', 'String', 'The character that separates the values, e.g. ",".'),
    ],
    minRepeats: 0,
    returns: 'String',
    returnsMultiValued: true,
    summary: 'Splits a string into a multi-valued result.',
    details:
      'Used to feed multi-valued target attributes, and with `Join` to build several values: `Split(Join(",", a, b), ",")`.\n\n' +
      "The delimiter is required in the current reference (Graph's old function list marks it optional). " +
      'The reference example shows `"PermissionSetOne, PermissionSetTwo"` split on `","` without the leading space of the second value; ' +
      'whether Split trims values is not documented.',
    examples: [
      {
        expression: 'Split([extensionAttribute5], ",")',
        input: 'extensionAttribute5 = "PermissionSetOne,PermissionSetTwo"',
        output: '["PermissionSetOne", "PermissionSetTwo"]',
      },
    ],
    docUrl: docUrl('Split'),
    status: 'current',
  },
  // ───────────────────────────────────────────── StripSpaces
  {
    name: 'StripSpaces',
    parameters: [req('source', 'source', 'String', 'The string to remove spaces from.')],
    minRepeats: 0,
    returns: 'String',
    summary: 'Removes every space character from a string.',
    details: 'Only the space character `" "` is removed; tabs and other whitespace are not mentioned.',
    examples: [{ expression: 'StripSpaces([displayName])', input: 'displayName = "John van Doe"', output: 'JohnvanDoe' }],
    docUrl: docUrl('StripSpaces'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Switch
  {
    name: 'Switch',
    parameters: [
      req('source', 'source', 'String', 'The value compared with each key (case-sensitive string comparison).'),
      opt('defaultValue', 'defaultValue', 'String', 'Returned when no key matches; may be left empty or "".'),
      req('key', 'switchValue', 'String', 'A value to compare the source with; "" matches a null or empty source.', { repeating: true }),
      req('value', 'switchValue', 'String', 'Returned when the preceding key matches.', { repeating: true }),
    ],
    minRepeats: 1,
    returns: 'Any',
    summary: 'Returns the value paired with the first key equal to the source, or the default value.',
    details:
      'Keys and values come in pairs after the source and the default value, so the total number of arguments is always **even**.\n\n' +
      '- The comparison is a **case-sensitive string** comparison; for case-insensitive matching lower-case the source with `ToLower` and write lower-case keys.\n' +
      '- A key of `""` matches a null or empty source: `Switch([country], [country], "", "Other")` returns the country or `Other`.\n' +
      "- Don't use `IsPresent`, `IsNull` or `IsNullOrEmpty` as the source; don't use Switch on reference attributes such as `manager`.\n" +
      '- Known service issue: with Entra ID as the source and a default value present, a change to another attribute can make the Switch evaluate to null and blank the target. ' +
      'Work around it with nested `IIF`s or `IgnoreFlowIfNullOrEmpty(Switch(...))`.\n\n' +
      "In Graph's parse tree every key and value is a parameter with the key `switchValue`.",
    examples: [
      {
        expression:
          'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")',
        input: 'state = "QLD"',
        output: 'Australia/Brisbane',
      },
      { expression: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")', input: 'IsSoftDeleted = False', output: 'True' },
      { expression: 'Switch(ToLower([statusFlag]), "0", "true", "1", "false", "0")', input: 'statusFlag = "TRUE"', output: '1' },
      { expression: 'Switch([country], [country], "", "Other")', input: 'country = ""', output: 'Other' },
    ],
    docUrl: docUrl('Switch'),
    status: 'current',
  },
  // ───────────────────────────────────────────── ToLower
  {
    name: 'ToLower',
    parameters: [
      req('source', 'source', 'String', 'The string to convert.'), // key inferred
      opt('culture', 'culture', 'String', 'RFC 4646 culture name such as "en-US" or "ja-JP"; default is the invariant culture.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Converts a string to lower case.',
    details:
      'Uses the rules of `culture` when given, otherwise the invariant culture.\n\n' +
      'To also correct the case of values already in the target, mark the target attribute `caseExact: true` in the target schema.',
    examples: [
      {
        expression:
          'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"))',
        input: 'PreferredFirstName = "John", PreferredLastName = "Smith"',
        output: 'john.smith@contoso.com',
      },
    ],
    docUrl: docUrl('ToLower'),
    status: 'current',
  },
  // ───────────────────────────────────────────── ToUpper
  {
    name: 'ToUpper',
    parameters: [
      req('source', 'source', 'String', 'The string to convert.'), // key inferred
      opt('culture', 'culture', 'String', 'RFC 4646 culture name such as "en-US" or "ja-JP"; default is the invariant culture.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Converts a string to upper case.',
    details:
      'Uses the rules of `culture` when given, otherwise the invariant culture.\n\n' +
      'To also correct the case of values already in the target, mark the target attribute `caseExact: true` in the target schema.',
    examples: [{ expression: 'ToUpper([mailNickname])', input: 'mailNickname = "jsmith"', output: 'JSMITH' }],
    docUrl: docUrl('ToUpper'),
    status: 'current',
  },
  // ───────────────────────────────────────────── Word
  {
    name: 'Word',
    parameters: [
      req('String', 'String', 'String', 'The string to take a word from.'), // key inferred
      req('WordNumber', 'WordNumber', 'Integer', '1-based number of the word to return.'), // key inferred
      req('Delimiters', 'Delimiters', 'String', 'Every character of this string separates words.'), // key inferred
    ],
    minRepeats: 0,
    returns: 'String',
    summary: 'Returns the n-th word of a string, splitting on any of the given delimiter characters.',
    details:
      'Words are separated by **any** single character of `Delimiters`. `WordNumber` is 1-based.\n\n' +
      '- `WordNumber` < 1 → `""`.\n' +
      '- `String` null → `""`.\n' +
      '- Fewer words than `WordNumber`, or no words at all → `""`.',
    examples: [
      { expression: 'Word("The quick brown fox",3," ")', output: 'brown' },
      { expression: 'Word("This,string!has&many separators",3,",!&#")', output: 'has' },
    ],
    docUrl: docUrl('Word'),
    status: 'current',
  },

  // ═════════════════════════════════════════════ service (in schemas the service runs, in no public reference)
  // Exported job schemas use these and the service runs them (docs/real-schemas.md); Microsoft's
  // function reference does not list them. Entra cloud sync's transformation guide shows Trim:
  // https://learn.microsoft.com/en-us/entra/identity/hybrid/cloud-sync/how-to-transformation
  {
    name: 'Trim',
    parameters: [req('source', 'source', 'String', 'The value to trim, usually a source attribute.')],
    minRepeats: 0,
    returns: 'String',
    summary: 'Removes white space from the start and the end of a string.',
    details:
      "Not in Microsoft's function reference, but used by schemas the service runs (Entra cloud sync's transformation guide trims `[extensionAttribute3]`). " +
      'Inner spaces are kept; `StripSpaces` removes every space. A null source gives null.',
    examples: [],
    docUrl: FUNCTIONS_PAGE,
    status: 'service',
  },
  {
    name: 'Error',
    parameters: [req('message', 'message', 'String', 'The message the provisioning log shows for the object.')], // key inferred
    minRepeats: 0,
    returns: 'Any',
    summary: 'Stops the flow of the object with a message (used as the last branch of IIF or Switch).',
    details:
      "Not in Microsoft's function reference, but used by schemas the service runs, typically as the branch no other value fits: " +
      '`IIF(IsPresent([userPrincipalName]), [userPrincipalName], Error("no userPrincipalName"))`. ' +
      'The object is not provisioned and the message is reported; the exact log entry is not documented.',
    examples: [],
    docUrl: FUNCTIONS_PAGE,
    status: 'service',
  },

  // ═════════════════════════════════════════════ legacy (only in Graph's old function list)
  {
    name: 'AppRoleAssignments',
    parameters: [req('source', 'source', 'String', "The user's app role assignments ([appRoleAssignments]).", { multiValued: 'accepted' })],
    minRepeats: 0,
    returns: 'String',
    summary: "Legacy role function from Graph's function list; not in the current reference.",
    details:
      "Appears in Graph's `functions` sample and older vendor guides as `AppRoleAssignments([appRoleAssignments])`. " +
      'Prefer `SingleAppRoleAssignment` (one role) or `AssertiveAppRoleAssignmentsComplex` (several roles).',
    examples: [],
    docUrl: FUNCTIONS_PAGE,
    status: 'legacy',
  },
  {
    name: 'IsNothing',
    parameters: [req('source', 'source', 'Boolean', 'The value to test.')],
    minRepeats: 0,
    returns: 'Boolean',
    summary: "Legacy test from Graph's old function list; not in the current reference.",
    details: 'Its semantics are not documented; use `IsNull` or `IsNullOrEmpty` instead.',
    examples: [],
    docUrl: FUNCTIONS_PAGE,
    status: 'legacy',
  },
  {
    name: 'Prepend',
    parameters: [
      req('prefix', 'prefix', 'String', 'Text placed before the source value.'),
      req('source', 'source', 'String', 'The value to extend.'),
    ],
    minRepeats: 0,
    returns: 'String',
    summary: "Legacy function from Graph's old function list that puts a prefix before a string.",
    details: 'Not in the current reference; use `Append(prefix, source)` or `Join("", prefix, source)` instead.',
    examples: [],
    docUrl: FUNCTIONS_PAGE,
    status: 'legacy',
  },
];

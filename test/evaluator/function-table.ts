/**
 * The evaluation table: every documented example of https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data (and the guides it
 * cites), recomputed where the pages contradict themselves (docs/evaluation.md), plus edge cases. The library
 * test (functions.test.ts) and the CLI test (test/cli/eval.test.ts) run every row.
 *
 * `value` is the JSON the CLI prints as "value" (BigInt for integers beyond 2^53); `ignored` means
 * IgnoreFlowIfNullOrEmpty stopped the flow; `error` is a substring of the error message and
 * `errorColumn` its 1-based column; `match` checks non-deterministic results.
 */

export interface EvaluationCase {
  expr: string;
  input?: Record<string, unknown>;
  /** `--now`, ISO 8601. */
  now?: string;
  defaultDomain?: string;
  taken?: string[];
  seed?: number;
  value?: unknown;
  ignored?: true;
  error?: string;
  errorColumn?: number;
  match?: RegExp;
  /** Where the case comes from: "reference" (an example of Microsoft's function reference or a guide it cites), "recomputed" (where the pages contradict themselves: docs/evaluation.md), or "edge". */
  source: string;
}

const JOHN = { givenName: 'John', surname: 'Doe', userPrincipalName: 'John.Doe@contoso.com' };
const HIRE = { StatusHireDate: '2012-03-16-07:00' };
const NOW = '2021-08-25T17:41:18Z';
const PHONES = { telephoneNumber: '+91 9998887777', mobile: '+91 8887779999' };
const PROXIES = { proxyAddresses: ['SMTP:john@contoso.com', 'smtp:jd@contoso.com', 'smtp:jd@contoso.com'] };
const ROLES = {
  appRoleAssignments: [
    { id: 'r1', value: 'Admin', displayName: 'Admin' },
    { value: 'User', displayName: 'User' },
  ],
};

export const EVALUATION_CASES: readonly EvaluationCase[] = [
  // ─── Append
  { source: 'reference', expr: 'Append([userPrincipalName], ".test")', input: JOHN, value: 'John.Doe@contoso.com.test' },
  {
    source: 'reference',
    expr: 'Append("SMTP:", Join("@", Join(".", [givenName], [surname]), "contoso.com"))',
    input: JOHN,
    value: 'SMTP:John.Doe@contoso.com',
  },
  { source: 'edge: null source reads as ""', expr: 'Append([mail], "@contoso.com")', value: '@contoso.com' },
  { source: 'edge: both null', expr: 'Append([mail], [department])', value: null },

  // ─── role functions
  {
    source: 'reference',
    expr: 'AppRoleAssignmentsComplex([appRoleAssignments])',
    input: ROLES,
    value: [
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', displayName: 'Admin', value: 'Admin', id: 'r1' },
      { primary: false, type: 'WindowsAzureActiveDirectoryRole', displayName: 'User', value: 'User' },
    ],
  },
  {
    source: 'reference',
    expr: 'AssertiveAppRoleAssignmentsComplex([appRoleAssignments])',
    input: { appRoleAssignments: ['Reader'] },
    value: [{ primary: false, type: 'WindowsAzureActiveDirectoryRole', displayName: 'Reader', value: 'Reader' }],
  },
  {
    source: 'reference',
    expr: 'SingleAppRoleAssignment([appRoleAssignments])',
    input: { appRoleAssignments: [{ value: 'Admin' }] },
    value: 'Admin',
  },
  { source: 'edge: several roles, first returned', expr: 'SingleAppRoleAssignment([appRoleAssignments])', input: ROLES, value: 'Admin' },
  { source: 'edge: no roles', expr: 'SingleAppRoleAssignment([appRoleAssignments])', value: null },

  // ─── BitAnd
  { source: 'reference', expr: 'BitAnd(&HF, &HF7)', value: 7 },
  { source: 'edge', expr: 'BitAnd(12, 10)', value: 8 },
  { source: 'edge: the checker refuses a non-number constant', expr: 'BitAnd("x", 1)', error: 'is not a number', errorColumn: 8 },
  {
    source: 'edge: a non-number value',
    expr: 'BitAnd([x], 1)',
    input: { x: 'abc' },
    error: 'value1 must be a whole number',
    errorColumn: 1,
  },

  // ─── CBool
  { source: 'reference', expr: 'CBool([attribute1] = [attribute2])', input: { attribute1: 'a', attribute2: 'a' }, value: true },
  { source: 'reference', expr: 'CBool([attribute1] = [attribute2])', input: { attribute1: 'a', attribute2: 'A' }, value: false },
  { source: 'edge: numbers', expr: 'CBool("0")', value: false },
  { source: 'edge: not a Boolean', expr: 'CBool("maybe")', error: 'is not True or False' },

  // ─── CDate
  { source: 'reference', expr: 'CDate([StatusHireDate])', input: { StatusHireDate: '2020-03-16-07:00' }, value: '3/16/2020 7:00:00 AM' },
  { source: 'reference', expr: 'CDate("2021-06-30+08:00")', value: '6/29/2021 4:00:00 PM' },
  { source: 'reference', expr: 'CDate("2009-06-15T01:45:30-07:00")', value: '6/15/2009 8:45:30 AM' },
  { source: 'edge: no offset is UTC', expr: 'CDate("2021-08-24")', value: '8/24/2021 12:00:00 AM' },
  { source: 'edge: the service rendering parses back', expr: 'CDate("8/25/2021 5:41:18 PM")', value: '8/25/2021 5:41:18 PM' },
  { source: 'edge: null', expr: 'CDate([StatusHireDate])', value: null },
  { source: 'edge: not a date', expr: 'CDate("next Tuesday")', error: 'is not a date and time' },

  // ─── Coalesce
  { source: 'reference', expr: 'Coalesce([mail], [userPrincipalName])', input: JOHN, value: 'John.Doe@contoso.com' },
  { source: 'edge: trailing default', expr: 'Coalesce([mail], [department], "")', value: '' },
  { source: 'edge: all null, no default', expr: 'Coalesce([mail], [department])', value: null },
  { source: 'edge: empty is not null', expr: 'Coalesce([mail], "fallback")', input: { mail: '' }, value: '' },

  // ─── ConvertToBase64 / ConvertToUTF8Hex
  { source: 'reference', expr: 'ConvertToBase64("Hello world!")', value: 'SABlAGwAbABvACAAdwBvAHIAbABkACEA' },
  { source: 'edge: UTF-16LE of é', expr: 'ConvertToBase64("é")', value: '6QA=' },
  { source: 'reference', expr: 'ConvertToUTF8Hex("Hello world!")', value: '48656C6C6F20776F726C6421' },
  {
    source: 'recomputed for the placeholder GUID',
    expr: 'Join("", 1000, Replace(ConvertToUTF8Hex([objectId]), , "[a-zA-Z_]*", , "", , ))',
    input: { objectId: '00aa00aa-bb11-cc22-dd33-44ee44ee44ee' },
    value: '100030306161303061612626231312636332322646433332343465653434656534346565',
  },
  { source: 'edge: multi-byte UTF-8', expr: 'ConvertToUTF8Hex("日本")', value: 'E697A5E69CAC' },

  // ─── Count / CStr
  { source: 'reference', expr: 'Count([proxyAddresses])', input: PROXIES, value: 3 },
  { source: 'edge: null counts 0', expr: 'Count([proxyAddresses])', value: 0 },
  { source: 'reference', expr: 'CStr([dn])', input: { dn: 'cn=Joe,dc=contoso,dc=com' }, value: 'cn=Joe,dc=contoso,dc=com' },
  {
    source: 'edge: a reference attribute',
    expr: 'CStr([manager])',
    input: { manager: 'cn=Joe,dc=contoso,dc=com' },
    value: 'cn=Joe,dc=contoso,dc=com',
  },
  { source: 'edge: Boolean as text', expr: 'CStr([accountEnabled])', input: { accountEnabled: true }, value: 'True' },

  // ─── DateAdd
  { source: 'reference', expr: 'DateAdd("d", 7, CDate([StatusHireDate]))', input: HIRE, value: '3/23/2012 7:00:00 AM' },
  { source: 'reference', expr: 'DateAdd("d", -10, CDate([StatusHireDate]))', input: HIRE, value: '3/6/2012 7:00:00 AM' },
  { source: 'reference', expr: 'DateAdd("ww", 2, CDate([StatusHireDate]))', input: HIRE, value: '3/30/2012 7:00:00 AM' },
  { source: 'reference', expr: 'DateAdd("m", 10, CDate([StatusHireDate]))', input: HIRE, value: '1/16/2013 7:00:00 AM' },
  { source: 'reference', expr: 'DateAdd("yyyy", 2, CDate([StatusHireDate]))', input: HIRE, value: '3/16/2014 7:00:00 AM' },
  { source: 'HR guides: quoted number, Now()', expr: 'DateAdd("d", "10", Now())', now: NOW, value: '9/4/2021 5:41:18 PM' },
  { source: 'edge: month end is clamped', expr: 'DateAdd("m", 1, CDate("2021-01-31"))', value: '2/28/2021 12:00:00 AM' },
  { source: 'edge: the number is truncated', expr: 'DateAdd("h", 1.9, CDate("2021-01-31"))', value: '1/31/2021 1:00:00 AM' },
  { source: 'edge: unknown interval', expr: 'DateAdd("fortnight", 1, Now())', now: NOW, error: 'invalid-argument-value' },

  // ─── DateDiff (VB.NET rules; Now() = 8/25/2021 5:41:18 PM as in the reference)
  { source: 'reference', expr: 'DateDiff("d", CDate("2021-08-18+08:00"), CDate("2021-08-31+08:00"))', value: 13 },
  { source: 'reference', expr: 'DateDiff("d", Now(), CDate([StatusHireDate]))', input: HIRE, now: NOW, value: -3449 },
  { source: 'reference calendar weeks', expr: 'DateDiff("ww", Now(), CDate([StatusHireDate]))', input: HIRE, now: NOW, value: -493 },
  { source: 'reference', expr: 'DateDiff("m", Now(), CDate([StatusHireDate]))', input: HIRE, now: NOW, value: -113 },
  { source: 'reference', expr: 'DateDiff("yyyy", Now(), CDate([StatusHireDate]))', input: HIRE, now: NOW, value: -9 },
  { source: 'reference', expr: 'DateDiff("d", CDate("2021-08-31+08:00"), CDate("2021-08-31+08:00"))', value: 0 },
  { source: 'reference', expr: 'DateDiff("h", CDate("2021-08-24"), CDate("2021-08-25"))', value: 24 },
  { source: 'reference', expr: 'DateDiff("n", CDate("2021-08-24"), CDate("2021-08-25"))', value: 1440 },
  { source: 'reference', expr: 'DateDiff("s", CDate("2021-08-24"), CDate("2021-08-25"))', value: 86400 },
  { source: 'edge: ww counts the Sunday crossed', expr: 'DateDiff("ww", CDate("2021-08-21"), CDate("2021-08-22"))', value: 1 },
  { source: 'edge: w counts whole 7-day spans', expr: 'DateDiff("w", CDate("2021-08-21"), CDate("2021-08-22"))', value: 0 },
  { source: 'edge: yyyy counts boundaries', expr: 'DateDiff("yyyy", CDate("2021-12-31"), CDate("2022-01-01"))', value: 1 },
  {
    source: 'reference inside IIF',
    expr: 'Switch([Active], , "1", IIF(DateDiff("d", Now(), CDate([StatusHireDate])) > 5, "False", "True"), "0", "False")',
    input: { Active: '1', StatusHireDate: '2021-09-30-07:00' },
    now: NOW,
    value: 'False',
  },

  // ─── DateFromNum / NumFromDate (FILETIME, beyond 2^53)
  { source: 'reference', expr: 'DateFromNum(129699324000000000)', value: '1/1/2012 11:00:00 PM' },
  {
    source: 'edge: exact input number',
    expr: 'DateFromNum([lastLogonTimestamp])',
    input: { lastLogonTimestamp: 133835135990000001n },
    value: '2/8/2025 6:39:59 PM',
  },
  { source: 'edge: accountExpires "never"', expr: 'DateFromNum(9223372036854775807)', error: 'is not a date' },
  { source: 'recomputed', expr: 'NumFromDate("2025-12-31 23:59:59-05:00")', value: 134117171990000000n },
  {
    source: 'reference with -05:00 (catalogue example; recomputed)',
    expr: 'NumFromDate(Join("", FormatDateTime([ContractEndDate], , "yyyy-MM-ddzzz", "yyyy-MM-dd"), " 23:59:59-05:00"))',
    input: { ContractEndDate: '2025-12-31-05:00' },
    value: 134117171990000000n,
  },
  {
    source: 'reference (output not in the reference; computed)',
    expr: 'NumFromDate(Join("", FormatDateTime([ContractEndDate], ,"yyyy-MM-ddzzz", "yyyy-MM-dd"), " 23:59:59-08:00"))',
    input: { ContractEndDate: '2025-12-31-08:00' },
    value: 134117279990000000n,
  },
  { source: 'edge: round trip', expr: 'NumFromDate(DateFromNum(129699324000000000))', value: 129699324000000000n },
  { source: 'edge: not ISO 8601', expr: 'NumFromDate("31.12.2025")', error: 'is not an ISO 8601 date' },

  // ─── DefaultDomain
  {
    source: 'reference',
    expr: 'Join("@", [mailNickname], DefaultDomain())',
    input: { mailNickname: 'jdoe' },
    defaultDomain: 'contoso.com',
    value: 'jdoe@contoso.com',
  },
  { source: 'edge: no default domain', expr: 'DefaultDomain()', error: 'no default verified domain', errorColumn: 1 },

  // ─── FormatDateTime
  {
    source: 'reference',
    expr: 'FormatDateTime([extensionAttribute1], , "yyyyMMddHHmmss.fZ", "yyyy-MM-dd")',
    input: { extensionAttribute1: '20150123105347.1Z' },
    value: '2015-01-23',
  },
  {
    source: 'SuccessFactors guide, 4-argument form',
    expr: 'FormatDateTime([endDate], , "M/d/yyyy hh:mm:ss tt", "yyyy-MM-ddTHH:mm:ss")',
    input: { endDate: '12/31/2025 11:59:59 PM' },
    value: '2025-12-31T23:59:59',
  },
  {
    // Graph's old three-argument form, which schemas the service runs use: (source, inputFormat, outputFormat).
    source: "Graph's function list: the 3-argument form",
    expr: 'FormatDateTime([endDate], "M/d/yyyy hh:mm:ss tt", "yyyy-MM-dd")',
    input: { endDate: '12/31/2025 11:59:59 PM' },
    value: '2025-12-31',
  },
  {
    source: 'real schemas: the 3-argument form with an empty inputFormat and a DateTime source',
    expr: 'FormatDateTime(DateFromNum([pwdLastSet]), , "yyyyMMddHHmmss.0Z")',
    input: { pwdLastSet: '130543784930000000' },
    value: '20140905081453.0Z',
  },
  {
    source: 'edge: an offset converts to UTC (the service runs in UTC)',
    expr: 'FormatDateTime("2025-12-31+08:00", , "yyyy-MM-ddzzz", "yyyy-MM-dd")',
    value: '2025-12-30',
  },
  { source: 'edge: names', expr: 'FormatDateTime("2021-08-25", , "yyyy-MM-dd", "dddd, d MMMM yyyy")', value: 'Wednesday, 25 August 2021' },
  { source: 'edge: standard format', expr: 'FormatDateTime("20210825", , "yyyyMMdd", "o")', value: '2021-08-25T00:00:00.0000000' },
  { source: 'edge: no match', expr: 'FormatDateTime("2021/08/25", , "yyyy-MM-dd", "yyyyMMdd")', error: 'does not match the format' },

  // ─── Guid / RandomString (seeded)
  { source: 'reference', expr: 'Guid()', seed: 7, match: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/ },
  {
    source: 'reference',
    expr: 'RandomString(6,3,0,0,3)',
    seed: 1,
    match: /^(?=(?:\D*\d){3}\D*$)(?=(?:[^a-z]*[a-z]){3}[^a-z]*$)[0-9a-z]{6}$/,
  },
  {
    source: 'reference',
    expr: 'RandomString(10,2,2,2,1,"?,")',
    seed: 2,
    match: /^(?=(?:\D*\d){2})(?=(?:[^A-Z]*[A-Z]){2})(?=(?:[^a-z]*[a-z]){1})(?!.*[?,]).{10}$/,
  },
  { source: 'reference: at most 256', expr: 'RandomString(300,1,1,1,1)', error: 'between 1 and 256' },
  { source: 'edge: minimums exceed the length', expr: 'RandomString(3,2,2,0,0)', error: 'add up to 4' },

  // ─── IgnoreFlowIfNullOrEmpty
  { source: 'reference', expr: 'IgnoreFlowIfNullOrEmpty([department])', ignored: true },
  { source: 'reference', expr: 'IgnoreFlowIfNullOrEmpty([department])', input: { department: '' }, ignored: true },
  { source: 'reference', expr: 'IgnoreFlowIfNullOrEmpty([department])', input: { department: 'Sales' }, value: 'Sales' },
  {
    source: 'reference',
    expr: 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))',
    input: { prefix: '9999' },
    ignored: true,
  },
  {
    source: 'reference',
    expr: 'IgnoreFlowIfNullOrEmpty(Switch([prefix], "", "3443", "Dr.", "3444", "Prof.", "3445", "Prof. Dr."))',
    input: { prefix: '3444' },
    value: 'Prof.',
  },
  {
    source: 'Workday guide: IgnoreAttributeFlow',
    expr: 'IIF([StatusRehire]="1", IgnoreAttributeFlow, "new")',
    input: { StatusRehire: '1' },
    ignored: true,
  },

  // ─── IIF
  {
    source: 'reference',
    expr: 'IIF([country]="USA",[country],[department])',
    input: { country: 'USA', department: 'Sales' },
    value: 'USA',
  },
  {
    source: 'reference AND',
    expr: 'IIF([country]="USA",IIF([state]="CA","True","False"),"False")',
    input: { country: 'USA', state: 'CA' },
    value: 'True',
  },
  {
    source: 'reference OR',
    expr: 'IIF([country]="USA","True",IIF([state]="CA","True","False"))',
    input: { country: 'Canada', state: 'CA' },
    value: 'True',
  },
  { source: 'reference numeric comparison', expr: 'IIF([StatusRehire]=1, "rehire", "new")', input: { StatusRehire: '1' }, value: 'rehire' },
  {
    source: 'reference InStr(...)=0',
    expr: 'IIF(InStr([emailAddress],"@contoso.com")=0, "external", "internal")',
    input: { emailAddress: 'j@fabrikam.com' },
    value: 'external',
  },
  {
    source: 'reference: the condition check fails on null',
    expr: 'IIF([country]="USA", "a", "b")',
    error: 'condition check fails because [country] is null',
    errorColumn: 1,
  },
  {
    source: 'reference: unsupported IsPresent condition',
    expr: 'IIF(IsPresent([country]), "a", "b")',
    input: { country: '' },
    error: '[country] is empty',
  },
  { source: 'reference workaround', expr: 'Switch([country],[country],"","Other")', value: 'Other' },

  // ─── InStr
  { source: 'reference', expr: 'InStr("The quick brown fox","quick")', value: 5 },
  { source: 'reference', expr: 'InStr("repEated","e",3,vbBinaryCompare)', value: 7 },
  { source: 'edge: vbTextCompare ignores case', expr: 'InStr("The quick brown fox","QUICK",1,vbTextCompare)', value: 5 },
  { source: 'edge: vbTextCompare ignores width', expr: 'InStr("ＡＢＣ","abc",1,vbTextCompare)', value: 1 },
  { source: 'edge: vbBinaryCompare is case-sensitive', expr: 'InStr("The quick brown fox","QUICK",1,vbBinaryCompare)', value: 0 },
  { source: 'edge: start is 1-based', expr: 'InStr("abc","b",0)', error: 'start must be 1 or more' },

  // ─── Is* tests
  { source: 'reference', expr: 'IsNull([displayName])', value: true },
  { source: 'reference', expr: 'IsNull([displayName])', input: { displayName: '' }, value: false },
  { source: 'reference', expr: 'IsNullOrEmpty([displayName])', input: { displayName: '' }, value: true },
  { source: 'reference', expr: 'IsPresent([directManager])', input: { directManager: 'Jane' }, value: true },
  { source: 'reference', expr: 'IsPresent([directManager])', input: { directManager: '' }, value: false },
  { source: 'reference', expr: 'IsString([jobTitle])', input: { jobTitle: 'Dev' }, value: true },
  { source: 'edge', expr: 'IsString([jobTitle])', value: false },
  { source: 'legacy IsNothing', expr: 'IsNothing([jobTitle])', value: true },

  // ─── Item
  { source: 'reference', expr: 'Item([proxyAddresses], 1)', input: PROXIES, value: 'SMTP:john@contoso.com' },
  { source: 'reference: index 0', expr: 'Item([proxyAddresses], 0)', input: PROXIES, error: 'index is 1-based' },
  { source: 'edge: past the last value', expr: 'Item([proxyAddresses], 9)', input: PROXIES, value: null },

  // ─── Join
  { source: 'reference', expr: 'Join(", ", "", [surname], [givenName])', input: JOHN, value: 'Doe, John' },
  {
    source: 'reference multi-valued source',
    expr: 'Join(";", [proxyAddresses], "x")',
    input: { proxyAddresses: ['a', 'b'] },
    value: 'a;b;x',
  },
  { source: 'edge: null sources skipped', expr: 'Join("-", [a], "x", [b], "y")', value: 'x-y' },
  {
    source: 'recomputed (S11 prints "Tour Lead (TL-1001)")',
    expr: 'Join("", [title], "(", [JobCode], ")")',
    input: { title: 'Tour Lead', JobCode: 'TL-1001' },
    value: 'Tour Lead(TL-1001)',
  },

  // ─── Left / Len / Mid
  { source: 'reference', expr: 'Left("John Doe", 3)', value: 'Joh' },
  { source: 'reference', expr: 'Left("John Doe", 0)', value: '' },
  { source: 'reference', expr: 'Left("John Doe", -1)', value: 'John Doe' },
  { source: 'reference', expr: 'Left([givenName], 3)', value: '' },
  { source: 'reference', expr: 'Left("Jo", 3)', value: 'Jo' },
  { source: 'reference', expr: 'Len("John Doe")', value: 8 },
  { source: 'reference', expr: 'Len(42568)', value: 5 },
  { source: 'reference', expr: 'Len(42568.75)', value: 8 },
  { source: 'reference', expr: 'Len([LastName])', value: 0 },
  {
    source: 'reference',
    expr: 'IIF(Len([LastName]) <= 5, Left(Join("",[LastName],[FirstName]),10), Join("", Mid([LastName],1,9), Mid([FirstName],1,1)))',
    input: { FirstName: 'John', LastName: 'Smith' },
    value: 'SmithJohn',
  },
  {
    source: 'reference',
    expr: 'IIF(Len([LastName]) <= 5, Left(Join("",[LastName],[FirstName]),10), Join("", Mid([LastName],1,9), Mid([FirstName],1,1)))',
    input: { FirstName: 'John', LastName: 'Parker' },
    value: 'ParkerJ',
  },
  { source: 'reference', expr: 'Mid([userPrincipalName], 1, 8)', input: { userPrincipalName: 'jsmith@contoso.com' }, value: 'jsmith@c' },
  { source: 'reference', expr: 'Append(Mid([givenName], 1, 3), Mid([surname], 1, 5))', input: JOHN, value: 'JohDoe' },
  { source: 'HR guides: quoted numbers', expr: 'Mid([PreferredFirstName], "1", "1")', input: { PreferredFirstName: 'Maria' }, value: 'M' },
  { source: 'edge: start 0', expr: 'Join(",", Mid("abc", 0, 1))', error: 'start is 1-based', errorColumn: 11 },

  // ─── NormalizeDiacritics
  { source: 'reference', expr: 'NormalizeDiacritics([givenName])', input: { givenName: 'Zoë' }, value: 'Zoe' },
  { source: 'reference table', expr: 'NormalizeDiacritics("Ærøskøbing Straße Łódź")', value: 'AEroeskoebing Strasse Lodz' },
  {
    source: 'reference combining sequences',
    expr: 'NormalizeDiacritics([x])',
    input: { x: 'a\u0304\u0301 Zoe\u0308 u\u0307\u0304' },
    value: 'a Zoe u',
  },
  { source: 'reference: not in the table', expr: 'NormalizeDiacritics("œ đ þ")', value: 'œ đ þ' },

  // ─── Not / Now
  { source: 'reference', expr: 'Not([IsSoftDeleted])', input: { IsSoftDeleted: false }, value: true },
  { source: 'reference', expr: 'Not("True")', value: false },
  { source: 'reference: anything else gives True', expr: 'Not("yes")', value: true },
  { source: 'reference: null gives True', expr: 'Not([IsSoftDeleted])', value: true },
  { source: 'reference', expr: 'Now()', now: '2021-07-02T15:33:38Z', value: '7/2/2021 3:33:38 PM' },

  // ─── PCase
  { source: 'reference', expr: 'PCase([firstName])', input: { firstName: 'PABLO GONSALVES (SECOND)' }, value: 'Pablo Gonsalves (Second)' },
  { source: 'reference', expr: 'PCase([lastName]," \'-")', input: { lastName: "PINTO-DE'SILVA" }, value: "Pinto-De'Silva" },
  {
    source: 'reference',
    expr: 'PCase(Join(" ",[firstName],[lastName]))',
    input: { firstName: 'GREGORY', lastName: 'JAMES' },
    value: 'Gregory James',
  },
  { source: 'edge: ToTitleCase words (dash separates)', expr: 'PCase("jean-luc PICARD")', value: 'Jean-Luc Picard' },

  // ─── Redact / RemoveDuplicates
  {
    source: 'reference',
    expr: 'Redact([userPrincipalName])',
    input: { userPrincipalName: 'jsmith@contoso.com' },
    value: 'jsmith@contoso.com',
  },
  { source: 'reference', expr: 'Redact("StringToBeRedacted")', value: 'StringToBeRedacted' },
  {
    source: 'reference',
    expr: 'RemoveDuplicates([proxyAddresses])',
    input: PROXIES,
    value: ['SMTP:john@contoso.com', 'smtp:jd@contoso.com'],
  },

  // ─── Replace (.NET regular expressions)
  {
    source: 'reference mode 1',
    expr: 'Replace([BusinessTitle],"Product Developer", , , "Software Engineer", , )',
    input: { BusinessTitle: 'Product Developer' },
    value: 'Software Engineer',
  },
  {
    source: 'reference mode 1',
    expr: 'Replace([mail], "@contoso.com", , ,"", ,)',
    input: { mail: 'john.doe@contoso.com' },
    value: 'john.doe',
  },
  {
    source: 'reference mode 1 (Graph G2)',
    expr: 'Replace([preferredLanguage], "-", , , "_", , )',
    input: { preferredLanguage: 'EN-US' },
    value: 'EN_US',
  },
  {
    source: 'reference mode 2',
    expr: 'Replace([UserID],"<username>", , , , , "<username>@contoso.com")',
    input: { UserID: 'jsmith' },
    value: 'jsmith@contoso.com',
  },
  {
    source: 'reference mode 3',
    expr: 'Replace([telephoneNumber], , "\\\\+(?<isdCode>\\\\d* )(?<phoneNumber>\\\\d{10})", , "${phoneNumber}", , )',
    input: PHONES,
    value: '9998887777',
  },
  {
    source: 'reference mode 3',
    expr: 'Replace([mailNickname], , "[a-zA-Z_]*", , "", , )',
    input: { mailNickname: 'john_doe72' },
    value: '72',
  },
  {
    source: 'recomputed (the page prints 19998887777)',
    expr: String.raw`Replace([mobile], , "[()\\s-]+", , "", , )`,
    input: { mobile: '+1 (999) 888-7777' },
    value: '+19998887777',
  },
  {
    source: 'reference mode 4',
    expr: String.raw`Replace([AddressLineData], ,"(?<streetNumber>^\\d*)","streetNumber", "888", , )`,
    input: { AddressLineData: '545 Tremont Street' },
    value: '888 Tremont Street',
  },
  {
    source: 'reference mode 4',
    expr: 'Replace([userPrincipalName], , "(?<Suffix>@(.)*)", "Suffix", "", , )',
    input: { userPrincipalName: 'jsmith@contoso.com' },
    value: 'jsmith',
  },
  {
    source: 'reference mode 5',
    expr: String.raw`Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "phoneNumber" , , [mobile], )`,
    input: { telephoneNumber: '', mobile: '+91 8887779999' },
    value: '8887779999',
  },
  {
    source: 'reference mode 5: source has a value',
    expr: String.raw`Replace([telephoneNumber], , "\\+(?<isdCode>\\d* )(?<phoneNumber>\\d{10})", "phoneNumber" , , [mobile], )`,
    input: PHONES,
    value: '+91 9998887777',
  },
  { source: 'edge: .NET numbers unnamed groups first', expr: 'Replace("ab", , "(?<x>a)(b)", , "$1-$2-${x}", , )', value: 'b-a-a' },
  { source: 'edge: \\d is Unicode in .NET', expr: String.raw`Replace([x], , "\\d+", , "#", , )`, input: { x: '١٢٣abc' }, value: '#abc' },
  { source: 'edge: $ matches before a final newline', expr: 'Replace([x], , "b$", , "B", , )', input: { x: 'ab\n' }, value: 'aB\n' },
  { source: 'edge: leading inline option', expr: 'Replace("ABC", , "(?i)b", , "-", , )', value: 'A-C' },
  { source: 'edge: class subtraction', expr: 'Replace("education", , "[a-z-[aeiou]]", , "", , )', value: 'euaio' },
  { source: 'edge: atomic groups cannot be honoured', expr: 'Replace("aaa", , "(?>a+)", , "", , )', error: 'Atomic groups' },
  { source: 'edge: scoped inline options cannot be honoured', expr: 'Replace("aB", , "a(?i:b)", , "", , )', error: 'Inline options' },
  { source: 'edge: unknown group name', expr: 'Replace("ab", , "(?<x>a)", "y", "", , )', error: "no group named 'y'" },
  {
    source: 'recomputed (the Workday guide claims GBR)',
    expr: 'Switch(Replace([phone], , "\\\\+(?<isdCode>\\\\d* )(?<rest>\\\\d+)", , "${isdCode}", , ), "Other", "44", "GBR", "49", "DEU")',
    input: { phone: '+44 2071234567' },
    value: 'Other',
  },

  // ─── SelectUniqueValue
  {
    source: 'reference',
    expr: 'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 2), [PreferredLastName]))), "contoso.com"))',
    input: { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
    taken: ['John.Smith@contoso.com'],
    value: 'J.Smith@contoso.com',
  },
  {
    source: 'reference (catalogue example, two rules)',
    expr: 'SelectUniqueValue(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"), Join("@", NormalizeDiacritics(StripSpaces(Join(".", Mid([PreferredFirstName], 1, 1), [PreferredLastName]))), "contoso.com"))',
    input: { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
    taken: ['john.smith@contoso.com'],
    value: 'J.Smith@contoso.com',
  },
  {
    source: 'edge: taken values compare ignoring case',
    expr: 'SelectUniqueValue("a@x.com", "b@x.com")',
    taken: ['A@X.COM', 'B@x.com'],
    error: 'already taken',
  },
  { source: 'edge: nothing taken', expr: 'SelectUniqueValue("a@x.com", "b@x.com")', value: 'a@x.com' },

  // ─── Split / StripSpaces
  {
    source: 'reference',
    expr: 'Split([extensionAttribute5], ",")',
    input: { extensionAttribute5: 'PermissionSetOne,PermissionSetTwo' },
    value: ['PermissionSetOne', 'PermissionSetTwo'],
  },
  {
    source: 'recomputed (no trimming)',
    expr: 'Split([extensionAttribute5], ",")',
    input: { extensionAttribute5: 'PermissionSetOne, PermissionSetTwo' },
    value: ['PermissionSetOne', ' PermissionSetTwo'],
  },
  {
    source: 'reference idiom',
    expr: 'Split(Join(",", Append("smtp:", [mail]), Append("SMTP:", [userPrincipalName])), ",")',
    input: { mail: 'a@c.com', userPrincipalName: 'b@c.com' },
    value: ['smtp:a@c.com', 'SMTP:b@c.com'],
  },
  { source: 'reference', expr: 'StripSpaces([displayName])', input: { displayName: 'John van Doe' }, value: 'JohnvanDoe' },

  // ─── Switch
  {
    source: 'reference',
    expr: 'Switch([state], "Australia/Sydney", "NSW", "Australia/Sydney","QLD", "Australia/Brisbane", "SA", "Australia/Adelaide")',
    input: { state: 'QLD' },
    value: 'Australia/Brisbane',
  },
  {
    source: 'reference Boolean source as True/False',
    expr: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    input: { IsSoftDeleted: false },
    value: 'True',
  },
  {
    source: 'reference Boolean source as True/False',
    expr: 'Switch([IsSoftDeleted], , "False", "True", "True", "False")',
    input: { IsSoftDeleted: true },
    value: 'False',
  },
  {
    source: 'reference case-sensitive',
    expr: 'Switch(ToLower([statusFlag]), "0", "true", "1", "false", "0")',
    input: { statusFlag: 'TRUE' },
    value: '1',
  },
  { source: 'reference key "" matches null', expr: 'Switch([statusFlag], "Default Value", "true", "1", "", "0")', value: '0' },
  {
    source: 'reference default',
    expr: 'Switch([statusFlag], "Default Value", "true", "1", "", "0")',
    input: { statusFlag: 'x' },
    value: 'Default Value',
  },
  { source: 'reference', expr: 'Switch([country], [country], "", "Other")', input: { country: '' }, value: 'Other' },
  { source: 'edge: no match, no default', expr: 'Switch([state], , "NSW", "x")', input: { state: 'QLD' }, value: null },
  {
    source: 'reference (S4 form)',
    expr: 'Switch(IsPresent([jobTitle]), "DefaultValue", "True", [jobTitle])',
    input: { jobTitle: 'Dev' },
    value: 'Dev',
  },

  // ─── ToLower / ToUpper
  {
    source: 'reference',
    expr: 'ToLower(Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com"))',
    input: { PreferredFirstName: 'John', PreferredLastName: 'Smith' },
    value: 'john.smith@contoso.com',
  },
  {
    source: 'recomputed (the guide prints lower case without ToLower)',
    expr: 'Join("@", NormalizeDiacritics(StripSpaces(Join(".", [PreferredFirstName], [PreferredLastName]))), "contoso.com")',
    input: { PreferredFirstName: 'María José', PreferredLastName: 'González' },
    value: 'MariaJose.Gonzalez@contoso.com',
  },
  { source: 'catalogue', expr: 'ToUpper([mailNickname])', input: { mailNickname: 'jsmith' }, value: 'JSMITH' },
  { source: 'edge: culture', expr: 'ToLower("İSTANBUL", "tr-TR")', value: 'istanbul' },
  { source: 'edge: culture', expr: 'ToUpper("istanbul", "tr-TR")', value: 'İSTANBUL' },
  { source: 'edge: invariant keeps ß', expr: 'ToUpper("Straße")', value: 'STRAßE' },

  // ─── Word
  { source: 'reference', expr: 'Word("The quick brown fox",3," ")', value: 'brown' },
  { source: 'reference', expr: 'Word("This,string!has&many separators",3,",!&#")', value: 'has' },
  { source: 'reference', expr: 'Word("The quick brown fox",0," ")', value: '' },
  { source: 'reference', expr: 'Word([x],1," ")', value: '' },
  { source: 'reference', expr: 'Word("The quick",5," ")', value: '' },

  // ─── in schemas the service runs (docs/real-schemas.md)
  { source: 'real schemas: Trim', expr: 'Trim([extensionAttribute3])', input: { extensionAttribute3: '  A 1  ' }, value: 'A 1' },
  { source: 'real schemas: Trim of null', expr: 'IsNull(Trim([extensionAttribute3]))', value: true },
  {
    source: 'real schemas: Error',
    expr: 'IIF([country]="US", "us", Error("no country"))',
    input: { country: 'FR' },
    error: 'the flow stops with the message "no country"',
  },

  // ─── legacy names
  { source: 'reference Prepend', expr: 'Prepend("SMTP:", [mail])', input: { mail: 'a@c.com' }, value: 'SMTP:a@c.com' },
  { source: 'reference AppRoleAssignments', expr: 'AppRoleAssignments([appRoleAssignments])', input: ROLES, error: 'legacy function' },

  // ─── whole-expression forms, syntax and check errors
  { source: 'reference bare attribute', expr: '[mail]', input: { mail: 'a@c.com' }, value: 'a@c.com' },
  { source: 'reference bare constant', expr: '"Contoso"', value: 'Contoso' },
  { source: 'edge: HR attribute absent = null', expr: 'IsNull([PreferredFirstName])', value: true },
  {
    source: 'edge: check error (unknown function)',
    expr: 'Swtich([mail], "a", "b", "c")',
    error: "Did you mean 'Switch'?",
    errorColumn: 1,
  },
  { source: 'edge: check error (attribute case)', expr: 'Join(",", [Mail])', error: '[mail]', errorColumn: 12 },
  { source: 'edge: syntax error', expr: 'Join(",", [mail]', error: '', errorColumn: 17 },
];

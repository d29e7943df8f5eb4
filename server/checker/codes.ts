/**
 * Every diagnostic code aadmap reports, with its default severity and a one-line description.
 * Codes are stable (tests outside the repository match on them); docs/diagnostics.md is generated from
 * this list (`npm run docs:diagnostics`, server/checker/diagnostics-reference.ts) and a test fails when it is stale.
 */
import type { Severity } from '../../grammar/common/syntax-diagnostic';

export interface DiagnosticCodeInfo {
  severity: Severity;
  description: string;
}

export const CHECKER_CODES = {
  // Syntax shared by the grammars (reported by the parsers).
  'syntax-error': { severity: 'error', description: 'The text does not follow the grammar; the message says what was expected.' },
  'empty-expression': { severity: 'error', description: 'An expression is required but the text is empty.' },
  'unterminated-string': { severity: 'error', description: 'A string has no closing double quote on its line.' },
  'unterminated-attribute': { severity: 'error', description: "An attribute reference has no closing ']' on its line." },
  'unknown-escape': {
    severity: 'warning',
    description: 'A backslash sequence other than \\\\ and \\" in a string; it is kept as written.',
  },
  'duplicate-modifier': { severity: 'error', description: 'The same modifier (match, default, …) appears twice on one mapping line.' },
  'internal-error': { severity: 'error', description: 'A bug in aadmap; the input is reported instead of crashing. Please report it.' },

  // Expressions.
  'unknown-function': { severity: 'error', description: 'No function of that name exists; the message suggests the closest names.' },
  'function-case': { severity: 'error', description: 'Function names are case-sensitive: `switch` must be written `Switch`.' },
  'legacy-function': {
    severity: 'warning',
    description:
      "The function is not in Microsoft's current reference: Graph's old list (AppRoleAssignments, IsNothing, Prepend) warns; Trim, Error and functions the job's function list names get an information note.",
  },
  'argument-count': { severity: 'error', description: 'Too few or too many arguments for the function (Switch needs key/value pairs).' },
  'missing-argument': { severity: 'error', description: 'A required argument position is left empty.' },
  'argument-type': {
    severity: 'error',
    description: 'An argument has the wrong type, e.g. a non-numeric string where Mid expects a number.',
  },
  'invalid-argument-value': {
    severity: 'error',
    description: 'An argument is not one of the accepted values (DateAdd intervals, InStr compare types, cultures).',
  },
  'date-argument': { severity: 'warning', description: 'A DateTime parameter is given text; wrap it in CDate() (or use Now()).' },
  'multivalued-argument': {
    severity: 'warning',
    description: 'The function reads a multi-valued attribute but gets a single-valued one, or the reverse.',
  },
  'unknown-attribute': {
    severity: 'error',
    description: 'The source attribute is not in the source schema; the message suggests close names.',
  },
  'attribute-case': {
    severity: 'error',
    description: 'Source attribute names are case-sensitive: `[UserPrincipalName]` must be `[userPrincipalName]`.',
  },
  'comparison-outside-condition': {
    severity: 'error',
    description: 'Comparison operators (= <> < <= > >=) are only allowed in IIF conditions and CBool arguments.',
  },
  'unknown-identifier': {
    severity: 'error',
    description: 'A bare name that is not a function call: only vbTextCompare/vbBinaryCompare (InStr) are allowed.',
  },
  'flow-keyword': {
    severity: 'warning',
    description:
      'IgnoreAttributeFlow/IgnoreObjectFlow appear only in the Workday guide; support outside HR inbound provisioning is not documented.',
  },
  'select-unique-value-nested': { severity: 'error', description: 'SelectUniqueValue must be the whole expression; it cannot be nested.' },
  'select-unique-value-usage': {
    severity: 'warning',
    description:
      'SelectUniqueValue is only supported for Workday/SuccessFactors/API-driven → Active Directory, without a matching priority, on create only.',
  },
  'role-function-argument': {
    severity: 'error',
    description: 'Role functions (SingleAppRoleAssignment, AppRoleAssignmentsComplex, …) take exactly [appRoleAssignments].',
  },
  'app-role-assignments-direct': {
    severity: 'warning',
    description: '[appRoleAssignments] mapped without a role function; use SingleAppRoleAssignment or AppRoleAssignmentsComplex.',
  },
  'ignore-flow-placement': {
    severity: 'error',
    description: 'IgnoreFlowIfNullOrEmpty is a flow-control wrapper: not an IIF condition; wrap the whole expression instead.',
  },
  'switch-reference-source': {
    severity: 'warning',
    description: 'Switch compares strings; it does not work on reference attributes such as manager.',
  },
  'switch-boolean-source': {
    severity: 'warning',
    description: 'IsPresent/IsNull/IsNullOrEmpty as the Switch source: use an empty-string key instead.',
  },
  'iif-null-condition': {
    severity: 'warning',
    description: 'An IIF condition that tests an attribute for null or empty fails when it is null; use Switch([x], [x], "", "…").',
  },
  'expression-too-long': { severity: 'error', description: 'A mapping expression may hold at most 10,000 characters.' },

  // Mapping files.
  'unknown-target': {
    severity: 'error',
    description: "`target` names no built-in schema (only 'chatwork'), or its schema file cannot be read.",
  },
  'duplicate-target-statement': { severity: 'error', description: 'A file has one `target` statement.' },
  'invalid-deploy-target': {
    severity: 'error',
    description: 'A `deploy` field is unknown, repeated or malformed (tenant id or domain, servicePrincipal GUID, job id).',
  },
  'duplicate-deploy-statement': { severity: 'error', description: 'A file has one `deploy` statement.' },
  'unknown-object': { severity: 'error', description: 'The source or target object of a mapping block is not in the schema.' },
  'unknown-target-attribute': {
    severity: 'error',
    description: 'The target attribute is not in the target schema; the message suggests close names.',
  },
  'target-attribute-case': { severity: 'warning', description: 'The target attribute is spelled with a different case than the schema.' },
  'target-type-mismatch': {
    severity: 'error',
    description:
      'The source cannot produce the target\'s type, e.g. a Boolean target (Chatwork active) fed a string other than "True"/"False".',
  },
  'non-filterable-matching-attribute': {
    severity: 'error',
    description: 'A matching attribute must be one the target can filter on; for Chatwork only userName.',
  },
  'duplicate-matching-priority': { severity: 'error', description: 'Two mappings of one block have the same matching precedence.' },
  'invalid-matching-priority': { severity: 'error', description: '`match` takes a whole number from 1 up.' },
  'no-matching-attribute': {
    severity: 'warning',
    description: 'An enabled object mapping without a matching attribute cannot join existing target objects.',
  },
  'duplicate-target-attribute': { severity: 'error', description: 'Two mappings of one block write the same target attribute.' },
  'invalid-attribute-declaration': {
    severity: 'error',
    description:
      'An `attribute` declaration has an unknown or missing type, an unknown flag, a flag with the wrong number of values, or `remove` with other words (docs/custom-attributes.md).',
  },
  'duplicate-attribute-declaration': { severity: 'error', description: 'A block declares the same attribute twice.' },
  'conflicting-attribute-declaration': {
    severity: 'error',
    description: 'A declaration repeats an attribute of the schema with other properties (type, required, multi-valued, case, references).',
  },
  'redundant-attribute-declaration': {
    severity: 'warning',
    description: 'A declaration repeats an attribute of the schema exactly: it changes nothing.',
  },
  'removed-attribute-in-use': {
    severity: 'error',
    description: 'An attribute declared with `remove` is still written or read by a mapping of the block.',
  },
  'missing-required-attribute': { severity: 'error', description: 'A required target attribute (Chatwork: userName) has no mapping.' },
  'invalid-flow-type': {
    severity: 'error',
    description: 'flowType must be Always, ObjectAddOnly, MultiValueAddOnly, ValueAddOnly or AttributeAddOnly.',
  },
  'invalid-flow-behavior': { severity: 'error', description: 'flowBehavior must be FlowWhenChanged or FlowAlways.' },
  'conflicting-flow-type': { severity: 'error', description: '`on create` and `flowType` both set the flow type.' },
  'invalid-object-flow-types': { severity: 'error', description: 'flowTypes takes Add, Update, Delete (each once) or None alone.' },
  'duplicate-setting': { severity: 'error', description: '`enabled` or `flowTypes` appears twice in one block.' },
  'none-without-default': { severity: 'warning', description: 'A `none` source without a default value writes nothing.' },
  'duplicate-object-mapping': { severity: 'warning', description: 'Two mapping blocks have the same name.' },

  // Scoping filters.
  'unknown-scope-operator': {
    severity: 'warning',
    description: 'A custom `operator "NAME"` is sent to Graph as written; aadmap cannot check it.',
  },
  'scope-operator-arity': {
    severity: 'error',
    description: 'Unary operators (IS TRUE, IS NULL, …) take no value; the others take one or more.',
  },
  'unquoted-scope-value': {
    severity: 'error',
    description: 'A scoping value is a quoted string: `[department] EQUALS "Tokyo"`, not `EQUALS Tokyo`.',
  },
  'scope-attribute-not-supported': {
    severity: 'error',
    description: 'Scoping filters cannot use multi-valued, reference or date attributes, appRoleAssignments, manager or userType.',
  },
  'scope-value-type': { severity: 'error', description: 'Greater_Than and Greater_Than_OR_EQUALS compare integers.' },
  'invalid-regex': { severity: 'error', description: 'The pattern of REGEX MATCH / NOT REGEX MATCH is not a valid regular expression.' },
  'duplicate-scope-name': { severity: 'warning', description: 'Two scope groups of one block have the same name.' },

  // SCIM filters checked against the target schema.
  'non-filterable-attribute': {
    severity: 'error',
    description: 'The filter uses an attribute the target cannot filter on (Chatwork: everything but userName).',
  },
  'unknown-filter-attribute': { severity: 'warning', description: 'The filter uses an attribute that is not in the target schema.' },
} satisfies Record<string, DiagnosticCodeInfo>;

export type CheckerCode = keyof typeof CHECKER_CODES;

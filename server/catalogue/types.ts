/**
 * The shape of the function catalogue. One entry per function of the attribute-mapping expression
 * language; completion, hover, signature help, inlay hints, the checker, the evaluator and the
 * Graph serializer all read the same entries.
 */

/** Value types of the expression language (Graph's attributeType plus the documented extras). */
export type ValueType = 'String' | 'Boolean' | 'Integer' | 'Number' | 'DateTime' | 'Reference' | 'Binary' | 'Any';

export interface ParameterSpec {
  /** The documented name, shown in signature help and inlay hints (e.g. `oldValue`). */
  name: string;
  /** The key Graph uses in `attributeMappingSource.parameters` (e.g. `Find` for Replace's oldValue). */
  key: string;
  type: ValueType;
  /** An optional parameter may be left empty (`Switch([x], , "a", "b")`) or, when trailing, left out. */
  optional: boolean;
  /**
   * The trailing parameters marked `repeating` form a group that repeats as a whole: Join's
   * `source`, Switch's `key`/`value` pair, Coalesce's `source`.
   */
  repeating?: boolean;
  /** The argument may be (or must be) multi-valued, e.g. Count's and Item's attribute. */
  multiValued?: 'accepted' | 'required';
  /**
   * Closed set of accepted values. `string`: a string constant such as DateAdd's `"d"`;
   * `identifier`: a bare identifier such as InStr's `vbTextCompare`.
   */
  allowed?: { form: 'string' | 'identifier'; values: readonly string[]; caseSensitive: boolean };
  /** One line: what the parameter means. */
  doc: string;
  /**
   * A required parameter whose position schemas the service runs leave empty (`IIF(c, x, )`): the
   * checker warns instead of reporting an error. The text says what is known about that form.
   */
  emptyInServiceSchemas?: string;
}

/** An argument count the service runs although the reference documents another (docs/real-schemas.md). */
export interface ServiceForm {
  argumentCount: number;
  /** How the arguments of this form bind, position by position (keys included: export builds the Graph tree from them). */
  parameters: readonly ParameterSpec[];
  /** The warning's sentence: where the form comes from and the documented form to prefer. */
  note: string;
}

export interface FunctionSignature {
  /** Exact spelling; the service is case-sensitive. */
  name: string;
  parameters: readonly ParameterSpec[];
  /** Minimum number of repetitions of the repeating group (0 when there is none). */
  minRepeats: number;
  returns: ValueType;
  /** The result is multi-valued (Split, RemoveDuplicates, AppRoleAssignmentsComplex). */
  returnsMultiValued?: boolean;
  /** One sentence. */
  summary: string;
  /** Longer documentation in Markdown (semantics, null handling, caveats). */
  details?: string;
  /**
   * Documented examples: expression, input description, output. An input or output in words is
   * shown through `localized` (test/l10n/data-messages.ts lists them); the expression is code.
   */
  examples: readonly { expression: string; input?: string; output: string }[];
  /** Link to the Microsoft reference section. */
  docUrl: string;
  /**
   * `current`: in Microsoft's public reference. `legacy`: only in Graph's old function list; the
   * checker warns. `service`: in no public reference, but schemas the service runs use it; the
   * checker notes it (information). `tenant`: known only from a job's function list
   * (`GET …/schema/functions`, kept beside the pulled schema). A job's list also confirms a legacy
   * or service function, which then gets the note too instead of the warning.
   */
  status: 'current' | 'legacy' | 'service' | 'tenant';
  /** Argument counts the service runs besides the documented ones (checked with a warning). */
  serviceForms?: readonly ServiceForm[];
  /** Returns a different value on each call (Guid, RandomString, Now). */
  nonDeterministic?: boolean;
}

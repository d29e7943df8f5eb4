/**
 * A job's own function list (`GET …/synchronization/jobs/{id}/schema/functions`, an
 * attributeMappingFunctionSchema collection) merged with the built-in catalogue. The service is the
 * authority on what it runs: every function the list names is known, with the list's parameters when
 * the built-in catalogue does not describe it. `aadmap pull` keeps the list beside the schema file
 * (`job.schema.json` → `job.functions.json`); see docs/real-schemas.md.
 *
 * Shapes: https://learn.microsoft.com/en-us/graph/api/resources/attributemappingfunctionschema and
 * https://learn.microsoft.com/en-us/graph/api/resources/attributemappingparameterschema
 */
import { FUNCTIONS } from './functions';
import type { FunctionSignature, ParameterSpec, ValueType } from './types';
import { t } from '../../grammar/common/l10n';

/** Where consumers that may know a job's functions look names up. */
export interface FunctionCatalogue {
  /** The function with exactly this name (the service is case-sensitive). */
  lookup(name: string): FunctionSignature | undefined;
  /** The function whose name matches ignoring case. */
  lookupIgnoreCase(name: string): FunctionSignature | undefined;
  /** Every known name (for did-you-mean). */
  names(): readonly string[];
  /** Every known function, the built-in ones first (completion lists them). */
  signatures(): readonly FunctionSignature[];
  /** The function list's file, when the catalogue holds one (named in diagnostics). */
  listFile?: string;
}

function catalogueOf(functions: readonly FunctionSignature[], listFile?: string): FunctionCatalogue {
  const byName = new Map(functions.map((f) => [f.name, f]));
  const byLowerName = new Map(functions.map((f) => [f.name.toLowerCase(), f]));
  const names = functions.map((f) => f.name);
  return {
    lookup: (name) => byName.get(name),
    lookupIgnoreCase: (name) => byLowerName.get(name.toLowerCase()),
    names: () => names,
    signatures: () => functions,
    ...(listFile === undefined ? {} : { listFile }),
  };
}

/** The built-in catalogue alone. */
export const BUILTIN_CATALOGUE: FunctionCatalogue = catalogueOf(FUNCTIONS);

/** `job.schema.json` → `job.functions.json`; `other.json` → `other.functions.json`. */
export function functionListPathFor(schemaPath: string): string {
  const base = schemaPath.replace(/\.schema\.json$/i, '').replace(/\.json$/i, '');
  return `${base}.functions.json`;
}

const VALUE_TYPES: readonly ValueType[] = ['String', 'Boolean', 'Integer', 'Number', 'DateTime', 'Reference', 'Binary'];

export interface FunctionListReadResult {
  functions: FunctionSignature[];
  problems: string[];
}

/**
 * Reads a function list: the Graph response (`{ "value": [...] }`) or the bare array. Tolerant:
 * entries without a name are skipped and reported, unknown parameter types read as Any.
 */
export function readFunctionList(json: unknown): FunctionListReadResult {
  const problems: string[] = [];
  const functions: FunctionSignature[] = [];
  const entries = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.value) ? json.value : undefined;
  if (!entries) return { functions, problems: ['a function list is a JSON array or an object with a "value" array'] };
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const name = isRecord(entry) ? (typeof entry.name === 'string' ? entry.name : typeof entry.id === 'string' ? entry.id : '') : '';
    if (!isRecord(entry) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      problems.push(`function ${i + 1} has no usable name; it was skipped`);
      return;
    }
    if (seen.has(name)) return;
    seen.add(name);
    const raw = Array.isArray(entry.parameters) ? entry.parameters.filter(isRecord) : [];
    const parameters: ParameterSpec[] = raw.map((p, j) => {
      const pname = typeof p.name === 'string' && /^[A-Za-z][A-Za-z0-9_]*$/.test(p.name) ? p.name : `parameter${j + 1}`;
      const type = VALUE_TYPES.find((t) => t === p.type) ?? 'Any';
      return {
        name: pname,
        key: pname,
        type,
        optional: p.required !== true,
        // Only a trailing run of repeating parameters can repeat positionally.
        ...(p.allowMultipleOccurrences === true && raw.slice(j).every((q) => q.allowMultipleOccurrences === true)
          ? { repeating: true }
          : {}),
        doc:
          p.required === true
            ? t("From the job's function list ({0}, required).", type)
            : t("From the job's function list ({0}, optional).", type),
      };
    });
    const group = parameters.filter((p) => p.repeating);
    functions.push({
      name,
      parameters,
      minRepeats: group.length > 0 ? 1 : 0,
      returns: 'Any',
      summary: t("Known from the job's function list (GET …/schema/functions); Microsoft's public reference does not describe it."),
      examples: [],
      docUrl: 'https://learn.microsoft.com/en-us/entra/identity/app-provisioning/functions-for-customizing-application-data',
      status: 'tenant',
    });
  });
  return { functions, problems };
}

/**
 * The built-in catalogue plus a job's list. A built-in function keeps its richer description; when
 * it is one the reference does not list (legacy or service), the job's list confirms it and its
 * status becomes `tenant` (an information note instead of a warning). A function only the list
 * names is known with the list's parameters.
 */
export function catalogueWithFunctionList(list: readonly FunctionSignature[], listFile?: string): FunctionCatalogue {
  const listed = new Map(list.map((f) => [f.name, f]));
  const merged = FUNCTIONS.map((f) => (f.status !== 'current' && listed.has(f.name) ? { ...f, status: 'tenant' as const } : f));
  const builtin = new Set(FUNCTIONS.map((f) => f.name));
  for (const f of list) if (!builtin.has(f.name)) merged.push(f);
  return catalogueOf(merged, listFile);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

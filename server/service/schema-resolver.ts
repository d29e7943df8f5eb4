/**
 * Resolving `target …` to schemas. The language service does no I/O: reading a schema file is the
 * job of a SchemaFileReader the host provides (the Node one lives in server/node/).
 */
import type { MappingFile } from '../../grammar/mapping/ast';
import { catalogueWithFunctionList, functionListPathFor, readFunctionList, suggestNames, type FunctionCatalogue } from '../catalogue/index';
import { didYouMean, type DiagnosticSink } from '../checker/diagnostic';
import type { ResolvedSchemas } from '../checker/mapping/context';
import { BUILTIN_SOURCE, BUILTIN_TARGETS, CHATWORK } from '../schema/index';
import { readGraphSchema } from '../schema/graph-schema';
import { t } from '../../grammar/common/l10n';

export type SchemaFileResult = { json: unknown } | { error: string };

export interface SchemaFileReader {
  /** Reads and JSON-parses `path` (relative paths are relative to the document). */
  readJson(path: string, documentUri: string): SchemaFileResult;
}

/** For hosts without a file system: every schema file is unreadable. */
const noSchemaFilesError = 'schema files cannot be read here';

export const noSchemaFiles: SchemaFileReader = {
  readJson: () => ({ error: noSchemaFilesError }),
};

export const DEFAULT_TARGET = CHATWORK;

export function resolveSchemas(file: MappingFile, documentUri: string, reader: SchemaFileReader, sink: DiagnosticSink): ResolvedSchemas {
  const statement = file.targets[0];
  const value = statement?.value;
  if (!statement || !value) return { source: BUILTIN_SOURCE, target: statement ? undefined : DEFAULT_TARGET };
  if (!value.quoted) {
    const builtin = BUILTIN_TARGETS.get(value.text);
    if (builtin) return { source: BUILTIN_SOURCE, target: builtin };
    const known = [...BUILTIN_TARGETS.keys()];
    const suggestions = suggestNames(value.text, known);
    sink.report(
      'unknown-target',
      value,
      `'${value.text}' is not a built-in target (built in: ${known.join(', ')}); for another app write target "schema.json" (a Graph synchronizationSchema).${didYouMean(suggestions)}`,
      { suggestions },
    );
    return { source: BUILTIN_SOURCE };
  }
  const result = reader.readJson(value.text, documentUri);
  if ('error' in result) {
    sink.report('unknown-target', value, `Cannot read the target schema "${value.text}": ${result.error}`);
    return { source: BUILTIN_SOURCE };
  }
  const read = readSchemaOnce(result.json, value.text);
  if (!read.target) {
    sink.report(
      'unknown-target',
      value,
      `"${value.text}" holds no target directory: ${read.problems.join('; ') || 'not a Graph synchronizationSchema'}`,
    );
    return { source: read.source ?? BUILTIN_SOURCE };
  }
  const functions = jobFunctions(value.text, documentUri, reader, sink, value);
  return { source: read.source ?? BUILTIN_SOURCE, target: read.target, ...(functions ? { functions } : {}) };
}

/**
 * The job's function list kept beside the schema file (`aadmap pull` writes it; docs/real-schemas.md):
 * `job.schema.json` → `job.functions.json`. No such file is the normal case: the built-in catalogue
 * alone is used. A file that cannot be read is a warning, never an error.
 */
function jobFunctions(
  schemaPath: string,
  documentUri: string,
  reader: SchemaFileReader,
  sink: DiagnosticSink,
  at: { start: number; end: number },
): FunctionCatalogue | undefined {
  const path = functionListPathFor(schemaPath);
  const result = reader.readJson(path, documentUri);
  if ('error' in result) {
    if (!result.error.startsWith('no such file') && result.error !== noSchemaFilesError)
      sink.report(
        'unknown-target',
        at,
        t('The job\'s function list "{0}" cannot be read ({1}); only the built-in functions are known.', path, result.error),
        {
          severity: 'warning',
        },
      );
    return undefined;
  }
  if (typeof result.json !== 'object' || result.json === null) {
    sink.report('unknown-target', at, t('"{0}" is not a function list; only the built-in functions are known.', path), {
      severity: 'warning',
    });
    return undefined;
  }
  let read = catalogues.get(result.json);
  if (!read) {
    const list = readFunctionList(result.json);
    read = { catalogue: catalogueWithFunctionList(list.functions, path), problems: list.problems };
    catalogues.set(result.json, read);
  }
  // Reported on every analysis, like the schema's own problems: the diagnostics do not depend on the cache.
  if (read.problems.length)
    sink.report('unknown-target', at, `The job's function list "${path}": ${read.problems.join('; ')}.`, { severity: 'warning' });
  return read.catalogue;
}

/** One catalogue per parsed function list (readers return the same object while the file is unchanged). */
const catalogues = new WeakMap<object, { catalogue: FunctionCatalogue; problems: string[] }>();

/**
 * readGraphSchema, once per parsed JSON document (readers return the same object while the file is
 * unchanged): the same schema objects on every analysis let incremental diagnostics keep the checks
 * of unchanged blocks.
 */
const readSchemas = new WeakMap<object, Map<string, ReturnType<typeof readGraphSchema>>>();

function readSchemaOnce(json: unknown, id: string): ReturnType<typeof readGraphSchema> {
  if (typeof json !== 'object' || json === null) return readGraphSchema(json, id);
  let byId = readSchemas.get(json);
  if (!byId) readSchemas.set(json, (byId = new Map()));
  let read = byId.get(id);
  if (!read) byId.set(id, (read = readGraphSchema(json, id)));
  return read;
}

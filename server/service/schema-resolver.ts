/**
 * Resolving `target …` to schemas. The language service does no I/O: reading a schema file is the
 * job of a SchemaFileReader the host provides (the Node one lives in server/node/).
 */
import type { MappingFile } from '../../grammar/mapping/ast';
import { parseMappingFile } from '../../grammar/mapping/index';
import { catalogueWithFunctionList, functionListPathFor, readFunctionList, suggestNames, type FunctionCatalogue } from '../catalogue/index';
import { DiagnosticSink, didYouMean } from '../checker/diagnostic';
import type { ResolvedSchemas } from '../checker/mapping/context';
import { BUILTIN_SOURCE, BUILTIN_TARGETS, CHATWORK } from '../schema/index';
import { readGraphSchema } from '../schema/graph-schema';
import { joinSentences, t } from '../../grammar/common/l10n';

/** `pending`: a reader that reads in the background has not finished reading the file yet. */
export type SchemaFileResult = { json: unknown } | { error: string } | { pending: true };

export interface SchemaFileReader {
  /** Reads and JSON-parses `path` (relative paths are relative to the document). */
  readJson(path: string, documentUri: string): SchemaFileResult;
}

/**
 * A reader that reads off the caller's thread (the language server's: server/node/schema-file-reader.ts).
 * `readJson` answers at once from what was read, and starts a read (or a check that the file is
 * unchanged) in the background; the host waits for it where an answer can wait, and analyses again
 * when a file turns out to have changed.
 */
export interface BackgroundSchemaFileReader extends SchemaFileReader {
  /** Reads the analyses of `documentUri` started are still running. */
  busy(documentUri: string): boolean;
  /** Waits at most `timeoutMs` for the reads the analyses of `documentUri` started; true when none is left. */
  settled(documentUri: string, timeoutMs: number): Promise<boolean>;
  /** Called when a read ends with another result than the one answered before. */
  onDidChange(listener: () => void): void;
  /** The files may have changed (a watched-file event): the next `readJson` of each checks it again. */
  invalidate(): void;
}

/**
 * Waits until every schema file `text`'s target statement names (the schema, then the job's function
 * list beside it) has been read by a background reader, at most `timeoutMs` in all. True when all were read.
 */
export async function schemaFilesRead(text: string, uri: string, reader: SchemaFileReader, timeoutMs: number): Promise<boolean> {
  const background = reader as Partial<BackgroundSchemaFileReader>;
  if (typeof background.settled !== 'function') return true;
  const deadline = Date.now() + timeoutMs;
  const statement = /^[ \t]*target\b[^\r\n]*/m.exec(text);
  const file = parseMappingFile(statement ? statement[0] : '').ast;
  // The function list is asked for only once the schema was read: two rounds at most, a third to be sure.
  for (let round = 0; round < 3; round++) {
    resolveSchemas(file, uri, reader, new DiagnosticSink());
    if (!(await background.settled(uri, Math.max(0, deadline - Date.now())))) return false;
  }
  return true;
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
      joinSentences(
        t(
          '\'{0}\' is not a built-in target (built in: {1}); for another app write target "schema.json" (a Graph synchronizationSchema).',
          value.text,
          known.join(', '),
        ),
        didYouMean(suggestions),
      ),
      { suggestions },
    );
    return { source: BUILTIN_SOURCE };
  }
  const result = reader.readJson(value.text, documentUri);
  if ('pending' in result) {
    // The checks that need the schema wait for it (the host analyses again once it is read).
    sink.report('unknown-target', value, t('Reading the target schema "{0}"…; the checks that need it run once it is read.', value.text), {
      severity: 'info',
    });
    return { source: BUILTIN_SOURCE };
  }
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
  // Still being read: the built-in functions until it is (the host analyses again then).
  if ('pending' in result) return undefined;
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

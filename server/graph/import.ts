/**
 * Graph synchronizationSchema JSON → `.aadmap` text (`aadmap import`, `aadmap pull`).
 *
 * The text holds a `target` statement (the caller's choice: `chatwork`, or a schema file), an
 * optional `deploy` statement, and one mapping block per object mapping of every rule. Nothing is
 * lost silently: the text is read back and exported onto the same schema, and anything that does
 * not come back identical is reported as a problem (the caller refuses to write the file).
 */
import { encodeExpressionString } from '../../grammar/expression/index';
import { parseMappingFile } from '../../grammar/mapping/index';
import { CHATWORK } from '../schema/chatwork';
import { findTargetAttribute } from '../schema/lookup';
import type { DeployTarget } from './deploy-target';
import { exportSchema } from './export';
import { deepEqual, isRecord } from './json';
import { viewSchema, viewText } from './mapping-view';

export interface ImportOptions {
  /** `{ builtin: 'chatwork' }`, `{ path: 'schema.json' }` (written quoted), or none for no target statement. */
  target?: { builtin: string } | { path: string };
  deploy?: DeployTarget;
  /** Comment lines for the top of the file (without `#`). */
  header?: readonly string[];
}

export interface ImportResult {
  text: string;
  problems: string[];
}

export function importSchema(schema: unknown, options: ImportOptions = {}): ImportResult {
  const view = viewSchema(schema);
  const lines: string[] = (options.header ?? []).map((line) => `# ${line}`.trimEnd());
  if (options.target)
    lines.push(`target ${'builtin' in options.target ? options.target.builtin : encodeExpressionString(options.target.path)}`);
  const deploy = deployStatementText(options.deploy);
  if (deploy) lines.push(deploy);
  const body = viewText(view);
  const text = `${[...lines, ...(lines.length && body ? [''] : [])].join('\n')}${lines.length ? '\n' : ''}${body}`;
  const problems = [...view.problems];
  if (problems.length === 0) problems.push(...readBackProblems(text, schema));
  return { text, problems };
}

export function deployStatementText(target: DeployTarget | undefined): string | undefined {
  if (!target) return undefined;
  const fields = (['tenant', 'servicePrincipal', 'job'] as const)
    .filter((name) => target[name] !== undefined && target[name] !== '')
    .map((name) => `${name} ${encodeExpressionString(target[name]!)}`);
  return fields.length ? `deploy ${fields.join(' ')}` : undefined;
}

/** The text must parse cleanly and export back onto the schema unchanged. */
function readBackProblems(text: string, schema: unknown): string[] {
  const parsed = parseMappingFile(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) return errors.map((d) => `the imported text does not read back: ${d.message} (offset ${d.start})`);
  const exported = exportSchema(parsed.ast, schema);
  if (!exported.schema) return exported.problems.map((p) => `the imported text does not export back: ${p.message}`);
  if (!deepEqual(exported.schema, schema))
    return [`the schema cannot be written exactly in .aadmap (${firstDifference(schema, exported.schema) ?? 'unknown difference'})`];
  return [];
}

function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (deepEqual(a, b)) return undefined;
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 80)} became ${JSON.stringify(b)?.slice(0, 80)}`;
}

/**
 * Whether the schema's mappings fit the built-in Chatwork target: every object mapping writes the
 * SCIM enterprise user, and every target attribute is one Chatwork has. Import then writes
 * `target chatwork`, which checks more than a schema file can (filterability).
 */
export function fitsChatwork(schema: unknown): boolean {
  const view = viewSchema(schema);
  const objectMappings = view.rules.flatMap((r) => r.objectMappings);
  if (objectMappings.length === 0) return false;
  const user = CHATWORK.objects[0]!;
  return objectMappings.every(
    (om) => om.targetObjectName === user.name && om.mappings.every((m) => findTargetAttribute(user, m.target)?.exactCase === true),
  );
}

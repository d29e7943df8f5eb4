/**
 * Graph synchronizationSchema JSON → `.aadmap` text (`aadmap import`, `aadmap pull`).
 *
 * The text holds a `target` statement (the caller's choice: `chatwork`, or a schema file), an
 * optional `deploy` statement, and one mapping block per object mapping of every rule. Nothing is
 * lost silently: the text is read back and exported onto the same schema, and anything that does
 * not come back identical is reported as a problem (the caller refuses to write the file).
 */
import { t } from '../../grammar/common/l10n';
import { encodeExpressionString } from '../../grammar/expression/index';
import { parseMappingFile } from '../../grammar/mapping/index';
import { AZURE_AD } from '../schema/azure-ad';
import { CHATWORK } from '../schema/chatwork';
import { BUILTIN_TARGETS } from '../schema/index';
import { findObject, findTargetAttribute } from '../schema/lookup';
import type { DirectorySchema } from '../schema/types';
import { declarationText, directoryObject, extraAttributes } from './declarations';
import type { DeployTarget } from './deploy-target';
import { exportSchema } from './export';
import { deepEqual, isRecord } from './json';
import { type SchemaView, viewSchema, viewText } from './mapping-view';

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
  const problems = [...view.problems];
  // A built-in target is the app's template: what the job's directories add to it is written as declarations.
  const template = options.target && 'builtin' in options.target ? BUILTIN_TARGETS.get(options.target.builtin) : undefined;
  if (template && isRecord(schema)) problems.push(...addDeclarations(view, schema, template));
  const lines: string[] = (options.header ?? []).map((line) => `# ${line}`.trimEnd());
  if (options.target)
    lines.push(`target ${'builtin' in options.target ? options.target.builtin : encodeExpressionString(options.target.path)}`);
  const deploy = deployStatementText(options.deploy);
  if (deploy) lines.push(deploy);
  const body = viewText(view);
  const text = `${[...lines, ...(lines.length && body ? [''] : [])].join('\n')}${lines.length ? '\n' : ''}${body}`;
  if (problems.length === 0) problems.push(...readBackProblems(text, schema));
  return { text, problems };
}

/**
 * Declarations for the attributes of the schema's directory objects beyond the template (target)
 * and the built-in Azure AD schema (source: directory extensions), each written once, in the first
 * object mapping that uses the object. Returns what cannot be written.
 */
function addDeclarations(view: SchemaView, schema: Record<string, unknown>, template: DirectorySchema): string[] {
  const problems: string[] = [];
  const done = new Set<string>();
  for (const rule of view.rules) {
    for (const objectMapping of rule.objectMappings) {
      const declarations: string[] = [];
      for (const side of ['target', 'source'] as const) {
        const directoryName = side === 'target' ? rule.targetDirectoryName : rule.sourceDirectoryName;
        const objectName = side === 'target' ? objectMapping.targetObjectName : objectMapping.sourceObjectName;
        const key = JSON.stringify([directoryName, objectName]);
        const templateObject = findObject(side === 'target' ? template : AZURE_AD, objectName);
        if (done.has(key) || !templateObject) continue;
        done.add(key);
        for (const attribute of extraAttributes(directoryObject(schema, directoryName, objectName), templateObject, side)) {
          const written = declarationText(side, attribute);
          if ('text' in written) declarations.push(written.text);
          else problems.push(`${directoryName} ${objectName}: ${written.problem}`);
        }
      }
      if (declarations.length) objectMapping.declarations = declarations;
    }
  }
  return problems;
}

function deployStatementText(target: DeployTarget | undefined): string | undefined {
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
  if (errors.length) return errors.map((d) => t('the imported text does not read back: {0} (offset {1})', d.message, d.start));
  const exported = exportSchema(parsed.ast, schema);
  if (!exported.schema) return exported.problems.map((p) => t('the imported text does not export back: {0}', p.message));
  if (!deepEqual(exported.schema, schema))
    return [
      t('the schema cannot be written exactly in .aadmap ({0})', firstDifference(schema, exported.schema) ?? t('unknown difference')),
    ];
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
  return t('{0}: {1} became {2}', path, String(JSON.stringify(a)?.slice(0, 80)), String(JSON.stringify(b)?.slice(0, 80)));
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
  if (!isRecord(schema)) return false;
  return view.rules.every((rule) =>
    rule.objectMappings.every((om) => {
      if (om.targetObjectName !== user.name) return false;
      // Attributes the job's directory adds to Chatwork's are written as declarations, when they can be.
      const extras = extraAttributes(directoryObject(schema, rule.targetDirectoryName, om.targetObjectName), user, 'target');
      if (extras.some((a) => 'problem' in declarationText('target', a))) return false;
      const declared = new Set(extras.map((a) => a.name));
      return om.mappings.every((m) => findTargetAttribute(user, m.target)?.exactCase === true || declared.has(m.target));
    }),
  );
}

/**
 * The two renderings of a preview: JSON (the `aadmap preview --format json` contract, positions as
 * 1-based lines) and HTTP (requests as an `.http` file would hold them, with the attribute values
 * and the scope decision as `#` comments).
 */
import { t } from '../../grammar/common/l10n';
import { LineIndex } from '../../grammar/common/line-index';
import { stringifyJson, type OutputJson } from '../evaluator/json';
import { displayValue, toOutputJson } from '../evaluator/values';
import type { AttributePreview, BlockPreview, MappingPreview, ScimRequest } from './preview';

export interface PreviewHeader {
  /** The mapping file as named by the caller. */
  file: string;
  /** The sample user as named by the caller. */
  input: string;
  /** The existing target object, when one was given. */
  existing?: string;
}

/** The JSON document of `aadmap preview --format json`. */
export function previewToJson(preview: MappingPreview, header: PreviewHeader, text: string): OutputJson {
  const index = new LineIndex(text);
  const line = (offset: number) => index.positionAt(offset).line + 1;
  const position = (offset: number) => {
    const p = index.positionAt(offset);
    return { line: p.line + 1, column: p.character + 1 };
  };
  return {
    file: header.file,
    input: header.input,
    existing: header.existing,
    patchFlavour: preview.patchFlavour,
    mappings: preview.mappings.map((block) => ({
      name: block.name,
      source: block.sourceObject,
      target: block.targetObject,
      line: line(block.start),
      inScope: block.scope.inScope,
      scope: block.scope.groups.map((group) => ({
        name: group.name,
        line: line(group.start),
        matched: group.matched,
        clauses: group.clauses.map((clause) => ({
          line: line(clause.start),
          attribute: clause.attribute,
          operator: clause.operator,
          values: clause.values,
          value: toOutputJson(clause.value),
          matched: clause.matched,
          error: clause.error,
        })),
      })),
      action: block.action,
      reason: block.reason,
      attributes: block.attributes.map((attribute) => attributeJson(attribute, line, position)),
      requests: block.requests.map(requestJson),
    })),
  };
}

function attributeJson(
  attribute: AttributePreview,
  line: (offset: number) => number,
  position: (offset: number) => { line: number; column: number },
): OutputJson {
  const outcome = attribute.outcome;
  return {
    target: attribute.target,
    line: line(attribute.start),
    matchingPriority: attribute.matchingPriority || undefined,
    value: outcome.kind === 'value' ? toOutputJson(outcome.value) : null,
    ignored: outcome.kind === 'ignored',
    flow: attribute.flow,
    sent: attribute.sent,
    defaultApplied: attribute.defaultApplied || undefined,
    error:
      outcome.kind === 'error'
        ? { message: outcome.error.message, ...position(outcome.error.start) }
        : outcome.kind === 'blocked'
          ? { message: outcome.message, ...position(attribute.start) }
          : undefined,
  };
}

function requestJson(request: ScimRequest): OutputJson {
  return {
    method: request.method,
    path: request.path,
    filter: request.filter,
    matchingAttribute: request.matchingAttribute,
    matched: request.method === 'GET' ? request.matched : undefined,
    body: request.body,
    warnings: request.warnings,
  };
}

/** The note after an attribute's value that says what the flow does with it (none when it is sent). */
function flowNote(flow: AttributePreview['flow']): string {
  switch (flow) {
    case 'sent':
      return '';
    case 'unchanged':
      return t('unchanged');
    case 'null':
      return t('null: not sent');
    case 'ignored':
      return t('not sent: IgnoreFlowIfNullOrEmpty');
    case 'createOnly':
      return t('only on create');
    case 'flowType':
      return t('kept by the flow type');
    case 'notSent':
      return t('not sent');
    case 'error':
      return t('error');
  }
}

/** The preview as an `.http` document. */
export function previewToHttp(preview: MappingPreview, header: PreviewHeader): string {
  const out: string[] = [];
  out.push(`# ${t('aadmap provisioning preview — {0}', header.file)}`);
  out.push(
    `# ${header.existing ? t('Sample user: {0}; existing target object: {1}', header.input, header.existing) : t('Sample user: {0}', header.input)}`,
  );
  out.push(
    `# ${preview.patchFlavour === 'default' ? t('PATCH flavour: Entra default (capitalised op, Booleans as "True"/"False")') : t('PATCH flavour: aadOptscim062020 (RFC 7644 compliant)')}`,
  );
  if (preview.mappings.length === 0) out.push('#', `# ${t('The file has no enabled mapping from User objects.')}`);
  for (const block of preview.mappings) out.push('', ...blockToHttp(block));
  return `${out.join('\n')}\n`;
}

function blockToHttp(block: BlockPreview): string[] {
  const out: string[] = [];
  out.push(`### ${block.name ? `"${block.name}" ` : ''}(${block.sourceObject} -> ${block.targetObject}): ${block.action}`);
  out.push(`# ${block.reason}`);
  if (block.scope.groups.length === 0) out.push(`# ${t('Scope: every user (no scoping filter).')}`);
  for (const group of block.scope.groups) {
    out.push(`# ${group.matched ? t('Scope "{0}": matched', group.name) : t('Scope "{0}": not matched', group.name)}`);
    for (const clause of group.clauses) {
      const values = clause.values.map((v) => JSON.stringify(v)).join(', ');
      out.push(
        `#   ${clause.matched ? '✓' : '✗'} [${clause.attribute}] ${clause.operator}${values ? ` ${values}` : ''}   (${t('value: {0}', clause.actual)})${clause.error ? ` — ${clause.error}` : ''}`,
      );
    }
  }
  out.push('#', `# ${t('Attribute values:')}`);
  const width = Math.min(40, Math.max(...block.attributes.map((a) => a.target.length), 0));
  for (const attribute of block.attributes) {
    const outcome = attribute.outcome;
    const shown =
      outcome.kind === 'value'
        ? displayValue(outcome.value)
        : outcome.kind === 'ignored'
          ? t('(not sent)')
          : t('error: {0}', outcome.kind === 'error' ? outcome.error.message : outcome.message);
    const notes = [
      attribute.matchingPriority ? t('match {0}', attribute.matchingPriority) : '',
      attribute.defaultApplied ? t('default value {0}', stringifyJson(attribute.sent ?? null, 0)) : '',
      attribute.flow === 'sent' &&
      attribute.sent !== undefined &&
      outcome.kind === 'value' &&
      stringifyJson(attribute.sent, 0) !== stringifyJson(toOutputJson(outcome.value), 0) &&
      !attribute.defaultApplied
        ? t('sent as {0}', stringifyJson(attribute.sent, 0))
        : '',
      flowNote(attribute.flow),
    ].filter(Boolean);
    out.push(`#   ${attribute.target.padEnd(width)} <- ${shown}${notes.length ? `   (${notes.join('; ')})` : ''}`);
  }
  for (const [i, request] of block.requests.entries()) {
    out.push('');
    // `###` separates requests in .http files (REST Client, JetBrains HTTP client).
    if (i > 0) out.push('###');
    out.push(`${request.method} ${request.path}`);
    if (request.method === 'GET') {
      out.push(`# filter: ${request.filter} → ${request.matched ? t('matches the existing target object') : t('no match')}`);
      for (const warning of request.warnings ?? []) out.push(`# ${t('warning: {0}', warning)}`);
      continue;
    }
    out.push('Content-Type: application/scim+json', '', stringifyJson(request.body ?? null, 2));
  }
  if (block.requests.length === 0) out.push('', `# ${t('No request is sent for this user.')}`);
  return out;
}

/**
 * Scoping filters (define-conditional-rules doc): clauses on single-valued, non-reference,
 * non-date attributes; unary operators without values; integer comparisons with integers; regex
 * operators with valid patterns; custom operator names passed through with a warning.
 */
import { t } from '../../../../grammar/common/l10n';
import type { ScopeClause } from '../../../../grammar/mapping/ast';
import { findAttribute } from '../../../schema/lookup';
import type { AttributeDefinition } from '../../../schema/types';
import type { DiagnosticSink } from '../../diagnostic';
import type { BlockRule } from '../context';
import { checkSourceAttribute } from '../../expression/rules/attributes';
import { scopeOperatorByLabel } from '../../../../grammar/mapping/vocabulary';

const NOT_IN_SCOPES = new Set(['appRoleAssignments', 'manager', 'userType']);

/** Why an attribute cannot be used in a scoping clause, or undefined when it can (also read by completion). */
export function scopeUnsupportedReason(found: AttributeDefinition): string | undefined {
  if (NOT_IN_SCOPES.has(found.name)) return t('{0} cannot be used in scoping filters', found.name);
  if (found.multivalued) return t('multi-valued attributes such as {0} cannot be filtered', found.name);
  if (found.type === 'Reference' || found.type === 'DateTime')
    return t('{0} attributes such as {1} cannot be used in scoping filters', found.type, found.name);
  return undefined;
}

export const scopesRule: BlockRule = ({ block, sourceObject, sink }) => {
  const names = new Set<string>();
  for (const item of block.items) {
    if (item.kind !== 'scope') continue;
    if (item.name) {
      if (names.has(item.name.value))
        sink.report('duplicate-scope-name', item.name, t('Another scope of this block is called "{0}".', item.name.value));
      names.add(item.name.value);
    }
    for (const clause of item.clauses) {
      if (sourceObject) checkSourceAttribute(clause.attribute, sourceObject, sink);
      checkClause(clause, sink, sourceObject);
    }
  }
};

function checkClause(clause: ScopeClause, sink: DiagnosticSink, source: Parameters<BlockRule>[0]['sourceObject']): void {
  const found = source && findAttribute(source, clause.attribute.name)?.attribute;
  const reason = found && scopeUnsupportedReason(found);
  if (reason) sink.report('scope-attribute-not-supported', clause.attribute, t('Scoping filters: {0}.', reason));
  const operator = clause.operator;
  if (!operator) return;
  if (operator.custom) {
    sink.report(
      'unknown-scope-operator',
      operator,
      t('operator "{0}" is sent to Graph as written; aadmap cannot check its meaning.', operator.name),
    );
    return;
  }
  // The lexer reads only vocabulary labels as operators; `custom` covers every other name.
  const valueKind = scopeOperatorByLabel(operator.name)?.values;
  if (valueKind === 'none') {
    if (clause.values.length) {
      sink.report(
        'scope-operator-arity',
        { start: clause.values[0]!.start, end: clause.values[clause.values.length - 1]!.end },
        t('{0} takes no value.', operator.name),
      );
    }
    return;
  }
  if (clause.values.length === 0) {
    sink.report('scope-operator-arity', operator, t('{0} needs a value, e.g. [{1}] {0} "…"', operator.name, clause.attribute.name));
    return;
  }
  for (const value of clause.values) {
    if (value.kind === 'string' && value.unquoted) {
      const quoted = `"${value.value.replace(/\\/g, '\\\\')}"`;
      sink.report('unquoted-scope-value', value, t('Scoping values are quoted strings: write {0}.', quoted), { suggestions: [quoted] });
    }
    const text = value.kind === 'string' ? value.value : value.kind === 'number' ? value.raw : String(value.value);
    if (valueKind === 'integer' && !/^-?\d+$/.test(text)) {
      sink.report('scope-value-type', value, t('{0} compares integers; "{1}" is not a whole number.', operator.name, text));
    }
    if (valueKind === 'regex') {
      try {
        // .NET inline options such as (?i) have no JavaScript equivalent on Node 20; they are valid there.
        new RegExp(text.replace(/\(\?[imnsx-]+\)/g, ''));
      } catch (error) {
        sink.report(
          'invalid-regex',
          value,
          t('Invalid regular expression: {0}', (error as Error).message.replace(/^Invalid regular expression: /, '')),
        );
      }
    }
  }
}

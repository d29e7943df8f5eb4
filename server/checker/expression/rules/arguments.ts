/**
 * Each argument against the parameter it binds to: required positions left empty, numbers that are
 * not numbers, closed value sets (DateAdd intervals, InStr compare types, cultures), DateTime
 * parameters fed text, multi-valued parameters fed single values.
 */
import { orList } from '../../diagnostic';
import { t } from '../../../../grammar/common/l10n';
import type { Argument } from '../../../../grammar/expression/ast';
import { lookupFunction } from '../../../catalogue/index';
import type { FunctionSignature } from '../../../catalogue/types';
import { findAttribute } from '../../../schema/lookup';
import type { ExpressionContext, ExpressionRule, NodeSite } from '../context';
import { leafType } from '../types';

const NUMERIC = /^-?\d+(\.\d+)?$/;
const HEX = /^&H[0-9A-Fa-f]+$/;
const CULTURE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DATE_RETURNING = new Set(['CDate', 'DateAdd', 'DateFromNum', 'Now']);

export const argumentsRule: ExpressionRule = {
  node(node, site, context) {
    const { parent, parameter } = site;
    if (!parent?.signature || !parameter) return;
    if (node.kind === 'empty') {
      checkEmpty(node, site, context);
      return;
    }
    const { sink, source } = context;
    const fn = parent.signature.name;

    if ((parameter.type === 'Integer' || parameter.type === 'Number') && node.kind === 'string' && !NUMERIC.test(node.value.trim())) {
      sink.report('argument-type', node, t('{0}\'s {1} is a number, but "{2}" is not a number.', fn, parameter.name, node.value));
    }
    if ((parameter.type === 'Integer' || parameter.type === 'Number') && node.kind === 'call') {
      const returns = lookupFunction(node.name)?.returns;
      if (returns === 'DateTime' || returns === 'Boolean') {
        sink.report('argument-type', node, t("{0}'s {1} is a number, but {2} returns a {3}.", fn, parameter.name, node.name, returns));
      }
    }

    if (parameter.allowed) {
      const { form, values, caseSensitive } = parameter.allowed;
      const written =
        form === 'string' && node.kind === 'string'
          ? node.value
          : form === 'identifier' && node.kind === 'identifier'
            ? node.name
            : undefined;
      if (written !== undefined) {
        const ok = caseSensitive ? values.includes(written) : lowerCased(values).has(written.toLowerCase());
        if (!ok) {
          const quote = form === 'string' ? (v: string) => `"${v}"` : (v: string) => v;
          sink.report(
            'invalid-argument-value',
            node,
            t("{0}'s {1} must be one of {2}.", fn, parameter.name, values.map(quote).join(', ')),
            {
              suggestions: values.map(quote),
            },
          );
        }
      } else if (form === 'identifier' && node.kind === 'string') {
        const match = values.find((v) => v.toLowerCase() === node.value.toLowerCase());
        sink.report(
          'invalid-argument-value',
          node,
          t("{0}'s {1} is written without quotes: {2}.", fn, parameter.name, match ?? orList(values)),
          {
            suggestions: match ? [match] : [...values],
          },
        );
      }
    }

    if (parameter.name === 'culture' && node.kind === 'string' && node.value !== '' && !CULTURE.test(node.value)) {
      sink.report('invalid-argument-value', node, t('"{0}" is not a culture name such as "en-US" or "ja-JP".', node.value));
    }

    if (parameter.type === 'DateTime') {
      const isDate =
        (node.kind === 'call' && DATE_RETURNING.has(node.name)) || (node.kind === 'attribute' && leafType(node, source) === 'DateTime');
      if (!isDate && (node.kind === 'string' || node.kind === 'attribute')) {
        sink.report('date-argument', node, t("{0}'s {1} is a DateTime: wrap the text in CDate(…) (or use Now()).", fn, parameter.name), {
          suggestions: [`CDate(${node.kind === 'string' ? node.raw : `[${node.name}]`})`],
        });
      }
    }

    if (parameter.multiValued === 'required' && node.kind === 'attribute' && source) {
      const found = findAttribute(source, node.name);
      if (found && !found.attribute.multivalued) {
        sink.report(
          'multivalued-argument',
          node,
          t('{0} reads a multi-valued attribute, but [{1}] holds a single value.', fn, found.attribute.name),
        );
      }
    }
    if (
      node.kind === 'number' &&
      HEX.test(node.raw) &&
      parameter.type !== 'Number' &&
      parameter.type !== 'Integer' &&
      parameter.type !== 'Any'
    ) {
      sink.report(
        'argument-type',
        node,
        t("{0}'s {1} is a {2}; a hex number is only meaningful where a number is expected.", fn, parameter.name, parameter.type),
      );
    }
  },
};

function checkEmpty(node: Argument, site: NodeSite, { sink }: ExpressionContext): void {
  const { parent, parameter } = site;
  if (!parent?.signature || !parameter) return;
  const fn = parent.signature.name;
  if (parameter.repeating) {
    // Graph drops empty positions, so an empty key or value would shift every pair after it.
    // A lone repeating parameter (Join's sources) loses nothing when an empty position is dropped.
    if (repeatingParameterCount(parent.signature) > 1) {
      sink.report(
        'missing-argument',
        node,
        t(
          '{0}\'s {1} cannot be left empty here: the service drops empty positions, which would shift the arguments after it. Write "" for an empty string.',
          fn,
          parameter.name,
        ),
        {
          suggestions: ['""'],
        },
      );
    }
    return;
  }
  if (parameter.optional) return;
  if (parameter.emptyInServiceSchemas) {
    sink.report('missing-argument', node, t("{0}'s {1} is empty: {2}.", fn, parameter.name, parameter.emptyInServiceSchemas), {
      severity: 'warning',
    });
    return;
  }
  sink.report('missing-argument', node, t("{0}'s {1} is required; this position is empty.", fn, parameter.name));
}

/** How many of a function's parameters repeat (Switch: key and value), once per signature (asked for every empty argument). */
function repeatingParameterCount(signature: FunctionSignature): number {
  let count = repeatingCounts.get(signature);
  if (count === undefined) repeatingCounts.set(signature, (count = signature.parameters.filter((p) => p.repeating).length));
  return count;
}

const repeatingCounts = new WeakMap<FunctionSignature, number>();

/** The allowed values lower-cased, once per list (asked for every such argument of every call). */
function lowerCased(values: readonly string[]): ReadonlySet<string> {
  let set = lowerCaseSets.get(values);
  if (set === undefined) lowerCaseSets.set(values, (set = new Set(values.map((v) => v.toLowerCase()))));
  return set;
}

const lowerCaseSets = new WeakMap<readonly string[], ReadonlySet<string>>();

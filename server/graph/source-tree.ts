/**
 * Expressions ⇄ Graph `attributeMappingSource` trees (https://learn.microsoft.com/en-us/graph/api/resources/synchronization-attributemappingsource; https://learn.microsoft.com/en-us/graph/api/synchronization-synchronizationschema-parseexpression).
 *
 * To Graph, the tree is built the way the service builds it from `parseExpression`:
 *  - attribute: `{ expression: "[name]", name, parameters: [], type: "Attribute" }`;
 *  - string constant: `name` = the unescaped text, `expression` = the quoted text as written;
 *  - number: a constant too — `name` = the digits, `expression` = the digits in quotes (`"\"1\""`);
 *  - call: `name` = the function, `parameters` keyed by the catalogue's Graph keys (`Find` for
 *    Replace's oldValue, `switchValue` for Switch's keys and values), empty positions dropped,
 *    `expression` = the call's canonical text.
 * Two constructs have no documented tree: a bare identifier (`vbTextCompare`) is sent as a constant
 * whose `expression` is the identifier unquoted, and a comparison (`[a] = "b"` in IIF) is refused
 * here — deploy asks the service (`parseExpression`) for those trees.
 *
 * From Graph (import), the text of a tree is its top-level `expression` when that parses; otherwise it
 * is rebuilt from the nodes, placing each keyed parameter at its catalogue position.
 */
import { t } from '../../grammar/common/l10n';
import type { Expression } from '../../grammar/expression/ast';
import { encodeExpressionString, parseExpression, printExpression } from '../../grammar/expression/index';
import { lookupFunction, parameterForArgument, parameterForCallArgument } from '../catalogue/index';
import { asArray, isRecord, str } from './json';

export interface AttributeMappingSource {
  expression: string;
  name: string;
  parameters: { key: string; value: AttributeMappingSource }[];
  type: 'Attribute' | 'Constant' | 'Function';
}

/** Something an expression holds that cannot become a Graph tree, at a range of the document. */
export interface TreeProblem {
  start: number;
  end: number;
  message: string;
}

export type TreeResult = { tree: AttributeMappingSource } | { problem: TreeProblem };

export function toSourceTree(node: Expression): TreeResult {
  switch (node.kind) {
    case 'attribute':
      return { tree: { expression: `[${node.name}]`, name: node.name, parameters: [], type: 'Attribute' } };
    case 'string':
      return { tree: { expression: node.raw, name: node.value, parameters: [], type: 'Constant' } };
    case 'number':
      return { tree: { expression: `"${node.raw}"`, name: node.raw, parameters: [], type: 'Constant' } };
    case 'identifier':
      return { tree: { expression: node.name, name: node.name, parameters: [], type: 'Constant' } };
    case 'comparison':
      return {
        problem: {
          start: node.start,
          end: node.end,
          message: t(
            'Graph documents no tree for a comparison, so aadmap cannot build it offline; a deploy asks the service for it (parseExpression, on by default).',
          ),
        },
      };
    case 'missing':
      return { problem: { start: node.start, end: node.end, message: t('An expression is missing here.') } };
    case 'call':
      return callTree(node);
  }
}

function callTree(node: Extract<Expression, { kind: 'call' }>): TreeResult {
  const signature = lookupFunction(node.name);
  if (!signature) {
    return {
      problem: {
        start: node.nameRange.start,
        end: node.nameRange.end,
        message: t("Unknown function '{0}': its Graph parameter keys are not known.", node.name),
      },
    };
  }
  const parameters: AttributeMappingSource['parameters'] = [];
  for (let i = 0; i < node.args.length; i++) {
    const arg = node.args[i]!;
    if (arg.kind === 'empty') continue;
    const parameter = parameterForCallArgument(signature, i, node.args.length);
    if (!parameter) {
      return {
        problem: {
          start: arg.start,
          end: arg.end,
          message: t('{0} takes {1} arguments; this one has no parameter.', node.name, signature.parameters.length),
        },
      };
    }
    const value = toSourceTree(arg);
    if ('problem' in value) return value;
    parameters.push({ key: parameter.key, value: value.tree });
  }
  return { tree: { expression: printExpression(node), name: node.name, parameters, type: 'Function' } };
}

/** The expression text of a Graph source, for a `.aadmap` line; `problem` says why there is none. */
export function sourceText(source: unknown): { text: string } | { problem: string } {
  if (!isRecord(source)) return { problem: t('the source must be an object or null') };
  const expression = str(source.expression);
  if (expression !== undefined) {
    const parsed = parseExpression(expression);
    if (parsed.ast && !parsed.diagnostics.some((d) => d.severity === 'error')) return { text: printExpression(parsed.ast) };
  }
  const rebuilt = rebuild(source, 0);
  if (typeof rebuilt === 'string') return { text: rebuilt };
  return {
    problem:
      expression !== undefined
        ? t('its expression {0} does not parse and {1}', JSON.stringify(expression), rebuilt.problem)
        : rebuilt.problem,
  };
}

const NAME_IN_BRACKETS = /^[^\]\r\n]*$/;
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function rebuild(node: unknown, depth: number): string | { problem: string } {
  if (depth > 64) return { problem: t('the tree is nested too deeply') };
  if (!isRecord(node)) return { problem: t('a node is not an object') };
  const name = str(node.name);
  switch (node.type) {
    case 'Attribute':
      return name !== undefined && NAME_IN_BRACKETS.test(name)
        ? `[${name}]`
        : { problem: t('attribute name {0} cannot be written in brackets', JSON.stringify(node.name)) };
    case 'Constant':
      return name !== undefined && !/[\r\n]/.test(name)
        ? encodeExpressionString(name)
        : { problem: t('constant {0} cannot be written as a string', JSON.stringify(node.name)) };
    case 'Function': {
      if (name === undefined || !FUNCTION_NAME.test(name))
        return { problem: t('function name {0} is not a name', JSON.stringify(node.name)) };
      const args = placeParameters(name, asArray(node.parameters));
      if ('problem' in args) return args;
      const texts: string[] = [];
      for (const arg of args.args) {
        if (arg === EMPTY) {
          texts.push('');
          continue;
        }
        const text = rebuild(arg, depth + 1);
        if (typeof text !== 'string') return text;
        texts.push(text);
      }
      return `${name}(${texts.join(', ')})`;
    }
    default:
      return { problem: t('node type {0} is not Attribute, Constant or Function', JSON.stringify(node.type)) };
  }
}

/**
 * Argument positions of keyed parameters: each goes to the first position at or after the previous
 * one whose catalogue key matches (repeating groups included); unknown functions keep list order.
 */
const EMPTY = Symbol('empty position');

function placeParameters(name: string, parameters: unknown[]): { args: unknown[] } | { problem: string } {
  const signature = lookupFunction(name);
  const args: unknown[] = [];
  let position = 0;
  for (const parameter of parameters) {
    if (!isRecord(parameter)) return { problem: t('a parameter of {0} is not an object', name) };
    if (!signature) {
      args.push(parameter.value);
      continue;
    }
    const key = str(parameter.key);
    let found = -1;
    for (let p = position; p < position + 1000; p++) {
      const spec = parameterForArgument(signature, p);
      if (!spec) break;
      if (spec.key === key) {
        found = p;
        break;
      }
    }
    if (found < 0) return { problem: t('{0} has no parameter keyed {1} at that place', name, JSON.stringify(parameter.key)) };
    while (args.length < found) args.push(EMPTY);
    args.push(parameter.value);
    position = found + 1;
  }
  return { args };
}

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
          message:
            'Graph documents no tree for a comparison, so aadmap cannot build it offline; a deploy asks the service for it (parseExpression, on by default).',
        },
      };
    case 'missing':
      return { problem: { start: node.start, end: node.end, message: 'An expression is missing here.' } };
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
        message: `Unknown function '${node.name}': its Graph parameter keys are not known.`,
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
          message: `${node.name} takes ${signature.parameters.length} arguments; this one has no parameter.`,
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
  if (!isRecord(source)) return { problem: `the source must be an object or null` };
  const expression = str(source.expression);
  if (expression !== undefined) {
    const parsed = parseExpression(expression);
    if (parsed.ast && !parsed.diagnostics.some((d) => d.severity === 'error')) return { text: printExpression(parsed.ast) };
  }
  const rebuilt = rebuild(source, 0);
  if (typeof rebuilt === 'string') return { text: rebuilt };
  return {
    problem:
      expression !== undefined ? `its expression ${JSON.stringify(expression)} does not parse and ${rebuilt.problem}` : rebuilt.problem,
  };
}

const NAME_IN_BRACKETS = /^[^\]\r\n]*$/;
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function rebuild(node: unknown, depth: number): string | { problem: string } {
  if (depth > 64) return { problem: 'the tree is nested too deeply' };
  if (!isRecord(node)) return { problem: 'a node is not an object' };
  const name = str(node.name);
  switch (node.type) {
    case 'Attribute':
      return name !== undefined && NAME_IN_BRACKETS.test(name)
        ? `[${name}]`
        : { problem: `attribute name ${JSON.stringify(node.name)} cannot be written in brackets` };
    case 'Constant':
      return name !== undefined && !/[\r\n]/.test(name)
        ? encodeExpressionString(name)
        : { problem: `constant ${JSON.stringify(node.name)} cannot be written as a string` };
    case 'Function': {
      if (name === undefined || !FUNCTION_NAME.test(name)) return { problem: `function name ${JSON.stringify(node.name)} is not a name` };
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
      return { problem: `node type ${JSON.stringify(node.type)} is not Attribute, Constant or Function` };
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
    if (!isRecord(parameter)) return { problem: `a parameter of ${name} is not an object` };
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
    if (found < 0) return { problem: `${name} has no parameter keyed ${JSON.stringify(parameter.key)} at that place` };
    while (args.length < found) args.push(EMPTY);
    args.push(parameter.value);
    position = found + 1;
  }
  return { args };
}

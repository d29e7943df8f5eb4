/**
 * Scoping filters (expression-language.md §5.3): a block's scope groups are OR'ed, the clauses of a
 * group AND'ed; no group means every user is in scope. Every clause is false when the attribute is
 * null or empty, except IS NULL (true then) and IS NOT NULL. EQUALS, NOT EQUALS, Includes,
 * ENDS_WITH and the regex operators compare case-sensitively; regexes are .NET's.
 */
import type { ScopeClause, ScopeGroup, ScopeValue } from '../../grammar/mapping/ast';
import type { TextRange } from '../../grammar/common/text-range';
import type { EvaluationEnvironment } from '../evaluator/evaluate';
import { firstMatch, RegexTranslationError, translateDotNetRegex } from '../evaluator/dotnet-regex';
import { RegexTimeoutError } from '../evaluator/regex-guard';
import { displayValue, isNullOrEmpty, textOf, toBoolean, type Value } from '../evaluator/values';

export interface ClauseResult extends TextRange {
  attribute: string;
  operator: string;
  values: string[];
  /** The attribute's value. */
  value: Value;
  /** The same, rendered for people (`"Sales"`, True, null). */
  actual: string;
  matched: boolean;
  /** Why the clause could not be evaluated (it then counts as not matched). */
  error?: string;
}

export interface ScopeGroupResult extends TextRange {
  name: string;
  matched: boolean;
  clauses: ClauseResult[];
}

export interface ScopeResult {
  inScope: boolean;
  groups: ScopeGroupResult[];
  /** A clause could not be evaluated (custom operator, bad regex): scope is then undecided. */
  error?: string;
}

export function evaluateScopes(groups: readonly ScopeGroup[], env: EvaluationEnvironment): ScopeResult {
  const results = groups.map((group): ScopeGroupResult => {
    const clauses = group.clauses.map((clause) => evaluateClause(clause, env));
    return { name: group.name?.value ?? '', start: group.start, end: group.end, matched: clauses.every((c) => c.matched), clauses };
  });
  const error = results.flatMap((g) => g.clauses).find((c) => c.error)?.error;
  return { inScope: results.length === 0 || results.some((g) => g.matched), groups: results, error };
}

function operandText(value: ScopeValue): string {
  return value.kind === 'string' ? value.value : value.kind === 'number' ? value.raw : String(value.value);
}

export function evaluateClause(clause: ScopeClause, env: EvaluationEnvironment): ClauseResult {
  const value = env.attribute(clause.attribute.name);
  const operator = clause.operator?.name ?? '';
  const values = clause.values.map(operandText);
  const result: ClauseResult = {
    start: clause.start,
    end: clause.end,
    attribute: clause.attribute.name,
    operator,
    values,
    value,
    actual: displayValue(value),
    matched: false,
  };
  try {
    result.matched = clauseMatches(operator, !!clause.operator?.custom, value, values);
  } catch (error) {
    result.error = `[${clause.attribute.name}] ${operator}: ${(error as Error).message}`;
  }
  return result;
}

function clauseMatches(operator: string, custom: boolean, value: Value, operands: string[]): boolean {
  if (custom) throw new Error('a custom operator cannot be evaluated offline');
  if (value.kind === 'multi') throw new Error('multi-valued attributes cannot be used in scoping filters');
  if (operator === 'IS NULL') return isNullOrEmpty(value);
  if (operator === 'IS NOT NULL') return !isNullOrEmpty(value);
  if (value.kind === 'null' || isNullOrEmpty(value)) return false;
  const text = textOf(value);
  switch (operator) {
    case 'IS TRUE':
      return toBoolean(value) === true;
    case 'IS FALSE':
      return toBoolean(value) === false;
    case 'EQUALS':
      return operands.some((operand) => text === operand);
    case 'NOT EQUALS':
      return operands.every((operand) => text !== operand);
    case 'Includes':
      return operands.some((operand) => text.includes(operand));
    case 'ENDS_WITH':
      return operands.some((operand) => text.endsWith(operand));
    case 'Greater_Than':
    case 'Greater_Than_OR_EQUALS': {
      if (!/^[+-]?\d+$/.test(text.trim())) return false;
      const actual = BigInt(text.trim());
      return operands.some((operand) => {
        if (!/^[+-]?\d+$/.test(operand.trim())) throw new Error(`"${operand}" is not a whole number`);
        const bound = BigInt(operand.trim());
        return operator === 'Greater_Than' ? actual > bound : actual >= bound;
      });
    }
    case 'REGEX MATCH':
    case 'NOT REGEX MATCH': {
      const matches = operands.some((operand) => {
        try {
          return firstMatch(translateDotNetRegex(operand), text) !== undefined;
        } catch (error) {
          if (error instanceof RegexTranslationError || error instanceof RegexTimeoutError)
            throw new Error(`regex ${JSON.stringify(operand)}: ${error.message}`);
          throw error;
        }
      });
      return operator === 'REGEX MATCH' ? matches : !matches;
    }
    case '&':
      // Documented only as "attribute exists in the given string": read as "the value occurs in the operand".
      return operands.some((operand) => operand.includes(text));
    case '!&':
      return operands.every((operand) => !operand.includes(text));
    default:
      throw new Error('unknown operator');
  }
}

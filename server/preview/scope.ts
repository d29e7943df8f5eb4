/**
 * Scoping filters (https://learn.microsoft.com/en-us/entra/identity/app-provisioning/define-conditional-rules-for-provisioning-user-accounts): a block's scope groups are OR'ed, the clauses of a
 * group AND'ed; no group means every user is in scope. Every clause is false when the attribute is
 * null or empty, except IS NULL (true then) and IS NOT NULL. EQUALS, NOT EQUALS, Includes,
 * ENDS_WITH and the regex operators compare case-sensitively; regexes are .NET's.
 */
import { t } from '../../grammar/common/l10n';
import type { ScopeClause, ScopeGroup, ScopeValue } from '../../grammar/mapping/ast';
import type { TextRange } from '../../grammar/common/text-range';
import type { EvaluationEnvironment } from '../evaluator/evaluate';
import { firstMatch, RegexTranslationError, translateDotNetRegex } from '../evaluator/dotnet-regex';
import { RegexTimeoutError } from '../evaluator/regex-guard';
import { displayValue, isNullOrEmpty, textOf, toBoolean, type SingleValue, type Value } from '../evaluator/values';
import type { ScopeOperatorLabel } from '../../grammar/mapping/vocabulary';

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

/**
 * Only the decision of evaluateScopes (no per-clause results): what evaluating a million users needs.
 * Same clauses, same order, same errors.
 */
export function scopeDecision(groups: readonly ScopeGroup[], env: EvaluationEnvironment): { inScope: boolean; error?: string } {
  let inScope = groups.length === 0;
  for (const group of groups) {
    let matched = true;
    for (const clause of group.clauses) {
      const operator = clause.operator?.name ?? '';
      try {
        // Every clause is evaluated (as evaluateScopes does), so an error anywhere is reported.
        if (!clauseMatches(operator, !!clause.operator?.custom, env.attribute(clause.attribute.name), clause.values.map(operandText)))
          matched = false;
      } catch (error) {
        return { inScope: false, error: t('{0}: {1}', `[${clause.attribute.name}] ${operator}`, (error as Error).message) };
      }
    }
    if (matched) inScope = true;
  }
  return { inScope };
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

type ClauseSemantics = (text: string, operands: readonly string[], value: SingleValue) => boolean;

function wholeNumberAtLeast(strict: boolean): ClauseSemantics {
  return (text, operands) => {
    if (!/^[+-]?\d+$/.test(text.trim())) return false;
    const actual = BigInt(text.trim());
    return operands.some((operand) => {
      if (!/^[+-]?\d+$/.test(operand.trim())) throw new Error(`"${operand}" is not a whole number`);
      const bound = BigInt(operand.trim());
      return strict ? actual > bound : actual >= bound;
    });
  };
}

function regexMatches(text: string, operands: readonly string[]): boolean {
  return operands.some((operand) => {
    try {
      return firstMatch(translateDotNetRegex(operand), text) !== undefined;
    } catch (error) {
      if (error instanceof RegexTranslationError || error instanceof RegexTimeoutError)
        throw new Error(`regex ${JSON.stringify(operand)}: ${error.message}`);
      throw error;
    }
  });
}

/**
 * What each scoping operator of the vocabulary means, for a non-empty single value (`text`). IS NULL
 * and IS NOT NULL are decided before (an empty value makes every other clause false). Keyed by the
 * vocabulary's labels: a new operator does not compile until it has its meaning here.
 */
const SEMANTICS: Readonly<Record<ScopeOperatorLabel, ClauseSemantics>> = {
  EQUALS: (text, operands) => operands.some((operand) => text === operand),
  'NOT EQUALS': (text, operands) => operands.every((operand) => text !== operand),
  'IS TRUE': (_text, _operands, value) => toBoolean(value) === true,
  'IS FALSE': (_text, _operands, value) => toBoolean(value) === false,
  'IS NULL': () => false,
  'IS NOT NULL': () => true,
  'REGEX MATCH': regexMatches,
  'NOT REGEX MATCH': (text, operands) => !regexMatches(text, operands),
  Greater_Than: wholeNumberAtLeast(true),
  Greater_Than_OR_EQUALS: wholeNumberAtLeast(false),
  Includes: (text, operands) => operands.some((operand) => text.includes(operand)),
  ENDS_WITH: (text, operands) => operands.some((operand) => text.endsWith(operand)),
  // Documented only as "attribute exists in the given string": read as "the value occurs in the operand".
  '&': (text, operands) => operands.some((operand) => operand.includes(text)),
  '!&': (text, operands) => operands.every((operand) => !operand.includes(text)),
};

/** The labels the preview can evaluate (every vocabulary operator; checked by the vocabulary test). */
export const EVALUATED_SCOPE_OPERATORS: readonly string[] = Object.keys(SEMANTICS);

function clauseMatches(operator: string, custom: boolean, value: Value, operands: string[]): boolean {
  if (custom) throw new Error(t('a custom operator cannot be evaluated offline'));
  if (value.kind === 'multi') throw new Error(t('multi-valued attributes cannot be used in scoping filters'));
  if (operator === 'IS NULL') return isNullOrEmpty(value);
  if (operator === 'IS NOT NULL') return !isNullOrEmpty(value);
  if (value.kind === 'null' || isNullOrEmpty(value)) return false;
  if (!Object.hasOwn(SEMANTICS, operator)) throw new Error(t('unknown operator'));
  return SEMANTICS[operator as ScopeOperatorLabel](textOf(value), operands, value);
}

import type { ExpressionRule } from '../context';
import { argumentCountRule } from './argument-count';
import { argumentsRule } from './arguments';
import { attributesRule } from './attributes';
import { comparisonsRule } from './comparisons';
import { functionNamesRule } from './function-names';
import { identifiersRule } from './identifiers';
import { ignoreFlowRule } from './ignore-flow';
import { iifConditionRule } from './iif-condition';
import { lengthRule } from './length';
import { roleFunctionsRule } from './role-functions';
import { selectUniqueValueRule } from './select-unique-value';
import { switchSourceRule } from './switch-source';

export const expressionRules: readonly ExpressionRule[] = [
  lengthRule,
  functionNamesRule,
  argumentCountRule,
  argumentsRule,
  attributesRule,
  comparisonsRule,
  identifiersRule,
  selectUniqueValueRule,
  roleFunctionsRule,
  ignoreFlowRule,
  switchSourceRule,
  iifConditionRule,
];

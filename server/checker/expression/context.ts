/**
 * What the expression rules know while they walk one expression: the source object's attributes,
 * where the expression is used, and for each node its position in the parent call.
 */
import type { Argument, CallExpression, Expression } from '../../../grammar/expression/ast';
import type { FunctionCatalogue } from '../../catalogue/tenant';
import type { FunctionSignature, ParameterSpec } from '../../catalogue/types';
import type { AttributeMappingProperties } from '../../../grammar/mapping/ast';
import type { AttributeDefinition, DirectorySchema, ObjectSchema } from '../../schema/types';
import type { DiagnosticSink } from '../diagnostic';

/** A resolved call: the signature when the name is known (possibly in another case). */
export interface ResolvedCall {
  call: CallExpression;
  signature?: FunctionSignature;
  exactCase: boolean;
}

/**
 * Where a node sits: the call it is an argument of, its position and the parameter it binds to.
 * Valid while a rule looks at the node: the walk reuses one site for the arguments of a call, so a
 * rule must copy what it wants to keep (check-expression.ts).
 */
export interface NodeSite {
  parent?: ResolvedCall;
  index: number;
  parameter?: ParameterSpec;
}

export interface MappingUsage {
  kind: 'mapping';
  properties: AttributeMappingProperties;
  targetAttribute?: AttributeDefinition;
  targetDirectory: DirectorySchema;
}

export interface ExpressionContext {
  sink: DiagnosticSink;
  /** The source object (Azure AD User); undefined when unknown, which turns off attribute checks. */
  source?: ObjectSchema;
  usage: MappingUsage | { kind: 'standalone' };
  /** Source text of the expression, for the length rule. */
  text: string;
  /** The functions known: the built-in catalogue, plus the job's function list when one is kept with the schema. */
  functions?: FunctionCatalogue;
}

/** A rule sees every node once, with its site, and may look at the whole expression first. */
export interface ExpressionRule {
  root?(expression: Expression, context: ExpressionContext): void;
  call?(resolved: ResolvedCall, site: NodeSite, context: ExpressionContext): void;
  node?(node: Argument, site: NodeSite, context: ExpressionContext): void;
}

/** The checked model of a mapping file: each block with its resolved objects and target attributes. */
import type { AttributeMapping, AttributeMappingProperties, ObjectMappingBlock } from '../../../grammar/mapping/ast';
import type { AttributeDefinition, DirectorySchema, ObjectSchema } from '../../schema/types';
import type { FunctionCatalogue } from '../../catalogue/tenant';
import type { DiagnosticSink } from '../diagnostic';

export interface ResolvedSchemas {
  source: DirectorySchema;
  /** Undefined when the file's `target` could not be resolved (a diagnostic says why). */
  target?: DirectorySchema;
  /** The built-in catalogue plus the job's function list kept beside the schema file, when there is one. */
  functions?: FunctionCatalogue;
}

export interface CheckedMapping {
  mapping: AttributeMapping;
  properties: AttributeMappingProperties;
  /** The target attribute definition, when the target object and attribute are known. */
  targetAttribute?: AttributeDefinition;
}

export interface CheckedBlock {
  block: ObjectMappingBlock;
  sourceObject?: ObjectSchema;
  targetObject?: ObjectSchema;
  mappings: CheckedMapping[];
}

export interface BlockContext extends CheckedBlock {
  /** `enabled false`: the service never runs the block, so it is checked lightly (warnings only). */
  disabled: boolean;
  sink: DiagnosticSink;
  schemas: ResolvedSchemas;
  text: string;
}

export type BlockRule = (context: BlockContext) => void;

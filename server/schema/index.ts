/** Directory schemas: built-in source (Azure AD) and target (Chatwork), Graph schema files, lookups. */
export type { AttributeDefinition, AttributeType, DirectorySchema, ObjectSchema } from './types';
export { AZURE_AD, isDirectoryExtensionAttribute } from './azure-ad';
export { CHATWORK, CHATWORK_USER_OBJECT } from './chatwork';
export { readGraphSchema, objectAliases, AZURE_AD_DIRECTORY_NAME } from './graph-schema';
export type { GraphSchemaReadResult } from './graph-schema';
export { findObject, findAttribute, attributeNames } from './lookup';

import { AZURE_AD } from './azure-ad';
import { CHATWORK } from './chatwork';
import type { DirectorySchema } from './types';

/** Built-in target schemas by the identifier used in `target <id>`. */
export const BUILTIN_TARGETS: ReadonlyMap<string, DirectorySchema> = new Map([[CHATWORK.id, CHATWORK]]);

/** The built-in source directory. */
export const BUILTIN_SOURCE: DirectorySchema = AZURE_AD;

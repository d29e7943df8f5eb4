/**
 * Directory schemas: the source (Azure AD / Entra ID) and target (Chatwork, or a Graph
 * synchronizationSchema file) attribute definitions the checker resolves names against.
 * Field names follow Graph's attributeDefinition so a schema file maps onto them directly.
 */
export type AttributeType = 'String' | 'Integer' | 'Reference' | 'Binary' | 'Boolean' | 'DateTime';

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multivalued: boolean;
  required: boolean;
  anchor?: boolean;
  caseExact?: boolean;
  /** Target attributes: whether the target API supports filtering on it (may be a matching attribute). `undefined` = not known. */
  filterable?: boolean;
  /** Reference attributes: the object types referenced. */
  referencedObjects?: readonly string[];
  /** One line, for hover and completion. */
  description?: string;
}

export interface ObjectSchema {
  /** The name Graph uses (e.g. `User`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User`). */
  name: string;
  /** Other names a `.aadmap` file may use for this object (`User` for the SCIM user object). */
  aliases: readonly string[];
  attributes: readonly AttributeDefinition[];
}

export interface DirectorySchema {
  /** Identifier used in `.aadmap` (`target chatwork`) or the file path it was loaded from. */
  id: string;
  /** Graph directory name (`Azure Active Directory`, `customappsso`, …). */
  name: string;
  displayName: string;
  objects: readonly ObjectSchema[];
  /** Whether `filterable` is authoritative for this directory (true for built-in targets). */
  filterabilityKnown: boolean;
  /**
   * Read from a schema file, whose `directories` list may be shortened: an object a mapping names
   * but the list leaves out is then not an error (docs/real-schemas.md).
   */
  fromSchemaFile?: boolean;
}

/**
 * The stable library entry (dist/grammar.js, CommonJS): the parsers of the three languages and the
 * canonical SCIM filter printer. Each parse function returns { ast, diagnostics } and never throws.
 */
export { parseExpression, printExpression } from './expression/index';
export { parseMappingFile } from './mapping/index';
export { parseScimFilter, parseAttributePath, parsePatchPath, printScimFilter, printScimPath, collectFilterAttributes } from './scim/index';
export { LineIndex } from './common/line-index';
export type { SyntaxDiagnostic, Severity } from './common/syntax-diagnostic';
export type { TextRange } from './common/text-range';
export type * from './expression/ast';
export type * from './mapping/ast';
export type * from './scim/ast';

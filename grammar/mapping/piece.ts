import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import type { MappingFile } from './ast';

/**
 * The result of parsing one piece of a file (see parseMappingPiece): offsets are absolute in the
 * file; `closedAtFileLevel` says whether the parser was back at file level at the piece's end.
 */
export interface MappingPiece {
  start: number;
  end: number;
  ast: Pick<MappingFile, 'targets' | 'mappings' | 'comments' | 'deploys'>;
  /** Not yet sorted nor de-duplicated per line (parseMappingFile does that for the whole file). */
  diagnostics: SyntaxDiagnostic[];
  closedAtFileLevel: boolean;
}

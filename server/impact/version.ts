/**
 * One version of a mapping file, reduced to what the impact of a change needs: the enabled blocks
 * whose source object is the user, their scoping filters, and per attribute mapping its target,
 * how the target compares values (caseExact), whether it is a matching attribute and whether it
 * flows on update. Also the source attributes the version reads (for `$select` and to skip the
 * attributes of a user that nothing reads).
 */
import { walkExpression } from '../../grammar/expression/ast';
import { scopesOf, type ObjectMappingBlock, type ScopeGroup } from '../../grammar/mapping/ast';
import type { CheckDiagnostic } from '../checker/diagnostic';
import type { CheckedBlock, CheckedMapping } from '../checker/mapping/context';
import type { MappingAnalysis } from '../service/analysis';

export interface VersionLine {
  checked: CheckedMapping;
  /** The target attribute as written (`userName`, `urn:…:enterprise:2.0:User:department`). */
  target: string;
  caseExact: boolean;
  matchingPriority: number;
  /** `on create` (ObjectAddOnly): not sent to a user who already exists. */
  createOnly: boolean;
}

export interface VersionBlock {
  checked: CheckedBlock;
  scopes: readonly ScopeGroup[];
  lines: VersionLine[];
  /** Matching lines, lowest matchingPriority first (the lookup order). */
  matching: VersionLine[];
}

export interface ImpactVersion {
  blocks: VersionBlock[];
  /** Every source attribute name the blocks read, in expressions and in scoping filters. */
  reads: Set<string>;
}

export class VersionError extends Error {
  constructor(
    /** The version's name in messages (a file, `SCHEMA.json (imported)`). */
    readonly label: string,
    readonly text: string,
    readonly errors: readonly CheckDiagnostic[],
  ) {
    super(`${label} has errors`);
  }
}

/**
 * Errors block the impact as they block the preview (the file's meaning is not settled), except
 * unknown source attributes: the users may carry attributes the built-in schema lacks.
 */
export function impactVersion(analysis: MappingAnalysis, what: string): ImpactVersion {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'unknown-attribute');
  if (errors.length) throw new VersionError(what, analysis.text, errors);
  const reads = new Set<string>();
  const blocks: VersionBlock[] = [];
  for (const checked of analysis.blocks) {
    if ((checked.sourceObject?.name ?? checked.block.sourceObject?.text) !== 'User' || isDisabled(checked.block)) continue;
    const scopes = scopesOf(checked.block);
    for (const group of scopes) for (const clause of group.clauses) reads.add(clause.attribute.name);
    const lines = checked.mappings.map((m): VersionLine => {
      const source = m.mapping.source;
      if (source.kind !== 'none' && source.kind !== 'missing')
        walkExpression(source, (node) => {
          if (node.kind === 'attribute') reads.add(node.name);
        });
      return {
        checked: m,
        target: m.mapping.target.text,
        caseExact: !!m.targetAttribute?.caseExact,
        matchingPriority: m.properties.matchingPriority,
        createOnly: m.properties.flowType === 'ObjectAddOnly',
      };
    });
    const matching = lines.filter((l) => l.matchingPriority > 0).sort((a, b) => a.matchingPriority - b.matchingPriority);
    blocks.push({ checked, scopes, lines, matching });
  }
  return { blocks, reads };
}

function isDisabled(block: ObjectMappingBlock): boolean {
  return block.items.some((item) => item.kind === 'enabled' && !item.value);
}

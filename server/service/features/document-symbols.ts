/**
 * The outline: the target statement, each mapping block with its settings, scopes (and their
 * clauses) and attribute mappings (target, with the source and modifiers as detail).
 */
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { TextRange } from '../../../grammar/common/text-range';
import type { AttributeMapping, BlockItem, ObjectMappingBlock, ScopeClause } from '../../../grammar/mapping/ast';
import type { DocumentSnapshot } from '../snapshot';
import { t } from '../../../grammar/common/l10n';

const DETAIL_LENGTH = 80;

export function documentSymbols(snapshot: DocumentSnapshot): DocumentSymbol[] {
  if (snapshot.languageId !== 'aadmap') return [];
  const { ast } = snapshot.parsed;
  const range = (r: TextRange) => ({ start: snapshot.lines.positionAt(r.start), end: snapshot.lines.positionAt(Math.max(r.start, r.end)) });
  const text = (r: TextRange) => oneLine(snapshot.text.slice(r.start, r.end));
  const symbol = (
    name: string,
    kind: SymbolKind,
    whole: TextRange,
    selection: TextRange,
    detail?: string,
    children?: DocumentSymbol[],
  ): DocumentSymbol => ({
    name: name.trim() === '' ? '(unnamed)' : name,
    kind,
    range: range(whole),
    selectionRange: range(selection),
    ...(detail ? { detail } : {}),
    ...(children ? { children } : {}),
  });

  const mappingSymbol = (mapping: AttributeMapping): DocumentSymbol => {
    const modifiers = mapping.modifiers.map((m) => text(m)).join(' ');
    const source = mapping.source.kind === 'none' ? 'none' : text(mapping.source);
    return symbol(mapping.target.text, SymbolKind.Field, mapping, mapping.target, clip(`← ${source}${modifiers ? `  ${modifiers}` : ''}`));
  };
  const clauseSymbol = (clause: ScopeClause): DocumentSymbol => symbol(text(clause), SymbolKind.Boolean, clause, clause.attribute);
  const item = (entry: BlockItem): DocumentSymbol => {
    switch (entry.kind) {
      case 'attributeMapping':
        return mappingSymbol(entry);
      case 'scope':
        return symbol(
          entry.name ? `scope "${entry.name.value}"` : 'scope',
          SymbolKind.Namespace,
          entry,
          entry.name ?? { start: entry.start, end: entry.start + 5 },
          entry.clauses.length === 1 ? t('{0} clause', entry.clauses.length) : t('{0} clauses', entry.clauses.length),
          entry.clauses.map(clauseSymbol),
        );
      case 'enabled':
      case 'flowTypes':
        return symbol(text(entry), SymbolKind.Property, entry, entry);
      case 'attributeDeclaration':
        return symbol(entry.name?.text ?? 'attribute', SymbolKind.Field, entry, entry.name ?? entry.keyword, clip(text(entry)));
    }
  };
  const block = (b: ObjectMappingBlock): DocumentSymbol =>
    symbol(
      b.name?.value ?? 'mapping',
      SymbolKind.Class,
      b,
      b.name ?? b.keyword,
      `${b.sourceObject?.text ?? '?'} → ${b.targetObject?.text ?? '?'}`,
      b.items.map(item),
    );
  return [
    ...ast.targets.map((t) =>
      symbol(`target ${t.value?.quoted ? JSON.stringify(t.value.text) : (t.value?.text ?? '')}`, SymbolKind.Module, t, t.value ?? t),
    ),
    ...ast.mappings.map(block),
  ].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function clip(text: string): string {
  return text.length > DETAIL_LENGTH ? `${text.slice(0, DETAIL_LENGTH - 1)}…` : text;
}

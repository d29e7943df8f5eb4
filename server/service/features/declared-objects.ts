/**
 * The directory object a block's mapping lines write (target) or read (source), with the
 * attributes the block declares (`attribute target|source …`, docs/custom-attributes.md) added:
 * completion and hover offer and explain declared attributes like the schema's own.
 */
import type { BlockHeader } from '../../../grammar/mapping/statement-view';
import type { AttributeSide } from '../../../grammar/mapping/vocabulary';
import { withDeclaredAttributes } from '../../schema/declared';
import { findObject } from '../../schema/lookup';
import type { ObjectSchema } from '../../schema/types';
import type { DocumentSnapshot } from '../snapshot';

export function blockObject(snapshot: DocumentSnapshot, header: BlockHeader | undefined, side: AttributeSide): ObjectSchema | undefined {
  const directory = side === 'target' ? snapshot.schemas.target : snapshot.schemas.source;
  const object = schemaObject(snapshot, header, side);
  if (!object || !header || !mayDeclare(snapshot, header)) return object;
  const block = snapshot.parsed.ast.mappings.find((b) => b.start === header.start);
  return block ? withDeclaredAttributes(object, block, side, directory) : object;
}

/**
 * Whether the block's text holds the word `attribute` (every declaration starts with it). Most
 * blocks declare nothing, and then no tree is needed: the whole file's parse, which is what reading
 * the declarations takes, costs seconds on a freshly edited 5,000-line block with a syntax error
 * (the line being typed). The snapshot keeps the answer from one version to the next (block-lines.ts).
 */
function mayDeclare(snapshot: DocumentSnapshot, header: BlockHeader): boolean {
  return snapshot.blockLines(header.openBrace).declaring > 0;
}

/** The schema's own object a block reads or writes, without the attributes the block declares. */
export function schemaObject(snapshot: DocumentSnapshot, header: BlockHeader | undefined, side: AttributeSide): ObjectSchema | undefined {
  const directory = side === 'target' ? snapshot.schemas.target : snapshot.schemas.source;
  return directory && findObject(directory, (side === 'target' ? header?.targetObject : header?.sourceObject) ?? 'User');
}

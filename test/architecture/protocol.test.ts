/**
 * The client–server protocol is declared once (server/protocol.ts): the commands package.json
 * contributes are exactly the declared command ids, and the client sends its custom requests and
 * notifications through the declared constants, never through a method string of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../server/protocol';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };

describe('client–server protocol', () => {
  it('declares exactly the commands package.json contributes', () => {
    expect(Object.values(COMMANDS).sort()).toEqual(manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('has no custom LSP method written as a string literal in the client', () => {
    const offenders: string[] = [];
    const visit = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (entry.name.endsWith('.ts')) {
          const text = readFileSync(path, 'utf8');
          for (const match of text.matchAll(/send(?:Request|Notification)(?:<[^>]*>)?\(\s*'aadmap\/[^']*'/g))
            offenders.push(`${path}: ${match[0]}`);
        }
      }
    };
    visit(join(root, 'client'));
    expect(offenders).toEqual([]);
  });
});

/** The Graph requests the server registers before their handlers load (server/lsp/graph-requests.ts) are exactly the ones the handlers serve. */
import type { Connection } from 'vscode-languageserver';
import { expect, it } from 'vitest';
import { GRAPH_METHODS } from '../../server/graph/protocol';
import { createGraphHandlers } from '../../server/lsp/graph-handlers';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';

it('registers every Graph request the handlers serve, and no other', () => {
  // Building the handlers only keeps the connection for later requests: no message is sent.
  const handlers = createGraphHandlers({} as Connection, createFileSchemaReader(), 1000);
  expect([...handlers.keys()].sort()).toEqual([...GRAPH_METHODS].sort());
  expect(new Set(GRAPH_METHODS).size).toBe(GRAPH_METHODS.length);
});

/**
 * Registers the Graph requests (server/graph/protocol.ts) with the connection; their handlers
 * (graph-handlers.ts) are built on the first one, so the server answers `initialize` without
 * loading the Graph client, the deploy workflow, the lifecycle steps and the evaluator they use
 * (docs/performance.md, "Start-up and the two file shapes").
 */
import type { Connection } from 'vscode-languageserver';
import { GRAPH_METHODS } from '../graph/protocol';
import type { SchemaFileReader } from '../service/schema-resolver';
import type { GraphHandlers } from './graph-handlers';
import { loadGraphHandlers } from './graph-handlers.lazy';

export function registerGraphHandlers(connection: Connection, schemaFiles: SchemaFileReader, schemaReadWaitMs = 30_000): void {
  let handlers: GraphHandlers | undefined;
  for (const method of GRAPH_METHODS) {
    connection.onRequest(method, (params: unknown, token) => {
      handlers ??= loadGraphHandlers().createGraphHandlers(connection, schemaFiles, schemaReadWaitMs);
      // Every method has one (test/protocol/graph-requests.test.ts).
      return handlers.get(method)?.(params, token);
    });
  }
}

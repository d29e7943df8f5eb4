/**
 * The browser build's language server (dist/browser/server.js) loads in a worker-like global scope
 * with no Node.js (no require, process, Buffer) and answers over a MessagePort as in a web worker:
 * initialize, then diagnostics for an opened document. Not a browser: see docs/browser.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';

const bundle = readFileSync(join(__dirname, '..', '..', 'dist', 'browser', 'server.js'), 'utf8');

describe('dist/browser/server.js in a worker scope', () => {
  const channel = new MessageChannel();
  afterAll(() => {
    channel.port1.close();
    channel.port2.close();
  });
  const received: { id?: number; method?: string; params?: unknown; result?: unknown }[] = [];
  const waiters: (() => void)[] = [];
  channel.port2.on('message', (data: (typeof received)[number]) => {
    received.push(data);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async (match: (m: (typeof received)[number]) => boolean) => {
    for (;;) {
      const found = received.find(match);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };

  it('loads without Node.js and answers initialize and diagnostics', async () => {
    const scope = {
      self: channel.port1,
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextEncoder,
      TextDecoder,
      URL,
      performance,
    };
    expect(() => runInContext(bundle, createContext(scope))).not.toThrow();
    channel.port2.postMessage({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: null, rootUri: null, capabilities: {} },
    });
    const init = (await next((m) => m.id === 1)) as { result: { capabilities: Record<string, unknown> } };
    expect(init.result.capabilities).toHaveProperty('completionProvider');
    expect(init.result.capabilities).toHaveProperty('hoverProvider');
    channel.port2.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
    channel.port2.postMessage({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: {
        textDocument: {
          uri: 'vscode-vfs://github/contoso/idm/chatwork.aadmap',
          languageId: 'aadmap',
          version: 1,
          text: 'target chatwork\nmapping "m" User -> User {\n  userName <- [userPrincipalName]  match 1\n  title <- Nope([jobTitle])\n}\n',
        },
      },
    });
    const published = (await next((m) => m.method === 'textDocument/publishDiagnostics')) as {
      params: { diagnostics: { code: string; range: { start: { line: number; character: number } } }[] };
    };
    expect(published.params.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ['unknown-function', 3, 11],
    ]);
  });
});

describe('dist/browser/extension.js', () => {
  it('loads as a web extension host loads it: CommonJS, `vscode` its only import, no Node.js', () => {
    const code = readFileSync(join(__dirname, '..', '..', 'dist', 'browser', 'extension.js'), 'utf8');
    const imports: string[] = [];
    // Module evaluation reads vscode's classes and enums (the client subclasses some): anything goes, nothing is called.
    const anything: object = new Proxy(function () {}, { get: (_, key) => (key === 'prototype' ? {} : anything) });
    const module = { exports: {} as Record<string, unknown> };
    const require = (id: string) => {
      imports.push(id);
      if (id !== 'vscode') throw new Error(`the browser entry imports ${id}`);
      return anything;
    };
    runInContext(
      code,
      createContext({ module, exports: module.exports, require, console, setTimeout, clearTimeout, TextEncoder, TextDecoder }),
    );
    expect(typeof module.exports['activate']).toBe('function');
    expect(typeof module.exports['deactivate']).toBe('function');
    expect([...new Set(imports)]).toEqual(['vscode']);
  });
});

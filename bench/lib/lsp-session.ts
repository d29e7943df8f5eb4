/**
 * What the LSP benchmarks (3: lsp-latency, 7: big-block) share: an open document changed by
 * incremental didChanges, timing an exchange at the client and in the server, and the edit and
 * completion sites they use.
 */
import {
  CompletionTriggerKind,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../grammar/common/line-index';
import type { BenchServer } from './lsp-client';

/** The open document as the client sees it: its text and version, changed by incremental didChanges. */
export class OpenDocument {
  version = 1;
  private index: LineIndex;

  constructor(
    private readonly server: BenchServer,
    readonly uri: string,
    public text: string,
  ) {
    this.index = new LineIndex(text);
  }

  position(offset: number): { line: number; character: number } {
    return this.index.positionAt(offset);
  }

  /** didOpen, then the first diagnostics: pulled where the server offers pull, else the first push. */
  async open(): Promise<void> {
    const first = this.server.diagnosticsFor(this.uri, 1);
    await this.server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri, languageId: 'aadmap', version: 1, text: this.text },
    });
    if (this.server.initializeResult.capabilities.diagnosticProvider) await this.pull();
    else await first;
  }

  pull(): Promise<unknown> {
    return this.server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: this.uri } });
  }

  /** Replaces text[offset, offset + length) with `insert` through one incremental didChange. */
  async change(offset: number, length: number, insert: string): Promise<void> {
    const change: TextDocumentContentChangeEvent = {
      range: { start: this.position(offset), end: this.position(offset + length) },
      text: insert,
    };
    this.text = this.text.slice(0, offset) + insert + this.text.slice(offset + length);
    this.index = new LineIndex(this.text);
    this.version++;
    await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: [change],
    });
  }
}

export interface Sample {
  wallMs: number;
  /** Server main-thread CPU milliseconds (undefined without /proc schedstat). */
  cpuMs?: number;
}

/** Runs `work` (which sends and awaits one exchange) and times it at the client and in the server. */
export async function timed(server: BenchServer, work: () => Promise<unknown>): Promise<Sample> {
  const cpuBefore = await server.idleCpuMs();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const cpuAfter = await server.idleCpuMs();
  return { wallMs, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** Edit sites: the `a` of every `"n/a"` constant, spread over the file. */
export function editSites(text: string): number[] {
  const sites: number[] = [];
  for (let at = text.indexOf('"n/a"'); at >= 0; at = text.indexOf('"n/a"', at + 1)) sites.push(at + 3);
  return sites;
}

/** The i-th edit site: deterministic, spread over the file. */
export const siteOf = (sites: readonly number[], i: number) => sites[(i * 37) % sites.length]!;

/** Toggles the `a`/`b` at `offset` (one character, one new version). */
export function toggle(document: OpenDocument, offset: number): Promise<void> {
  return document.change(offset, 1, document.text[offset] === 'a' ? 'b' : 'a');
}

/** The completion sites, in turn: after `[`, after a function name's first letter, at a new line's start. */
export const COMPLETION_KINDS = [
  // `Coalesce(…, "n/a")` → `Coalesce(…, "n/a", [)`: attribute names.
  { name: 'after [', insert: ', [', at: (site: number) => site + 2, trigger: '[' },
  // `Coalesce(…, "n/a", T)`: function names (and attributes, constants).
  { name: 'function name', insert: ', T', at: (site: number) => site + 2, trigger: undefined },
  // A new line in a mapping block: target attributes and block keywords.
  { name: 'line start', insert: '\n  ', at: (site: number, text: string) => text.indexOf('\n', site), trigger: undefined },
] as const;

export type CompletionKind = (typeof COMPLETION_KINDS)[number];

/**
 * Types `kind.insert` at `at` and asks for completion at once, as when typing (timed from the
 * didChange); throws when no item comes back. Then undoes the insert (untimed) and reads the
 * undone version with a hover: the first request to read a new version pays for it (V8
 * materialises the edited string), and that cost must not land in the next sample.
 */
export async function timedCompletion(server: BenchServer, document: OpenDocument, kind: CompletionKind, at: number): Promise<Sample> {
  let items = 0;
  const sample = await timed(server, async () => {
    await document.change(at, 0, kind.insert);
    const list = (await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: document.uri },
      position: document.position(at + kind.insert.length),
      context: kind.trigger
        ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: kind.trigger }
        : { triggerKind: CompletionTriggerKind.Invoked },
    })) as { items: unknown[] } | null;
    items = list?.items.length ?? 0;
  });
  if (items === 0) throw new Error(`no completion items ${kind.name} at ${JSON.stringify(document.position(at))}`);
  await document.change(at, kind.insert.length, '');
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: document.uri }, position: document.position(at) });
  return sample;
}

/**
 * One untimed completion of each kind, before a measure's samples: the first completion loads the
 * editor features (lazily, `server/service/features/index.lazy.ts`), a one-time cost that a small
 * run (`--quick`, `--edits 20`) would otherwise count in its p95 (docs/performance.md, "Method").
 */
export async function warmUpCompletion(server: BenchServer, document: OpenDocument): Promise<void> {
  const site = siteOf(editSites(document.text), 0);
  for (const kind of COMPLETION_KINDS) await timedCompletion(server, document, kind, kind.at(site, document.text));
}

/** Where a hover is asked: a name, and how to find the token from an edit site. */
export interface HoverKind {
  name: string;
  find: (text: string, site: number) => number;
}

/**
 * `count` hovers after an edit each, cycling through `kinds` over the edit sites; `check` sees each
 * hover's Markdown (a hover with nothing to say is an error: the bench would time the wrong thing).
 */
export async function timedHovers(
  server: BenchServer,
  document: OpenDocument,
  count: number,
  kinds: readonly HoverKind[],
  check: (kind: HoverKind, value: string) => void = () => undefined,
): Promise<Sample[]> {
  const sites = editSites(document.text);
  // Untimed, one of each kind after an edit: the first hover loads its modules lazily (see warmUpCompletion).
  for (const kind of kinds) {
    const site = siteOf(sites, 0);
    await toggle(document, site);
    await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: document.uri },
      position: document.position(kind.find(document.text, site)),
    });
  }
  const samples: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const site = siteOf(sites, i);
    const kind = kinds[i % kinds.length]!;
    let value = '';
    samples.push(
      await timed(server, async () => {
        await toggle(document, site);
        const hover = (await server.connection.sendRequest('textDocument/hover', {
          textDocument: { uri: document.uri },
          position: document.position(kind.find(document.text, site)),
        })) as { contents: { value: string } } | null;
        value = hover?.contents.value ?? '';
      }),
    );
    if (value === '') throw new Error(`no hover over the ${kind.name} near ${JSON.stringify(document.position(site))}`);
    check(kind, value);
  }
  return samples;
}

/**
 * What the sample-user thread computes: the value lenses, the evaluation hover and the preview
 * document, from a document's text and the editor's preview settings. Plain functions over the
 * language service and the sample files, so the same code runs in the worker thread
 * (sample-user-thread.ts) and, for tests, in-process. Sample users and schema files are read here too,
 * off the server's main thread.
 */
import type { CodeLens, Hover, Position } from 'vscode-languageserver';
import type { PreviewRequestResult } from '../protocol';
import { createSampleUserFeatures, type LensChunk } from '../service/sample-user-features';
import type { DocumentSnapshot, LanguageService } from '../service/language-service';
import type { PreviewSettings, SampleFileAccess } from '../service/sample-users';
import { DocumentSnapshot as Snapshot } from '../service/snapshot';

/** An open document as the main thread knows it. */
export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export type SampleUserRequest =
  | { kind: 'lenses'; document: OpenDocument; settings: PreviewSettings }
  | { kind: 'hover'; document: OpenDocument; position: Position; settings: PreviewSettings }
  /** `document`: the open document; without it the file is read from disk. */
  | { kind: 'preview'; uri: string; document?: OpenDocument; format: 'http' | 'json'; settings: PreviewSettings };

export interface SampleUserAnswers {
  lenses: CodeLens[];
  hover: Hover | null;
  preview: PreviewRequestResult;
}

/** What a request sends before its answer: the lenses made so far (the others send nothing). */
export interface SampleUserProgress {
  lenses: LensChunk;
  hover: never;
  preview: never;
}

/** Documents whose snapshot the sample-user thread keeps (least recently used first out). */
const KEPT_DOCUMENTS = 8;

export interface SampleUserJobs {
  /** `progress`: receives what the request sends before its answer (SampleUserProgress). */
  run(request: SampleUserRequest, progress?: (chunk: LensChunk) => void): CodeLens[] | Hover | null | PreviewRequestResult;
  /** Forgets every snapshot: a schema file or a setting changed. */
  reset(): void;
}

export function createSampleUserJobs(service: LanguageService, files: SampleFileAccess): SampleUserJobs {
  const snapshots = new Map<string, DocumentSnapshot>();

  const snapshotOf = (document: OpenDocument): DocumentSnapshot => {
    const kept = snapshots.get(document.uri);
    snapshots.delete(document.uri);
    const snapshot =
      kept && kept.version === document.version && kept.text === document.text
        ? kept
        : service.snapshot({ uri: document.uri, languageId: document.languageId, text: document.text }, document.version);
    snapshots.set(document.uri, snapshot);
    if (snapshots.size > KEPT_DOCUMENTS) snapshots.delete(snapshots.keys().next().value!);
    return snapshot;
  };

  // The facade's evaluation features (the same code the language service offers), over this
  // thread's snapshots: documents come as texts from the main thread, a path as read from disk.
  const evaluation = createSampleUserFeatures(
    files,
    (document) => (document instanceof Snapshot ? document : service.snapshot({ uri: document.uri, text: document.text })),
    (snapshot, offset) => service.analysisAround(snapshot, offset),
  );

  function lenses(document: OpenDocument, settings: PreviewSettings, progress?: (chunk: LensChunk) => void): CodeLens[] {
    return evaluation.codeLenses(snapshotOf(document), settings, progress);
  }

  function hover(document: OpenDocument, position: Position, settings: PreviewSettings): Hover | null {
    if (document.languageId !== 'aadmap') return null;
    const snapshot = snapshotOf(document);
    const section = evaluation.hover(snapshot, snapshot.lines.offsetAt(position), { preview: settings });
    if (!section) return null;
    const range = section.range && {
      start: snapshot.lines.positionAt(section.range.start),
      end: snapshot.lines.positionAt(section.range.end),
    };
    return { contents: { kind: 'markdown', value: section.markdown }, ...(range ? { range } : {}) };
  }

  function preview(uri: string, document: OpenDocument | undefined, format: 'http' | 'json', settings: PreviewSettings) {
    return evaluation.preview(document ? snapshotOf(document) : uri, settings, format);
  }

  return {
    run(request, progress) {
      switch (request.kind) {
        case 'lenses':
          return lenses(request.document, request.settings, progress);
        case 'hover':
          return hover(request.document, request.position, request.settings);
        case 'preview':
          return preview(request.uri, request.document, request.format, request.settings);
      }
    },
    reset: () => snapshots.clear(),
  };
}

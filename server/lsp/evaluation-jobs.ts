/**
 * What the evaluation thread computes: the value lenses, the evaluation hover and the preview
 * document, from a document's text and the editor's preview settings. Plain functions over the
 * language service and the sample files, so the same code runs in the worker thread
 * (evaluation-thread.ts) and, for tests, in-process. Sample users and schema files are read here too,
 * off the server's main thread.
 */
import type { CodeLens, Hover, Position } from 'vscode-languageserver';
import type { PreviewRequestResult } from '../protocol';
import type { MappingAnalysis } from '../service/analysis';
import { evaluationHover, evaluationLenses, previewDocument } from '../service/evaluation-features';
import type { DocumentSnapshot, LanguageService } from '../service/language-service';
import { type PreviewSettings, resolveSampleContext, type SampleFileAccess } from '../service/sample-users';

/** An open document as the main thread knows it. */
export interface EvaluationDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export type EvaluationRequest =
  | { kind: 'lenses'; document: EvaluationDocument; settings: PreviewSettings }
  | { kind: 'hover'; document: EvaluationDocument; position: Position; settings: PreviewSettings }
  /** `document`: the open document; without it the file is read from disk. */
  | { kind: 'preview'; uri: string; document?: EvaluationDocument; format: 'http' | 'json'; settings: PreviewSettings };

export interface EvaluationAnswers {
  lenses: CodeLens[];
  hover: Hover | null;
  preview: PreviewRequestResult;
}

/** Documents whose snapshot the evaluation thread keeps (least recently used first out). */
const KEPT_DOCUMENTS = 8;

export interface EvaluationJobs {
  run(request: EvaluationRequest): CodeLens[] | Hover | null | PreviewRequestResult;
  /** Forgets every snapshot: a schema file or a setting changed. */
  reset(): void;
}

export function createEvaluationJobs(service: LanguageService, files: SampleFileAccess): EvaluationJobs {
  const snapshots = new Map<string, DocumentSnapshot>();

  const snapshotOf = (document: EvaluationDocument): DocumentSnapshot => {
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

  const mappingAnalysis = (snapshot: DocumentSnapshot): MappingAnalysis | undefined => {
    const analysis = snapshot.analysis;
    return analysis?.language === 'aadmap' ? analysis : undefined;
  };

  function lenses(document: EvaluationDocument, settings: PreviewSettings): CodeLens[] {
    const analysis = mappingAnalysis(snapshotOf(document));
    if (!analysis) return [];
    return evaluationLenses(analysis, document.uri, resolveSampleContext(document.uri, files, settings));
  }

  function hover(document: EvaluationDocument, position: Position, settings: PreviewSettings): Hover | null {
    if (document.languageId !== 'aadmap') return null;
    // The sample user first: without one there is no value to show, and no reason to analyse the whole file.
    const sample = resolveSampleContext(document.uri, files, settings);
    if (!sample.user) return null;
    const snapshot = snapshotOf(document);
    // Only the piece around the cursor is checked when the whole file's analysis is not at hand.
    const offset = snapshot.lines.offsetAt(position);
    const analysis = service.analysisAround(snapshot, offset);
    if (!analysis) return null;
    return evaluationHover(analysis, offset, sample, snapshot.lines) ?? null;
  }

  function preview(uri: string, document: EvaluationDocument | undefined, format: 'http' | 'json', settings: PreviewSettings) {
    let analysis: MappingAnalysis | undefined;
    if (document) analysis = mappingAnalysis(snapshotOf(document));
    else {
      const read = files.readText(uri);
      if ('error' in read) return { content: `# aadmap provisioning preview\n# ${read.error}\n` };
      const found = service.analyze({ uri, text: read.text });
      analysis = found?.language === 'aadmap' ? found : undefined;
    }
    if (!analysis) return { content: '# aadmap provisioning preview: not an .aadmap document\n' };
    const sample = resolveSampleContext(uri, files, settings);
    return { content: previewDocument(analysis, uri, sample, format), sampleUser: sample.userUri };
  }

  return {
    run(request) {
      switch (request.kind) {
        case 'lenses':
          return lenses(request.document, request.settings);
        case 'hover':
          return hover(request.document, request.position, request.settings);
        case 'preview':
          return preview(request.uri, request.document, request.format, request.settings);
      }
    },
    reset: () => snapshots.clear(),
  };
}

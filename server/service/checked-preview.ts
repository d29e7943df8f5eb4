/**
 * The provisioning preview on top of the checked model: refuses files with errors (their meaning is
 * not settled), then previews every user mapping block for one sample user.
 */
import type { CheckDiagnostic } from '../checker/diagnostic';
import type { EvaluationSettings, SampleUser } from '../evaluator/index';
import type { JsonObject } from '../evaluator/json';
import { type MappingPreview, type PatchFlavour, previewBlocks } from '../preview/preview';
import type { MappingAnalysis } from './analysis';

export interface PreviewInput {
  user: SampleUser;
  existing?: JsonObject;
  settings?: EvaluationSettings;
  patchFlavour?: PatchFlavour;
}

export type PreviewOutcome = { kind: 'preview'; preview: MappingPreview } | { kind: 'errors'; errors: CheckDiagnostic[] };

/**
 * Errors block the preview, except unknown source attributes: a sample user may carry attributes
 * the built-in schema lacks (HR sources), and an absent attribute is simply null.
 */
export function previewMapping(analysis: MappingAnalysis, request: PreviewInput): PreviewOutcome {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error' && d.code !== 'unknown-attribute');
  if (errors.length) return { kind: 'errors', errors };
  return {
    kind: 'preview',
    preview: previewBlocks(analysis.blocks, analysis.schemas.target, {
      user: request.user,
      existing: request.existing,
      settings: analysis.schemas.functions ? { ...request.settings, functions: analysis.schemas.functions } : request.settings,
      patchFlavour: request.patchFlavour,
    }),
  };
}

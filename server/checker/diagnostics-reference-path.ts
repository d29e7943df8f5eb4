/** The diagnostics reference's path in the repository and in the packaged extension (diagnostics-reference.ts writes it; the server links to it). */
export const DIAGNOSTICS_REFERENCE_PATH = 'docs/diagnostics.md';

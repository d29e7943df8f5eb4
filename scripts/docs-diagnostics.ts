/**
 * `npm run docs:diagnostics`: writes docs/diagnostics.md from the diagnostic catalogues
 * (server/checker/diagnostics-reference.ts). test/docs/docs.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTICS_REFERENCE_PATH, renderDiagnosticsReference } from '../server/checker/diagnostics-reference';

const file = join(__dirname, '..', DIAGNOSTICS_REFERENCE_PATH);
writeFileSync(file, renderDiagnosticsReference());
console.log(`wrote ${DIAGNOSTICS_REFERENCE_PATH}`);

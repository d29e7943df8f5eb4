/**
 * Prints a fixture with expectation lines for what aadmap reports today — a starting point when
 * writing a new fixture, to be reviewed line by line (run: npx vite-node test/support/draft-expectations.ts FILE).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';
import { createLanguageService } from '../../server/service/language-service';
import { readExpectations, renderExpectations } from './inline-expectations';

const file = process.argv[2]!;
const raw = readFileSync(file, 'utf8');
const expectationLines = new Set(readExpectations(raw).map((e) => e.sourceLine - 1));
const text = raw
  .split('\n')
  .filter((_, i) => !expectationLines.has(i))
  .join('\n');
const service = createLanguageService({ schemaFiles: createFileSchemaReader() });
const diagnostics = service.diagnostics({ uri: pathToFileURL(file).href, text });
process.stdout.write(`${renderExpectations(text, diagnostics)}\n`);

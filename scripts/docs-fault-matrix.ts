/**
 * `npm run docs:faults`: writes the fault matrix of docs/security.md from the rows the fault tests run
 * (test/cli/fault-matrix.ts). test/cli/fault-matrix.test.ts fails while the table differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { renderFaultMatrix } from '../test/cli/fault-matrix';

const file = join(__dirname, '..', 'docs', 'security.md');
const text = readFileSync(file, 'utf8');
const heading = text.indexOf('## Fault matrix');
const start = text.indexOf('\n|', heading) + 1;
let end = start;
while (text.startsWith('|', end)) end = text.indexOf('\n', end) + 1;
if (heading < 0 || start === 0) throw new Error('docs/security.md has no table under "## Fault matrix"');
const updated = text.slice(0, start) + renderFaultMatrix() + text.slice(end);
writeFileSync(file, await format(updated, { ...(await resolveConfig(file)), filepath: file }));
console.log('wrote the fault matrix of docs/security.md');

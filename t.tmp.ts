import { readFileSync } from 'node:fs';
import { importSchema } from './server/graph/import';
const s = JSON.parse(readFileSync('test/graph/fixtures/salesforce-like-schema.json', 'utf8'));
const r = importSchema(s, { target: { path: 'salesforce-like-schema.json' } });
console.log(r.text); console.log(r.problems);

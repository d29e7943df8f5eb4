/**
 * The impact as the editor asks for it (server/impact/editor.ts, behind `aadmap/graph/impact`): the
 * editor's text against a before file, the same counts as `aadmap impact` computes from the files
 * (impactOfFile), the examples carrying their users' attributes for the preview, errors as results
 * with their reason, and cancellation between chunks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { directoryLines } from '../support/directory-users';
import { GraphCancelledError } from '../../server/graph/client';
import { WorkflowError } from '../../server/graph/workflow';
import { editorImpact, impactNeedsGraph } from '../../server/impact/editor';
import { toReport } from '../../server/impact/report';
import { impactOfFile, impactVersions } from '../../server/impact/run';
import { afterVersion, beforeVersion } from '../../server/impact/sources';
import { createFileSchemaReader } from '../../server/node/schema-file-reader';

const root = join(__dirname, '..', '..');
const chatwork = readFileSync(join(root, 'examples', 'chatwork.aadmap'), 'utf8');
const scratch = mkdtempSync(join(tmpdir(), 'aadmap-editor-impact-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const before = join(scratch, 'before.aadmap');
const after = join(scratch, 'after.aadmap');
const users = join(scratch, 'users.jsonl');
const changed = chatwork
  .replace('[accountEnabled] IS TRUE', '[accountEnabled] IS TRUE\n    [extensionAttribute1] NOT EQUALS "contractor"')
  .replace('title      <- [jobTitle]', 'title      <- Coalesce([department], [jobTitle])');
writeFileSync(before, chatwork);
writeFileSync(after, changed);
writeFileSync(users, `${[...directoryLines(3000, 7)].join('\n')}\nnot a user\n`);

const context = (signal = new AbortController().signal) => ({ schemaFiles: createFileSchemaReader(), signal });
const params = {
  uri: pathToFileURL(after).href,
  text: changed,
  before: { kind: 'file' as const, path: before },
  users: { kind: 'file' as const, path: users },
};

describe('editorImpact', () => {
  it('the counts of aadmap impact on the same files; the examples carry their lines and users', async () => {
    expect(changed).not.toBe(chatwork);
    const result = await editorImpact({ ...params, defaultDomain: 'contoso.com' }, context());
    const reference = toReport(
      await impactOfFile(impactVersions(beforeVersion(before, after, changed), afterVersion(after)), users, {
        settings: { defaultDomain: 'contoso.com' },
      }),
    );
    const counts = (r: typeof reference) => {
      const { samples: _s, matchChangedSamples: _m, ...rest } = r;
      return rest;
    };
    expect(counts(result.report)).toEqual(counts(reference));
    expect(result.report.disable).toBeGreaterThan(0);
    expect(result.report.update).toBeGreaterThan(0);
    expect(result.badLines).toEqual([{ line: 3001, message: expect.stringMatching(/^not JSON/) }]);

    const lines = readFileSync(users, 'utf8').split('\n');
    const samples = Object.values(result.report.samples).flat().length + result.report.matchChangedSamples.length;
    expect(result.examples).toHaveLength(samples);
    for (const example of result.examples) {
      if (example.user === 'line 3001') {
        expect(example.attributes).toBeUndefined();
        continue;
      }
      const { '@assigned': _assigned, ...attributes } = JSON.parse(lines[example.line - 1]!) as Record<string, unknown>;
      expect(example.attributes).toEqual(attributes);
      expect([attributes['userPrincipalName'], attributes['objectId']]).toContain(example.user);
    }
  });

  it('a version with errors, or a users file that cannot be read, is a refusal with its reason', async () => {
    await expect(
      editorImpact({ ...params, text: changed.replace('Coalesce([department]', 'Coalese([department]') }, context()),
    ).rejects.toThrow(WorkflowError);
    await expect(editorImpact({ ...params, users: { kind: 'file', path: join(scratch, 'missing.jsonl') } }, context())).rejects.toThrow(
      /cannot read .*missing\.jsonl: ENOENT/,
    );
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(editorImpact(params, context(controller.signal))).rejects.toThrow(GraphCancelledError);
  });

  it('needs Microsoft Graph only for the job, a deploy plan or the tenant', () => {
    expect(impactNeedsGraph(params)).toBe(false);
    expect(impactNeedsGraph({ ...params, before: { kind: 'job' } })).toBe(true);
    expect(impactNeedsGraph({ ...params, before: { kind: 'plan' } })).toBe(true);
    expect(impactNeedsGraph({ ...params, users: { kind: 'tenant', cacheDir: scratch } })).toBe(true);
    expect(impactNeedsGraph({ ...params, before: { kind: 'git', rev: 'HEAD' } })).toBe(false);
  });
});

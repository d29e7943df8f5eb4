/**
 * Comments cite only what a reader of a clone can open: a file they mention exists in the
 * repository, no path of a development machine, no number of an issue tracker the clone does not
 * have. Public pages (learn.microsoft.com, an RFC) are cited by URL and are not checked here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../support/files-under';

const root = fileURLToPath(new URL('../../', import.meta.url));
const FOLDERS = ['grammar', 'server', 'client', 'test', 'bench', 'scripts'];
/** Files a comment may cite that are built or written at run time (git-ignored), or live outside a repository. */
const NOT_IN_A_CLONE = [/^(dist|out|\.e2e)\//, /^bench\/results\.json$/, /^User\/settings\.json$/ /* VS Code's user-data folder */];

const posix = (path: string) => relative(root, path).split(sep).join('/');

/** Every comment of a TypeScript or JavaScript file, with its line. */
function commentsOf(file: string): { line: number; text: string }[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const seen = new Set<number>();
  const comments: { line: number; text: string }[] = [];
  const take = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push({ line: source.getLineAndCharacterOfPosition(range.pos).line + 1, text: text.slice(range.pos, range.end) });
    }
  };
  const visit = (node: ts.Node) => {
    take(ts.getLeadingCommentRanges(text, node.getFullStart()));
    take(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.forEachChild(visit);
  };
  visit(source);
  take(ts.getLeadingCommentRanges(text, source.endOfFileToken.getFullStart()));
  return comments;
}

/** Paths a comment names: `folder/file.ext` with an extension of a file this repository could hold. */
const PATH = /(?<![\w.:/-])((?:[\w.-]+\/)+[\w.-]+\.(?:ts|mts|mjs|js|json|md|aadmap|scimfilter|yml|yaml|sh|txt|png))\b/g;
const MACHINE_PATH = /(?:^|[\s('"`])(\/home\/|\/Users\/|\/work\/|\/root\/|[A-Za-z]:\\\\?[A-Za-z])/;
const TRACKER_NUMBER = /(?:^|[\s(])#\d+\b|\b(?:issue|ticket|bug)\s+#?\d+\b/i;

describe('comments', () => {
  const files = FOLDERS.flatMap((folder) =>
    filesUnder(join(root, folder), (path) => /\.(ts|mts|mjs|js)$/.test(path) && !path.endsWith('.d.ts')),
  );
  const repositoryFiles = [
    ...FOLDERS.flatMap((folder) => filesUnder(join(root, folder), () => true)),
    ...['docs', 'examples', 'syntaxes', 'walkthrough', 'images', 'pipelines'].flatMap((folder) =>
      filesUnder(join(root, folder), () => true),
    ),
    ...readdirSync(root).map((name) => join(root, name)),
  ].map(posix);
  /** A cited path exists when a file of the repository is it, or ends with it (`mapping/lexer.ts`). */
  const exists = (cited: string) => {
    const path = cited.replace(/^(\.\/)+/, '');
    return (
      NOT_IN_A_CLONE.some((pattern) => pattern.test(path)) || repositoryFiles.some((file) => file === path || file.endsWith(`/${path}`))
    );
  };

  it('are read from the code (the check is not vacuous)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(commentsOf(join(root, 'grammar', 'mapping', 'vocabulary.ts')).some((c) => c.text.includes('learn.microsoft.com'))).toBe(true);
  });

  it('cite files that exist, no machine path and no tracker number', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const { line, text } of commentsOf(file)) {
        const where = `${posix(file)}:${line}`;
        const withoutUrls = text.replace(/https?:\/\/\S+/g, '');
        for (const [, path] of withoutUrls.matchAll(PATH))
          if (!exists(path!)) problems.push(`${where}: cites ${path}, which is not in the repository`);
        const machine = MACHINE_PATH.exec(withoutUrls);
        if (machine) problems.push(`${where}: a machine path (${machine[1]}…)`);
        const tracker = TRACKER_NUMBER.exec(withoutUrls);
        if (tracker) problems.push(`${where}: a tracker number (${tracker[0].trim()})`);
      }
    }
    expect(problems).toEqual([]);
  });
});

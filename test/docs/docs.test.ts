/**
 * The documentation says what is true: the diagnostics reference is the one generated from the
 * catalogues, the README shows the commands and screenshots that really exist, and every relative
 * link of the README, docs/, ARCHITECTURE.md and CONTRIBUTING.md opens a file that exists, at an
 * anchor that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCIM_DIAGNOSTIC_CODES, SCIM_DIAGNOSTIC_SEVERITIES, type ScimDiagnosticCode } from '../../grammar/scim/index';
import { CHECKER_CODES } from '../../server/checker/codes';
import { CHATWORK } from '../../server/schema/chatwork';
import { DIAGNOSTICS_REFERENCE_PATH, renderDiagnosticsReference } from '../../server/checker/diagnostics-reference';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');
const packageJson = JSON.parse(read('package.json'));
const docPages = readdirSync(join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
/** Pages whose links are checked; the contributor pages join once they exist. */
const pages = ['README.md', ...docPages, 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'CHANGELOG.md'].filter((page) =>
  existsSync(join(root, page)),
);

/** GitHub's heading anchors (also VS Code's Markdown preview's): lower case, punctuation dropped, spaces → '-'. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, heading] of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) anchors.add(slug(heading!));
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id!);
  return anchors;
}

describe('the diagnostics reference (docs/diagnostics.md)', () => {
  const reference = read(DIAGNOSTICS_REFERENCE_PATH);

  it('is the one generated from the catalogues (run `npm run docs:diagnostics` after changing a code)', () => {
    expect(reference).toBe(renderDiagnosticsReference());
  });

  it('has an anchored entry for every diagnostic code, with its default severity and description', () => {
    const codes = new Map<string, { severity: string; description: string }>();
    for (const [code, description] of Object.entries(SCIM_DIAGNOSTIC_CODES))
      codes.set(code, { severity: SCIM_DIAGNOSTIC_SEVERITIES[code as ScimDiagnosticCode], description });
    for (const [code, info] of Object.entries(CHECKER_CODES)) codes.set(code, info);
    const anchors = anchorsOf(reference);
    for (const [code, info] of codes) {
      expect(anchors.has(code), code).toBe(true);
      const entry = reference.split(`\n### ${code}\n`)[1]?.split('\n### ')[0];
      expect(entry, code).toBeDefined();
      expect(entry).toContain(`<a id="${code}"></a>**${info.severity}** by default.`);
      expect(entry).toContain(info.description);
    }
  });
});

describe('README', () => {
  it('opens with the commands a newcomer runs, and the scripts they use exist', () => {
    const commands = readme.split('```bash\n')[1]!.split('```')[0]!.trim().split('\n');
    expect(commands).toHaveLength(3);
    expect(commands[0]).toMatch(/^npm ci && npm run build && npx aadmap check examples\/chatwork\.aadmap examples\/mistakes\.aadmap /);
    expect(commands[1]).toMatch(/^npm ci && npm run build && npm run test:quick\b/);
    expect(commands[2]).toMatch(/^npm ci && npm test && npm run test:e2e\b/);
    for (const script of ['build', 'test', 'test:quick', 'test:unit', 'test:e2e'])
      expect(packageJson.scripts[script], script).toBeDefined();
    expect(packageJson.bin.aadmap).toBe('dist/cli.js');
    // The first command fails on purpose (the mistakes file); the README must say so.
    expect(readme).toMatch(/exits with status 1 on purpose/);
  });

  it('shows `npm start` as the way to see it in the real editor, and the script exists', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('http://127.0.0.1:8080');
    expect(packageJson.scripts.start).toBeDefined();
  });

  it('keeps the sections other pages and the lead rely on, and links the docs index', () => {
    expect(readme).toMatch(/^## What works today$/m);
    expect(readme).toMatch(/^## Not built yet$/m);
    expect(readme).toContain('](docs/README.md)');
    expect(readme).toContain('](ARCHITECTURE.md)');
    expect(readme).toContain('](CONTRIBUTING.md)');
  });

  it("names every attribute of Chatwork's user, as unknown-target-attribute does", () => {
    const names = CHATWORK.objects.flatMap((o) => o.attributes.map((a) => a.name.split(':').pop()!));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });

  it('stays short: it is the Marketplace page', () => {
    expect(readme.length).toBeLessThan(16_000);
  });
});

describe('links', () => {
  it('every committed screenshot is shown on some page, and every screenshot shown is committed', () => {
    const folder = join(root, 'test', 'e2e', 'screenshots');
    const shown = new Set<string>();
    for (const page of pages)
      for (const [, target] of read(page).matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g))
        shown.add(relative(folder, join(root, dirname(page), target!)));
    expect(shown.size).toBeGreaterThan(0);
    expect(
      readdirSync(folder)
        .filter((name) => name.endsWith('.png'))
        .sort(),
    ).toEqual([...shown].sort());
  });

  it.each(pages)('every relative link of %s opens an existing file at an existing anchor', (page) => {
    const text = read(page).replace(/^```[\s\S]*?^```/gm, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // https:, mailto:, command:
      const [path, fragment] = target!.split('#') as [string, string | undefined];
      const file = path === '' ? join(root, page) : join(root, dirname(page), path);
      if (!existsSync(file)) {
        broken.push(`${target}: no file ${relative(root, file)}`);
        continue;
      }
      if (fragment !== undefined && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(fragment))
        broken.push(`${target}: no anchor #${fragment}`);
    }
    expect(broken).toEqual([]);
  });
});

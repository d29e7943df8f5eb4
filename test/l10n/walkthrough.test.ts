/**
 * The walkthrough in Japanese and French (docs/localization.md): each step's `media.markdown` is a
 * `%key%` reference, so the manifest VS Code reads with package.nls.<locale>.json points at
 * walkthrough/<locale>/<step>.md; each translated page keeps the structure of its English page (the
 * same headings, list items, code blocks, code spans and links), so the translations cannot drift.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSLATED_LOCALES } from '../../server/l10n/locale';
import { withNls } from './manifest-nls';

const root = join(__dirname, '..', '..');
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(root, name), 'utf8'));

interface Step {
  id: string;
  media: { markdown?: string };
}

/** The walkthrough steps of the manifest as VS Code reads it with `nlsFile`. */
function stepsWith(nlsFile: string): Step[] {
  const manifest = withNls(readJson('package.json'), readJson(nlsFile) as Record<string, string>) as {
    contributes: { walkthroughs: { steps: Step[] }[] };
  };
  return manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);
}

/** What a translation must keep of a Markdown page: everything but the prose. */
interface Structure {
  /** Heading levels in order (`#` = 1). */
  headings: number[];
  listItems: number;
  /** Fenced code blocks, info string and content, in order. */
  codeBlocks: string[];
  /** Inline code spans, sorted (a translation may reorder them); a line break inside one counts as a space, as in Markdown. */
  codeSpans: string[];
  /** Link targets (`command:aadmap.…`, URLs), sorted. */
  links: string[];
}

function structureOf(markdown: string): Structure {
  const structure: Structure = { headings: [], listItems: 0, codeBlocks: [], codeSpans: [], links: [] };
  const prose: string[] = [];
  let fence: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) {
      if (fence) {
        structure.codeBlocks.push(fence.join('\n'));
        fence = undefined;
      } else fence = [line];
      continue;
    }
    if (fence) {
      fence.push(line);
      continue;
    }
    const heading = /^(#{1,6}) /.exec(line);
    if (heading) structure.headings.push(heading[1]!.length);
    if (/^\s*([-*+]|\d+\.) /.test(line)) structure.listItems++;
    prose.push(line);
  }
  const text = prose.join('\n');
  structure.codeSpans = [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!.replace(/\s+/g, ' ')).sort();
  structure.links = [...text.replace(/`[^`]+`/g, '').matchAll(/\]\(([^)\s]+)\)|<((?:command:|https?:)[^>]+)>/g)]
    .map((match) => match[1] ?? match[2]!)
    .sort();
  return structure;
}

const englishSteps = stepsWith('package.nls.json');

describe('the English walkthrough', () => {
  it('has a page per step, at walkthrough/<step>.md', () => {
    expect(englishSteps.length).toBeGreaterThan(3);
    for (const step of englishSteps) expect(step.media.markdown, step.id).toBe(`walkthrough/${step.id}.md`);
  });

  it('has pages whose structure the comparison sees', () => {
    // The comparison below is only as good as what it finds: the create page has a heading, a code
    // block and code spans; the fix page a list.
    const create = structureOf(readFileSync(join(root, 'walkthrough', 'create.md'), 'utf8'));
    expect(create.headings).toEqual([1]);
    expect(create.codeBlocks).toHaveLength(1);
    expect(create.codeBlocks[0]).toMatch(/^```aadmap\ntarget chatwork\n/);
    expect(create.codeSpans).toContain('aadmap check');
    expect(structureOf(readFileSync(join(root, 'walkthrough', 'fix.md'), 'utf8')).listItems).toBe(5);
    expect(structureOf('See [the command](command:aadmap.newMappingFile) or <https://example.com>.').links).toEqual([
      'command:aadmap.newMappingFile',
      'https://example.com',
    ]);
  });
});

for (const locale of TRANSLATED_LOCALES) {
  describe(`the walkthrough in ${locale}`, () => {
    const steps = stepsWith(`package.nls.${locale}.json`);

    it(`points every step at its page in walkthrough/${locale}/`, () => {
      expect(steps.map((step) => step.id)).toEqual(englishSteps.map((step) => step.id));
      for (const step of steps) {
        expect(step.media.markdown, step.id).toBe(`walkthrough/${locale}/${step.id}.md`);
        expect(existsSync(join(root, step.media.markdown!)), step.media.markdown).toBe(true);
      }
    });

    it(`has no page in walkthrough/${locale}/ that no step shows`, () => {
      const shown = new Set(steps.map((step) => step.media.markdown));
      const pages = readdirSync(join(root, 'walkthrough', locale)).map((name) => `walkthrough/${locale}/${name}`);
      expect(pages.filter((page) => !shown.has(page))).toEqual([]);
    });

    for (const [index, step] of steps.entries()) {
      const englishPage = englishSteps[index]?.media.markdown;
      it(`keeps the structure of ${englishPage} in ${step.media.markdown}, and translates its prose`, () => {
        const english = readFileSync(join(root, englishPage!), 'utf8');
        const translated = readFileSync(join(root, step.media.markdown!), 'utf8');
        expect(structureOf(translated)).toEqual(structureOf(english));
        const proseOf = (page: string) => page.replace(/```[^]*?```/g, '').replace(/`[^`]+`/g, '');
        expect(proseOf(translated)).not.toEqual(proseOf(english));
      });
    }
  });
}

/** The Impact view's page: bars proportional to the counts, every example row, escaping, the script's nonce. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useL10nBundle } from '../../grammar/common/l10n';
import { readL10nBundle } from '../../server/l10n/bundles';
import { barChart, impactContent, impactPage, PAGE_SCRIPT } from '../../client/impact/html';
import type { EditorImpact } from '../../server/impact/editor';

const impact: EditorImpact = {
  report: {
    users: 6,
    create: 0,
    update: 2,
    disable: 2,
    unchanged: 0,
    outOfScope: 1,
    errors: 1,
    matchChanged: 0,
    attributes: { title: 2, 'urn:x:department': 1 },
    samples: {},
    matchChangedSamples: [],
  },
  examples: [
    {
      category: 'update',
      user: 'ada@contoso.com',
      line: 1,
      changes: [{ attribute: 'title', before: null, after: '<b>Eng</b>' }],
      attributes: { userPrincipalName: 'ada@contoso.com' },
    },
    { category: 'errors', user: 'line 7', line: 7, changes: [], error: 'not JSON' },
  ],
  beforeLabel: "the job's current schema",
  usersLabel: 'users.jsonl',
  notEvaluated: [],
  warnings: [],
  badLines: [{ line: 7, message: 'not JSON' }],
};

const bars = (svg: string) =>
  [...svg.matchAll(/data-label="([^"]*)" data-count="(\d+)">.*?<rect [^>]*width="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);

describe('barChart', () => {
  it('scales the bars to the largest count; a zero count has no bar, a small one stays visible', () => {
    const svg = barChart('t', [
      ['a', 1000, 'red'],
      ['b', 500, 'red'],
      ['c', 0, 'red'],
      ['d', 1, 'red'],
    ]);
    const [a, b, c, d] = bars(svg);
    expect(a![2]).toBe(300);
    expect(b![2]).toBe(150);
    expect(c![2]).toBe(0);
    expect(d![2]).toBe(2);
  });
});

describe('impactPage', () => {
  const page = impactPage({ kind: 'done', impact }, { title: 'app.aadmap', nonce: 'abc123', cspSource: 'vscode-webview:' });

  it('draws one bar per category and one per changed attribute, with their counts', () => {
    expect(bars(page).map(([label, n]) => [label, n])).toEqual([
      ['created', 0],
      ['updated', 2],
      ['disabled', 2],
      ['unchanged', 0],
      ['out of scope', 1],
      ['errors', 1],
      ['matching value changed', 0],
      ['title', 2],
      ['urn:x:department', 1],
    ]);
  });

  it('lists every example; only users with attributes are clickable; values are escaped', () => {
    expect(page.match(/<tr class="user" data-index="0"/g)).toHaveLength(1);
    expect(page).toContain('<tr class="" data-index="1">');
    expect(page).toContain('<span title="title">title</span>: (not sent) → &#34;&#60;b&#62;Eng&#60;/b&#62;&#34;');
    expect(page).not.toContain('<b>Eng</b>');
    // A SCIM extension attribute is drawn by its last segment, the full name in the tooltip.
    expect(page).toContain('<title>urn:x:department: 1</title><text x="182" y="39" text-anchor="end">department</text>');
    expect(page).toContain('line 7: not JSON');
  });

  it('allows its own script only (the nonce), and keeps the previous numbers while a run is in flight', () => {
    expect(page).toContain("script-src 'nonce-abc123'");
    expect(page.match(/<script /g)).toHaveLength(1);
    const running = impactPage({ kind: 'running', previous: impact }, { title: 'a', nonce: 'n', cspSource: 's' });
    expect(running).toContain('Computing the impact…');
    expect(bars(running)).toHaveLength(9);
    const failed = impactPage({ kind: 'failed', message: 'cannot read <x>' }, { title: 'a', nonce: 'n', cspSource: 's' });
    expect(failed).toContain('cannot read &#60;x&#62;');
    expect(bars(failed)).toHaveLength(0);
  });
});

describe("the page's script", () => {
  /** Runs the script against stand-ins for the webview's `acquireVsCodeApi`, document and window. */
  function load() {
    const posted: unknown[] = [];
    const listeners: Record<string, ((event: any) => void)[]> = {};
    const on = (type: string, listener: (event: any) => void) => (listeners[type] ??= []).push(listener);
    const content = { innerHTML: 'first' };
    const document = { getElementById: (id: string) => (id === 'content' ? content : null), addEventListener: on };
    const window = { addEventListener: on };
    new Function('acquireVsCodeApi', 'document', 'window', PAGE_SCRIPT)(
      () => ({ postMessage: (m: unknown) => posted.push(m) }),
      document,
      window,
    );
    const dispatch = (type: string, event: unknown) => listeners[type]?.forEach((listener) => listener(event));
    return { posted, content, dispatch };
  }

  it('says it is ready when loaded, so the panel sends the latest content', () => {
    expect(load().posted).toEqual([{ type: 'ready' }]);
  });

  it('replaces the content in place with what a render message brings, and ignores other messages', () => {
    const { content, dispatch } = load();
    const html = impactContent({ kind: 'done', impact }, 'app.aadmap');
    dispatch('message', { data: { type: 'render', html } });
    expect(content.innerHTML).toBe(html);
    dispatch('message', { data: { type: 'other', html: 'x' } });
    dispatch('message', { data: { type: 'render', html: 42 } });
    dispatch('message', { data: null });
    expect(content.innerHTML).toBe(html);
  });

  it('asks for the preview of a clicked example user, not of a row without attributes', () => {
    const { posted, dispatch } = load();
    const row = (user: boolean, index: number) => ({
      closest: () => ({ classList: { contains: (c: string) => user && c === 'user' }, dataset: { index: String(index) } }),
    });
    dispatch('click', { target: row(true, 3) });
    dispatch('click', { target: row(false, 4) });
    dispatch('keydown', { key: 'Enter', target: row(true, 5) });
    expect(posted.slice(1)).toEqual([
      { type: 'preview', index: 3 },
      { type: 'preview', index: 5 },
    ]);
  });

  it('the first page holds the same content as the messages', () => {
    const state = { kind: 'running', previous: impact } as const;
    expect(impactPage(state, { title: 'a', nonce: 'n', cspSource: 's' })).toContain(
      `<main id="content">${impactContent(state, 'a')}</main>`,
    );
  });
});

describe('in Japanese and French', () => {
  const page = (locale: 'ja' | 'fr') => {
    useL10nBundle(readL10nBundle(locale, join(__dirname, '..', '..')));
    try {
      return impactPage({ kind: 'done', impact }, { title: 'a', nonce: 'n', cspSource: 's' });
    } finally {
      useL10nBundle(undefined);
    }
  };

  it('labels the charts, headings and table in the display language', () => {
    const english = impactPage({ kind: 'done', impact }, { title: 'a', nonce: 'n', cspSource: 's' });
    expect(english).toContain('<h2>Attributes that change</h2>');
    expect(page('ja')).toContain('<h2>変更される属性</h2>');
    expect(page('ja')).toContain('data-label="無効化"');
    expect(page('fr')).toContain('<h2>Attributs modifiés</h2>');
    expect(page('fr')).toContain('data-label="hors étendue"');
  });

  it('writes the counts as the display language does; data-count stays a plain number', () => {
    const chart = (locale: 'en' | 'fr') => {
      useL10nBundle(readL10nBundle(locale, join(__dirname, '..', '..')) ?? {}, locale);
      try {
        return barChart('t', [['updated', 12345, 'red']]);
      } finally {
        useL10nBundle(undefined);
      }
    };
    expect(chart('en')).toContain('data-count="12345"><title>updated: 12,345</title>');
    expect(chart('en')).toMatch(/>12,345<\/text><\/g>/);
    expect(chart('fr')).toContain('data-count="12345"><title>updated: 12\u202f345</title>');
    expect(chart('fr')).toMatch(/>12\u202f345<\/text><\/g>/);
  });
});

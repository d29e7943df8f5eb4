/**
 * The Impact view's page (pure: no vscode import, unit-tested): the counts as a bar chart, the target
 * attributes whose values change as a second one, and the example users in a table whose rows ask
 * the extension (postMessage) to open the provisioning preview for that user. Plain SVG and CSS in
 * the editor's theme colours (code.visualstudio.com/api/references/theme-color), no chart library;
 * one inline script, allowed by its nonce only (code.visualstudio.com/api/extension-guides/webview#content-security-policy).
 */
import { formatNumber, t } from '../../grammar/common/l10n';
import type { EditorImpact, ImpactExample } from '../../server/impact/editor';
import { categoryLabel } from '../../server/impact/report';

export type ImpactViewState =
  | { kind: 'running'; previous?: EditorImpact }
  | { kind: 'done'; impact: EditorImpact }
  | { kind: 'failed'; message: string; previous?: EditorImpact };

export interface PageOptions {
  /** The mapping file's name. */
  title: string;
  nonce: string;
  cspSource: string;
  /** The page's language (`vscode.env.language`), for the screen reader and the fonts. */
  lang?: string;
}

/** The bars of the counts chart: [key of the report, colour]. */
const COUNT_BARS = [
  ['create', 'var(--vscode-charts-green)'],
  ['update', 'var(--vscode-charts-blue)'],
  ['disable', 'var(--vscode-charts-red)'],
  ['unchanged', 'var(--vscode-charts-foreground)'],
  ['outOfScope', 'var(--vscode-disabledForeground)'],
  ['errors', 'var(--vscode-charts-orange)'],
  ['matchChanged', 'var(--vscode-charts-purple)'],
] as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A SCIM extension attribute by its last segment (`urn:…:User:department` → `department`); the full name is in the tooltip. */
function shortName(attribute: string): string {
  return attribute.startsWith('urn:') ? attribute.slice(attribute.lastIndexOf(':') + 1) : attribute;
}

const show = (value: unknown): string => (value === null || value === undefined ? t('(not sent)') : JSON.stringify(value));

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 190;
const CHART_WIDTH = 560;

/** A horizontal bar chart: one row per [label, count, colour]; bars scale to the largest count. */
export function barChart(title: string, rows: readonly (readonly [string, number, string])[]): string {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 70;
  const height = rows.length * BAR_HEIGHT + 4;
  const bars = rows
    .map(([label, n, colour], i) => {
      const y = i * BAR_HEIGHT + 2;
      const width = n === 0 ? 0 : Math.max(2, Math.round((n / max) * barSpace));
      return (
        `<g class="bar" data-label="${escapeHtml(label)}" data-count="${n}"><title>${escapeHtml(label)}: ${formatNumber(n)}</title>` +
        `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(shortName(label))}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="${BAR_HEIGHT - 6}" fill="${colour}"></rect>` +
        `<text x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${formatNumber(n)}</text></g>`
      );
    })
    .join('');
  return (
    `<svg role="img" aria-label="${escapeHtml(title)}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">` +
    `<title>${escapeHtml(title)}</title>${bars}</svg>`
  );
}

function changesCell(example: ImpactExample): string {
  if (example.error) return `<span class="error">${escapeHtml(example.error)}</span>`;
  const parts: string[] = [];
  if (example.match)
    parts.push(
      `<b>${escapeHtml(t('matching value'))}</b>: ${escapeHtml(show(example.match.before))} → ${escapeHtml(show(example.match.after))}`,
    );
  for (const change of example.changes)
    parts.push(
      `<span title="${escapeHtml(change.attribute)}">${escapeHtml(shortName(change.attribute))}</span>: ${escapeHtml(show(change.before))} → ${escapeHtml(show(change.after))}`,
    );
  return parts.join('<br>');
}

function body(impact: EditorImpact): string {
  const { report } = impact;
  const counts = barChart(
    t('Impact on {0} users', report.users),
    COUNT_BARS.map(([key, colour]) => [categoryLabel(key), report[key], colour] as const),
  );
  const attributes = Object.entries(report.attributes);
  const attributeChart = attributes.length
    ? barChart(
        t('Target attributes whose values change (updated users)'),
        attributes.map(([name, n]) => [name, n, 'var(--vscode-charts-blue)'] as const),
      )
    : `<p class="muted">${escapeHtml(t('No target attribute changes for users who stay in scope.'))}</p>`;
  const rows = impact.examples
    .map((example, index) => {
      const clickable = example.attributes !== undefined;
      return (
        `<tr class="${clickable ? 'user' : ''}" data-index="${index}"${clickable ? ` tabindex="0" title="${escapeHtml(t('Open the provisioning preview for this user'))}"` : ''}>` +
        `<td>${escapeHtml(categoryLabel(example.category, false))}</td><td class="name">${escapeHtml(example.user)}</td>` +
        `<td>${changesCell(example)}</td></tr>`
      );
    })
    .join('');
  const notes = [
    ...(impact.guard?.reasons ?? []).map((r) => `<li class="warning">${escapeHtml(r)}</li>`),
    ...(impact.notEvaluated.length
      ? [
          `<li class="warning">${escapeHtml(t("Not evaluated (Graph's /users cannot give them; read as null): {0}", impact.notEvaluated.join(', ')))}</li>`,
        ]
      : []),
    ...impact.badLines.map((b) => `<li class="error">${escapeHtml(t('line {0}: {1}', b.line, b.message))}</li>`),
    ...impact.warnings.map((w) => `<li class="warning">${escapeHtml(w)}</li>`),
  ];
  return (
    `<p class="muted">${escapeHtml(t('Before: {0} · users: {1}', impact.beforeLabel, impact.usersLabel))}</p>` +
    `<h2>${escapeHtml(t('Users'))}</h2>${counts}` +
    `<h2>${escapeHtml(t('Attributes that change'))}</h2>${attributeChart}` +
    (notes.length ? `<ul class="notes">${notes.join('')}</ul>` : '') +
    `<h2>${escapeHtml(t('Examples'))}</h2>` +
    (rows
      ? `<table><thead><tr><th>${escapeHtml(t('Category'))}</th><th>${escapeHtml(t('User'))}</th><th>${escapeHtml(t('Changes'))}</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p class="muted">${escapeHtml(t('No users.'))}</p>`)
  );
}

/**
 * What the page shows for a state: the heading, the run's status and the numbers. The panel sends it
 * as a message after the first page (see impactPage), so the view keeps its scroll position.
 */
export function impactContent(state: ImpactViewState, title: string): string {
  const shown = state.kind === 'done' ? state.impact : state.previous;
  const status =
    state.kind === 'running'
      ? `<p class="status" role="status">${escapeHtml(t('Computing the impact…'))}</p>`
      : state.kind === 'failed'
        ? `<p class="status error" role="alert">${escapeHtml(state.message)}</p>`
        : '';
  return `<h1>${escapeHtml(t('Impact: {0}', title))}</h1>${status}${shown ? body(shown) : ''}`;
}

/** The message that replaces the page's content (impactContent) in place. */
export interface ImpactRenderMessage {
  type: 'render';
  html: string;
}

/**
 * The whole page, set once as the webview's HTML: a new HTML would reload the page, losing its
 * scroll position at every save. Its script shows the content messages bring, and says `ready` when
 * loaded: VS Code reloads a hidden view's page from this HTML when it is shown again
 * (code.visualstudio.com/api/extension-guides/webview#persistence), and the panel answers with the
 * latest content.
 */
export function impactPage(state: ImpactViewState, options: PageOptions): string {
  const nonce = escapeHtml(options.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang ?? 'en')}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${escapeHtml(options.cspSource)} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(t('Impact: {0}', options.title))}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px 16px; }
h1 { font-size: 1.3em; } h2 { font-size: 1.05em; margin-top: 1.4em; }
svg text { fill: var(--vscode-foreground); font-size: 12px; }
.muted { color: var(--vscode-descriptionForeground); }
.error { color: var(--vscode-errorForeground); } .warning { color: var(--vscode-editorWarning-foreground); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 4px 8px; vertical-align: top; }
th { border-bottom: 1px solid var(--vscode-panel-border); }
tr.user { cursor: pointer; } tr.user:hover, tr.user:focus { background: var(--vscode-list-hoverBackground); outline: none; }
td.name { color: var(--vscode-textLink-foreground); white-space: nowrap; }
</style></head>
<body><main id="content">${impactContent(state, options.title)}</main>
<script nonce="${nonce}">${PAGE_SCRIPT}</script></body></html>`;
}

/** The page's script (plain browser JavaScript; test/client/impact-html.test.ts runs it against stand-ins). */
export const PAGE_SCRIPT = `
const vscode = acquireVsCodeApi();
const content = document.getElementById('content');
const open = (row) => row && row.classList.contains('user') && vscode.postMessage({ type: 'preview', index: Number(row.dataset.index) });
document.addEventListener('click', (e) => open(e.target.closest('tr')));
document.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(e.target.closest('tr')); });
window.addEventListener('message', (e) => {
  const message = e.data;
  if (message && message.type === 'render' && typeof message.html === 'string') content.innerHTML = message.html;
});
vscode.postMessage({ type: 'ready' });
`;

/**
 * `--format markdown`: the output of `aadmap check`, `aadmap impact` and the what-if of `aadmap deploy`
 * as GitHub-flavored Markdown, for a pull request's job summary or a pipeline's summary tab
 * (docs/pipelines.md). Rendered from the structured results (the schema diff, the impact report, the
 * reported diagnostics), never by reformatting the text output. Everything that comes from a file or
 * from the tenant is escaped: it cannot add links, HTML or table cells (GFM tables:
 * https://github.github.com/gfm/#tables-extension-, code spans: https://spec.commonmark.org/0.31.2/#code-spans).
 */
import { t } from '../../grammar/common/l10n';
import type { SchemaDiff } from '../graph/diff';
import { CATEGORIES } from '../impact/classify';
import { categoryLabel, impactHeading, showValue, type ImpactReport } from '../impact/report';
import { checkSummary, visible } from './format-text';
import type { CheckedInput, ReportedDiagnostic } from './report';

/** Inline text: Markdown and HTML characters escaped, line breaks as spaces, control characters visible. */
export function mdText(text: string): string {
  return visible(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[\\`*_[\]<>|~#!]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;');
}

/**
 * A code span: delimited by a backtick run longer than any inside, padded when the text starts or
 * ends with a backtick. In a table cell a pipe is escaped (GFM removes the backslash there).
 */
export function mdCode(text: string, inTable = false): string {
  const content = visible(text.replace(/\r\n|\r|\n/g, ' '));
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = /^`|`$/.test(content) || /^ .*[^ ].* $/.test(content) ? ` ${content} ` : content;
  return `${fence}${padded === '' ? ' ' : inTable ? padded.replace(/\|/g, '\\|') : padded}${fence}`;
}

/** A fenced code block with a fence longer than any backtick run in the lines. */
export function mdFence(lines: readonly string[], info = ''): string {
  const body = lines.map((line) => visible(line));
  const longest = Math.max(2, ...body.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${info}`, ...body, fence].join('\n');
}

function table(header: readonly string[], align: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'right' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

// ───────────────────────────────────────────── aadmap check

/** At most this many findings are listed (a job summary holds 1 MiB); the counts are always complete. */
const MARKDOWN_FINDINGS_LIMIT = 200;

export function formatCheckMarkdown(inputs: readonly { input: CheckedInput; reported: ReportedDiagnostic[] }[]): string {
  const all = inputs.flatMap((i) => i.reported);
  const out = ['### aadmap check', '', `**${mdText(checkSummary(inputs))}**`];
  if (inputs.length) {
    const rows = inputs.map(({ input, reported }) => {
      const count = (severity: ReportedDiagnostic['severity']) => String(reported.filter((d) => d.severity === severity).length);
      const errors = count('error');
      return [
        `${errors === '0' && count('warning') === '0' ? '✅' : errors === '0' ? '⚠️' : '❌'} ${mdCode(input.file, true)}`,
        errors,
        count('warning'),
        count('info'),
      ];
    });
    out.push('', table([t('File'), t('Errors'), t('Warnings'), t('Notes')], ['left', 'right', 'right', 'right'], rows));
  }
  if (all.length) {
    const shown = all.slice(0, MARKDOWN_FINDINGS_LIMIT);
    const rows = shown.map((d) => [
      mdCode(`${d.file}:${d.line}:${d.column}`, true),
      d.severity === 'info' ? 'note' : d.severity,
      mdCode(d.code, true),
      mdText(d.message),
    ]);
    out.push('', table([t('Location'), t('Severity'), t('Code'), t('Message')], ['left', 'left', 'left', 'left'], rows));
    if (all.length > shown.length) out.push('', t('… and {0} more (run `aadmap check` to see them all).', all.length - shown.length));
  }
  return out.join('\n');
}

// ───────────────────────────────────────────── aadmap impact

/** `heading`: the level of the section's heading (3 on its own, 4 inside the what-if). */
export function formatImpactMarkdown(report: ImpactReport, heading = 3): string {
  const h = '#'.repeat(heading);
  const rows = CATEGORIES.map((c) => [categoryLabel(c), String(report[c])]);
  rows.push([categoryLabel('matchChanged'), String(report.matchChanged)]);
  const out = [`${h} ${impactHeading(report.users)}`, '', table([t('Users'), t('Count')], ['left', 'right'], rows)];
  if (report.matchChanged)
    out.push('', `**${t('The matching value changes for some users: the service may no longer find their accounts.')}**`);
  const attributes = Object.entries(report.attributes);
  if (attributes.length)
    out.push(
      '',
      `${h}# ${t('Attributes changed (updated users)')}`,
      '',
      table(
        [t('Attribute'), t('Users')],
        ['left', 'right'],
        attributes.map(([name, n]) => [mdCode(name, true), String(n)]),
      ),
    );
  for (const c of CATEGORIES) {
    const samples = report.samples[c];
    if (!samples?.length || c === 'unchanged' || c === 'outOfScope') continue;
    out.push('', `${h}# ${t('Examples ({0})', categoryLabel(c))}`, '');
    for (const s of samples) {
      out.push(`- ${s.error ? t('{0}: {1}', mdCode(s.user), mdText(s.error)) : mdCode(s.user)}`);
      if (c === 'update')
        for (const ch of s.changes)
          out.push(`  - ${mdCode(ch.attribute)}: ${mdCode(showValue(ch.before))} → ${mdCode(showValue(ch.after))}`);
    }
  }
  if (report.matchChangedSamples.length) {
    out.push('', `${h}# ${t('Examples ({0})', categoryLabel('matchChanged'))}`, '');
    for (const s of report.matchChangedSamples)
      out.push(`- ${mdCode(s.user)}: ${mdCode(showValue(s.match?.before ?? null))} → ${mdCode(showValue(s.match?.after ?? null))}`);
  }
  return out.join('\n');
}

// ───────────────────────────────────────────── aadmap deploy (the what-if)

export interface WhatIfMarkdownInput {
  /** The file deployed, as given on the command line. */
  file: string;
  /** The plan's one-line summary ("1 mapping changes on job … of "Chatwork" (…)."). */
  summary: string;
  diff: SchemaDiff;
  warnings: readonly string[];
  /** The deploy guard's part, when deploy ran with --users (or a directory cache). */
  impact?: { report?: ImpactReport; lines: readonly string[]; refused: boolean };
  dryRun: boolean;
}

const STATUS_MARK = { added: '➕', removed: '➖', changed: '✏️' } as const;

/** The what-if from the structured diff: a count table, then one `diff` block per changed object mapping. */
export function formatWhatIfMarkdown(input: WhatIfMarkdownInput): string {
  const { diff } = input;
  const out = [`### aadmap what-if: ${mdCode(input.file)}`, '', `**${mdText(input.summary)}**`];
  if (input.dryRun) out.push('', t('Dry run: nothing was written.'));
  if (input.warnings.length) {
    out.push('', `**${t('Warnings')}**`, '');
    for (const warning of input.warnings) out.push(`- ⚠️ ${mdText(warning)}`);
  }
  const { added, changed, removed, objectSettings, blocksAdded, blocksRemoved } = diff.counts;
  out.push(
    '',
    table(
      [
        t('Mappings added'),
        t('Changed'),
        t('Removed'),
        t('Blocks added'),
        t('Blocks removed'),
        t('Blocks with other changes'),
        t('Attribute definitions'),
      ],
      ['right', 'right', 'right', 'right', 'right', 'right', 'right'],
      [[added, changed, removed, blocksAdded, blocksRemoved, objectSettings, diff.attributes.length].map(String)],
    ),
  );
  if (diff.total === 0) out.push('', t('No changes: the job already has these mappings.'));
  for (const om of diff.objectMappings) {
    if (om.status === 'unchanged') continue;
    const lines: string[] = [];
    const { before, after } = om.settingChanges;
    if (before.length || after.length) {
      if (before[0] !== after[0] && om.status === 'changed') lines.push(`- ${before[0]!.trim()}`, `+ ${after[0]!.trim()}`);
      for (const line of before.slice(1).filter((l) => !after.includes(l))) lines.push(`- ${line.trim()}`);
      for (const line of after.slice(1).filter((l) => !before.includes(l))) lines.push(`+ ${line.trim()}`);
    }
    for (const change of om.mappings) {
      if (change.before !== undefined) lines.push(`- ${change.before}`);
      if (change.after !== undefined) lines.push(`+ ${change.after}`);
    }
    const title =
      om.status === 'added'
        ? t('Object mapping {0} ({1}) added', mdCode(om.name), mdCode(om.objects))
        : om.status === 'removed'
          ? t('Object mapping {0} ({1}) removed', mdCode(om.name), mdCode(om.objects))
          : t('Object mapping {0} ({1}) changed', mdCode(om.name), mdCode(om.objects));
    out.push('', `#### ${STATUS_MARK[om.status]} ${title}`);
    if (lines.length) out.push('', mdFence(lines, 'diff'));
  }
  if (diff.attributes.length) {
    const lines = diff.attributes.flatMap((a) => [
      ...(a.before !== undefined ? [`- ${a.before}  (${a.directory} ${a.object})`] : []),
      ...(a.after !== undefined ? [`+ ${a.after}  (${a.directory} ${a.object})`] : []),
    ]);
    out.push('', `#### ${t('Attribute definitions')}`, '', mdFence(lines, 'diff'));
  }
  if (input.impact) {
    out.push('', input.impact.report ? formatImpactMarkdown(input.impact.report, 4) : `#### ${t('Impact')}`);
    if (input.impact.lines.length) out.push('', ...input.impact.lines.map((line) => `- ${mdText(line)}`));
    if (input.impact.refused) out.push('', `**❌ ${t('The deploy is refused by the impact guard.')}**`);
  }
  return out.join('\n');
}

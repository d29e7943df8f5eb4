/**
 * An impact tally → the JSON of `aadmap impact --format json` (an exact contract, docs/impact.md)
 * and the text summary the CLI and the deploy what-if print.
 */
import { stringifyJson, type OutputJson } from '../evaluator/json';
import { CATEGORIES, type Category } from './classify';
import type { ImpactSample, ImpactTally } from './tally';

export interface ImpactReport {
  users: number;
  create: number;
  update: number;
  disable: number;
  unchanged: number;
  outOfScope: number;
  errors: number;
  matchChanged: number;
  /** Target attribute → number of update users whose value of it differs (non-zero counts only). */
  attributes: Record<string, number>;
  /** A key per non-empty category. */
  samples: Partial<Record<Category, ImpactSample[]>>;
  /** Examples of users whose matching value changes. */
  matchChangedSamples: ImpactSample[];
}

export function toReport(tally: ImpactTally): ImpactReport {
  const samples: Partial<Record<Category, ImpactSample[]>> = {};
  for (const c of CATEGORIES) if (tally.counts[c] > 0) samples[c] = tally.samples[c].map((r) => r.sample);
  const attributes = Object.fromEntries(
    Object.entries(tally.attributes)
      .filter(([, n]) => n > 0)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)),
  );
  return {
    users: tally.users,
    ...tally.counts,
    matchChanged: tally.matchChanged,
    attributes,
    samples,
    matchChangedSamples: tally.matchChangedSamples.map((r) => r.sample),
  };
}

export function reportJson(report: ImpactReport, header: Record<string, OutputJson | undefined> = {}): string {
  return stringifyJson({ ...header, ...report } as unknown as OutputJson);
}

/** The words the text and Markdown summaries use for each category. */
export const CATEGORY_LABELS: Record<Category, string> = {
  create: 'created',
  update: 'updated',
  disable: 'disabled',
  unchanged: 'unchanged',
  outOfScope: 'out of scope',
  errors: 'errors',
};

const show = (value: OutputJson): string => (value === null ? '(not sent)' : stringifyJson(value, 0));

/** The summary for people: one line per category, the changed attributes, a few examples. */
export function reportText(report: ImpactReport): string {
  const width = String(report.users).length;
  const lines = [`Impact on ${report.users} user${report.users === 1 ? '' : 's'}:`];
  for (const c of CATEGORIES) lines.push(`  ${String(report[c]).padStart(width)}  ${CATEGORY_LABELS[c]}`);
  lines.push(
    `  ${String(report.matchChanged).padStart(width)}  matching value changed${report.matchChanged ? ' (the service may no longer find their accounts)' : ''}`,
  );
  const attributes = Object.entries(report.attributes);
  if (attributes.length) {
    lines.push('Attributes changed (updated users):');
    for (const [name, n] of attributes) lines.push(`  ${String(n).padStart(width)}  ${name}`);
  }
  for (const c of CATEGORIES) {
    const samples = report.samples[c];
    if (!samples?.length || c === 'unchanged' || c === 'outOfScope') continue;
    lines.push(`Examples (${CATEGORY_LABELS[c]}):`);
    for (const s of samples) {
      lines.push(`  ${s.user}${s.error ? `: ${s.error}` : ''}`);
      if (c === 'update') for (const ch of s.changes) lines.push(`    ${ch.attribute}: ${show(ch.before)} → ${show(ch.after)}`);
    }
  }
  if (report.matchChangedSamples.length) {
    lines.push('Examples (matching value changed):');
    for (const s of report.matchChangedSamples)
      lines.push(`  ${s.user}: ${show(s.match?.before ?? null)} → ${show(s.match?.after ?? null)}`);
  }
  return lines.join('\n');
}

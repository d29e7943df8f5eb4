/**
 * An impact tally → the JSON of `aadmap impact --format json` (an exact contract, docs/impact.md)
 * and the text summary the CLI and the deploy what-if print.
 */
import { t } from '../../grammar/common/l10n';
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

/**
 * A category's label in the summaries and the Impact view: as a count (plural: "errors") or as one
 * user's category (`plural` false: "error"); `matchChanged` is not a category but is counted as one.
 */
export function categoryLabel(category: Category | 'matchChanged', plural = true): string {
  switch (category) {
    case 'create':
      return t('created');
    case 'update':
      return t('updated');
    case 'disable':
      return t('disabled');
    case 'unchanged':
      return t('unchanged');
    case 'outOfScope':
      return t('out of scope');
    case 'errors':
      return plural ? t('errors') : t('error');
    case 'matchChanged':
      return t('matching value changed');
  }
}

/** "Impact on 3 users" (the text summary adds a colon, the Markdown heading none). */
export function impactHeading(users: number): string {
  return users === 1 ? t('Impact on 1 user') : t('Impact on {0} users', users);
}

/** A value before or after the change, as the summaries show it: JSON, or "(not sent)" for null. */
export const showValue = (value: OutputJson): string => (value === null ? t('(not sent)') : stringifyJson(value, 0));

/** The summary for people: one line per category, the changed attributes, a few examples. */
export function reportText(report: ImpactReport): string {
  const width = String(report.users).length;
  const lines = [t('{0}:', impactHeading(report.users))];
  for (const c of CATEGORIES) lines.push(`  ${String(report[c]).padStart(width)}  ${categoryLabel(c)}`);
  lines.push(
    `  ${String(report.matchChanged).padStart(width)}  ${report.matchChanged ? t('matching value changed (the service may no longer find their accounts)') : categoryLabel('matchChanged')}`,
  );
  const attributes = Object.entries(report.attributes);
  if (attributes.length) {
    lines.push(t('Attributes changed (updated users):'));
    for (const [name, n] of attributes) lines.push(`  ${String(n).padStart(width)}  ${name}`);
  }
  for (const c of CATEGORIES) {
    const samples = report.samples[c];
    if (!samples?.length || c === 'unchanged' || c === 'outOfScope') continue;
    lines.push(t('{0}:', t('Examples ({0})', categoryLabel(c))));
    for (const s of samples) {
      lines.push(s.error ? t('{0}: {1}', `  ${s.user}`, s.error) : `  ${s.user}`);
      if (c === 'update') for (const ch of s.changes) lines.push(`    ${ch.attribute}: ${showValue(ch.before)} → ${showValue(ch.after)}`);
    }
  }
  if (report.matchChangedSamples.length) {
    lines.push(t('{0}:', t('Examples ({0})', categoryLabel('matchChanged'))));
    for (const s of report.matchChangedSamples)
      lines.push(`  ${s.user}: ${showValue(s.match?.before ?? null)} → ${showValue(s.match?.after ?? null)}`);
  }
  return lines.join('\n');
}

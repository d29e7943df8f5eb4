/**
 * An impact run over a users file: both versions checked, then every line streamed through an
 * engine (never the whole file in memory).
 */
import type { EvaluationSettings } from '../evaluator/index';
import { type BadLine, ImpactEngine } from './engine';
import { forEachLine } from './read-lines';
import type { ImpactTally } from './tally';
import { impactVersion, type ImpactVersion } from './version';
import type { VersionText } from './sources';

export interface ImpactRunOptions {
  samples?: number;
  settings?: EvaluationSettings;
  /** Each line that is not a user, as soon as it is read. */
  onBadLine?: (bad: BadLine) => void;
}

export interface ImpactVersions {
  before: ImpactVersion;
  after: ImpactVersion;
}

/** Throws VersionError when a version has errors. */
export function impactVersions(before: VersionText, after: VersionText): ImpactVersions {
  return { before: impactVersion(before.analysis, before.label), after: impactVersion(after.analysis, after.label) };
}

export async function impactOfFile(versions: ImpactVersions, usersPath: string, options: ImpactRunOptions = {}): Promise<ImpactTally> {
  const engine = new ImpactEngine(versions.before, versions.after, options);
  await forEachLine(usersPath, (text, line) => {
    const bad = engine.addLine(text, line);
    if (bad) options.onBadLine?.(bad);
  });
  return engine.tally;
}

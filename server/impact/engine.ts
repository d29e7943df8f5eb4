/**
 * The impact of a change, one users-file line at a time: both versions evaluated for the user,
 * classified, counted into a tally. No I/O: the reader (read-users.ts) feeds the lines, and each
 * worker thread runs an engine of its own.
 */
import type { EvaluationEnvironment } from '../evaluator/evaluate';
import type { EvaluationSettings } from '../evaluator/index';
import type { SampleUser } from '../evaluator/input';
import { seededRandom } from '../evaluator/random';
import { toLowerInvariant } from '../evaluator/text';
import { NULL } from '../evaluator/values';
import { ticksFromUnixMilliseconds } from '../evaluator/datetime';
import { BUILTIN_SOURCE } from '../schema/index';
import { findObject } from '../schema/lookup';
import type { ObjectSchema } from '../schema/types';
import { classify } from './classify';
import { evaluateUser, matchKeyIgnoringScope, type UserState } from './evaluate-user';
import { addSample, emptyTally, sampleHash, type ImpactTally, wouldSample } from './tally';
import { readUserLine, referenceNames } from './users';
import type { ImpactVersion } from './version';

export const DEFAULT_SAMPLES = 5;

export interface EngineOptions {
  samples?: number;
  /** Now() and DefaultDomain() for both versions; Guid() and RandomString() are seeded per user, the same for both. */
  settings?: EvaluationSettings;
}

/** A users-file line that is not a user: reported with its line number, counted in errors. */
export interface BadLine {
  line: number;
  message: string;
}

export class ImpactEngine {
  readonly tally: ImpactTally = emptyTally();
  readonly limit: number;
  private readonly reads: Set<string>;
  private readonly source: ObjectSchema | undefined = findObject(BUILTIN_SOURCE, 'User');
  private readonly now: bigint;
  private readonly taken: Set<string>;
  private readonly references: Set<string>;

  constructor(
    private readonly before: ImpactVersion,
    private readonly after: ImpactVersion,
    private readonly options: EngineOptions = {},
  ) {
    this.limit = options.samples ?? DEFAULT_SAMPLES;
    this.reads = new Set([...before.reads, ...after.reads]);
    this.references = referenceNames(this.reads, this.source);
    this.now = options.settings?.now ?? ticksFromUnixMilliseconds(Date.now());
    this.taken = new Set((options.settings?.taken ?? []).map(toLowerInvariant));
  }

  /** One line (1-based number); empty lines are skipped. Returns the problem of a line that is not a user. */
  addLine(text: string, line: number): BadLine | undefined {
    if (text.trim() === '') return undefined;
    const read = readUserLine(text, this.reads, this.source, this.references);
    const tally = this.tally;
    tally.users++;
    if (read.kind === 'bad') {
      tally.counts.errors++;
      const name = `line ${line}`;
      const hash = sampleHash(name);
      addSample(tally.samples.errors, this.limit, { hash, line, sample: { user: name, changes: [], error: read.message } });
      return { line, message: read.message };
    }
    this.addUser(read.user, read.name ?? `line ${line}`, line, read.assigned);
    return undefined;
  }

  addUser(user: SampleUser, name: string, line: number, assigned = true): void {
    const tally = this.tally;
    const beforeState: UserState = assigned ? evaluateUser(this.before, this.environment(user, line)) : { kind: 'out' };
    const afterState: UserState = assigned ? evaluateUser(this.after, this.environment(user, line)) : { kind: 'out' };
    const result = classify(beforeState, afterState);
    tally.counts[result.category]++;
    if (result.category === 'update')
      for (const change of result.changes) tally.attributes[change.attribute] = (tally.attributes[change.attribute] ?? 0) + 1;
    const hash = sampleHash(name);
    const list = tally.samples[result.category];
    if (wouldSample(list, this.limit, hash, line)) {
      const sample =
        result.error === undefined ? { user: name, changes: result.changes } : { user: name, changes: [], error: result.error };
      addSample(list, this.limit, { hash, line, sample });
    }
    if (afterState.kind === 'in') {
      const old =
        beforeState.kind === 'in'
          ? beforeState.matchKey
          : beforeState.kind === 'out'
            ? matchKeyIgnoringScope(this.before, this.environment(user, line))
            : undefined;
      if (old !== undefined && old !== afterState.matchKey) {
        tally.matchChanged++;
        if (wouldSample(tally.matchChangedSamples, this.limit, hash, line)) {
          const matching = (state: UserState | undefined, version: ImpactVersion) => {
            const target = version.blocks.find((b) => b.matching.length)?.matching[0]?.target;
            return target && state?.kind === 'in' ? (state.values.get(target)?.wire ?? null) : null;
          };
          const beforeMatch = beforeState.kind === 'in' ? matching(beforeState, this.before) : null;
          addSample(tally.matchChangedSamples, this.limit, {
            hash,
            line,
            sample: { user: name, changes: result.changes, match: { before: beforeMatch, after: matching(afterState, this.after) } },
          });
        }
      }
    }
  }

  /** The same environment for both versions of a user: Guid() and RandomString() seeded by the line, so an unchanged mapping gives the same value. */
  private environment(user: SampleUser, line: number): EvaluationEnvironment {
    const settings = this.options.settings ?? {};
    return {
      attribute: (name) => user.attributes.get(name) ?? NULL,
      now: this.now,
      defaultDomain: settings.defaultDomain,
      isTaken: (value) => this.taken.has(toLowerInvariant(value)),
      random: seededRandom((settings.seed ?? 0) ^ line),
    };
  }
}

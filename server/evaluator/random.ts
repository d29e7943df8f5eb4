/**
 * Randomness for Guid() and RandomString(): a seeded generator when reproducible output is asked
 * for (tests, `--seed`), the platform's cryptographic generator otherwise.
 */
import { t } from '../../grammar/common/l10n';
import { randomBytes } from 'node:crypto';

/** Uniform integers in [0, bound). */
export interface RandomSource {
  nextInt(bound: number): number;
}

/** Deterministic: the same seed gives the same sequence (splitmix32). */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return { nextInt: (bound) => Math.floor((next() / 2 ** 32) * bound) };
}

export function cryptoRandom(): RandomSource {
  return {
    nextInt(bound) {
      // Rejection sampling keeps the distribution uniform.
      const limit = Math.floor(2 ** 32 / bound) * bound;
      for (;;) {
        const n = randomBytes(4).readUInt32LE(0);
        if (n < limit) return n % bound;
      }
    },
  };
}

/** A version-4 GUID in the service's lower-case, hyphenated form. */
export function newGuid(random: RandomSource): string {
  const bytes = Array.from({ length: 16 }, () => random.nextInt(256));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Windows password-complexity character classes RandomString draws from. */
const CHARACTER_CLASSES = {
  numbers: '0123456789',
  special: '~!@#$%^&*_-+=`|\\(){}[]:;"\'<>,.?/',
  capital: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lowerCase: 'abcdefghijklmnopqrstuvwxyz',
} as const;

const RANDOM_STRING_MAX_LENGTH = 256;

export interface RandomStringRequest {
  length: number;
  minimumNumbers: number;
  minimumSpecial: number;
  minimumCapital: number;
  minimumLowerCase: number;
  avoid: string;
}

/** Throws an Error with a user-facing message when the request cannot be met. */
export function randomString(request: RandomStringRequest, random: RandomSource): string {
  const { length } = request;
  if (length < 1 || length > RANDOM_STRING_MAX_LENGTH)
    throw new Error(t('Length must be between 1 and {0}; got {1}', RANDOM_STRING_MAX_LENGTH, length));
  const minimums = [request.minimumNumbers, request.minimumSpecial, request.minimumCapital, request.minimumLowerCase];
  if (minimums.some((m) => m < 0)) throw new Error(t('The minimum counts cannot be negative'));
  const total = minimums.reduce((a, b) => a + b, 0);
  if (total > length) throw new Error(t('The minimums add up to {0}, more than Length {1}', total, length));
  const avoid = new Set([...request.avoid]);
  const pools = [CHARACTER_CLASSES.numbers, CHARACTER_CLASSES.special, CHARACTER_CLASSES.capital, CHARACTER_CLASSES.lowerCase].map((pool) =>
    [...pool].filter((ch) => !avoid.has(ch)),
  );
  const leavesNone = [
    () => t('CharactersToAvoid leaves no numbers'),
    () => t('CharactersToAvoid leaves no special characters'),
    () => t('CharactersToAvoid leaves no capital letters'),
    () => t('CharactersToAvoid leaves no lower-case letters'),
  ];
  const chars: string[] = [];
  minimums.forEach((minimum, k) => {
    if (minimum > 0 && pools[k]!.length === 0) throw new Error(leavesNone[k]!());
    for (let n = 0; n < minimum; n++) chars.push(pools[k]![random.nextInt(pools[k]!.length)]!);
  });
  const all = pools.flat();
  if (all.length === 0) throw new Error(t('CharactersToAvoid leaves no characters'));
  while (chars.length < length) chars.push(all[random.nextInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/**
 * Did-you-mean for the words of the `.aadmap` language: a misspelt keyword or modifier (`macth`,
 * `on craete`), a scoping operator in the wrong case (`is true` → `IS TRUE`), a bare scoping value
 * (`EQUALS Tokyo` → `"Tokyo"`). Applied to the syntax errors of a piece (index.ts), so the fast
 * path, which only takes error-free pieces, is unaffected.
 */
import { joinSentences, t } from '../common/l10n';
import type { SyntaxDiagnostic } from '../common/syntax-diagnostic';
import { BLOCK_STATEMENT_KEYWORDS, FILE_STATEMENT_KEYWORDS, MODIFIERS, SCOPE_OPERATORS } from './vocabulary';

export interface Vocabulary {
  statements: readonly string[];
  blockItems: readonly string[];
  modifiers: readonly string[];
  scopeOperators: readonly string[];
}

/** The candidate words, read from the vocabulary (vocabulary.ts, the one place they are spelled). */
export function mappingVocabulary(): Vocabulary {
  return {
    statements: FILE_STATEMENT_KEYWORDS,
    blockItems: BLOCK_STATEMENT_KEYWORDS,
    modifiers: MODIFIERS.map((m) => m.words.join(' ')),
    scopeOperators: SCOPE_OPERATORS.map((o) => o.label),
  };
}

let cached: Vocabulary | undefined;

/** Optimal string alignment distance (a transposition counts once: `macth` is 1 from `match`). */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The closest candidate within a third of the word's length (at least 1), ignoring case. */
export function closestWord(found: string, candidates: readonly string[]): string | undefined {
  const lower = found.toLowerCase();
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d <= Math.max(1, Math.floor(found.length / 3)) && (!best || d < best.d)) best = { candidate, d };
  }
  return best?.candidate;
}

/** Adds a did-you-mean (or the quoting hint) to the syntax errors it can help with; in place. */
export function addSuggestions(text: string, diagnostics: SyntaxDiagnostic[]): void {
  cached ??= mappingVocabulary();
  const vocabulary = cached;
  for (const d of diagnostics) {
    if (d.code !== 'syntax-error') continue;
    const lineEnd = text.slice(d.start).search(/[\r\n]/);
    const rest = text.slice(d.start, lineEnd === -1 ? undefined : d.start + lineEnd);
    const first = /^[A-Za-z_]+/.exec(rest)?.[0];
    let hint: string | undefined;
    if (fits(d.message, t('a scoping operator ({0})'))) {
      const spaced = rest.replace(/[ \t]+/g, ' ');
      const sameLetters = [...vocabulary.scopeOperators]
        .sort((a, b) => b.length - a.length)
        .find((o) => spaced.toUpperCase().startsWith(o.toUpperCase()) && !/\w/.test(spaced[o.length] ?? ''));
      const operator = sameLetters ?? (first ? closestWord(first, vocabulary.scopeOperators) : undefined);
      if (operator)
        hint = sameLetters
          ? joinSentences(t('Did you mean {0}?', `'${operator}'`), t('Scoping operators are written as the portal shows them.'))
          : t('Did you mean {0}?', `'${operator}'`);
    } else if (fits(d.message, t('Unexpected {0}: a scoping clause ends after its values')) && first !== undefined) {
      hint = t('Scoping values are quoted strings: write {0}.', `"${first}"`);
    } else if (fits(d.message, t('Unexpected {0}: expected a modifier ({1}) or the end of the line')) && first !== undefined) {
      const next = /^[A-Za-z_]+[ \t]+([A-Za-z_]+)/.exec(rest)?.[1];
      const candidate = closestWord(next !== undefined && first.toLowerCase() === 'on' ? `on ${next}` : first, vocabulary.modifiers);
      if (candidate) hint = t('Did you mean {0}?', `'${candidate}'`);
    } else if (fits(d.message, t("Expected 'target' or 'mapping' but found {0}")) && first !== undefined) {
      const candidate = closestWord(first, vocabulary.statements);
      if (candidate) hint = t('Did you mean {0}?', `'${candidate}'`);
    } else if (
      fits(d.message, t("Expected an attribute mapping (target <- source), 'scope', 'enabled' or 'flowTypes' but found {0}")) &&
      first !== undefined
    ) {
      const candidate = closestWord(first, vocabulary.blockItems);
      if (candidate) hint = t('Did you mean {0}?', `'${candidate}'`);
    } else if (fits(d.message, t('Expected {0} but found {1}'), "'create'") && first !== undefined) {
      if (closestWord(first, ['create'])) hint = t('Did you mean {0}?', "'on create'");
    }
    if (hint) d.message = /[.?!。]$/.test(d.message) ? joinSentences(d.message, hint) : t('{0}. {1}', d.message, hint);
  }
}

/**
 * Whether `message` was made from `template`, a message in the user's language whose `{n}` stand for
 * any text, or for `fixed[n]` when given: the hints above recognize the parser's messages in every
 * language by the same keys that made them.
 */
function fits(message: string, template: string, ...fixed: string[]): boolean {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = template
    .split(/(\{\d+\})/)
    .map((part) => {
      const placeholder = /^\{(\d+)\}$/.exec(part);
      if (!placeholder) return escape(part);
      const value = fixed[Number(placeholder[1])];
      return value === undefined ? '[\\s\\S]*' : escape(value);
    })
    .join('');
  return new RegExp(pattern).test(message);
}

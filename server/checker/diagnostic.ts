import type { Severity, SyntaxDiagnostic } from '../../grammar/common/syntax-diagnostic';
import type { TextRange } from '../../grammar/common/text-range';
import { t } from '../../grammar/common/l10n';
import { CHECKER_CODES, type CheckerCode } from './codes';

/** A checker finding: a syntax-diagnostic shape plus what a quick fix needs. */
export interface CheckDiagnostic extends SyntaxDiagnostic {
  /** Replacement texts for the diagnostic's range (did-you-mean, right case), best first. */
  suggestions?: string[];
}

/** Collects diagnostics; the severity defaults to the code's registered one. */
export class DiagnosticSink {
  readonly items: CheckDiagnostic[] = [];

  report(code: CheckerCode, range: TextRange, message: string, options: { severity?: Severity; suggestions?: string[] } = {}): void {
    const diagnostic: CheckDiagnostic = {
      start: range.start,
      end: range.end,
      severity: options.severity ?? CHECKER_CODES[code].severity,
      code,
      message,
    };
    if (options.suggestions?.length) diagnostic.suggestions = options.suggestions;
    this.items.push(diagnostic);
  }

  addAll(diagnostics: readonly SyntaxDiagnostic[]): void {
    this.items.push(...diagnostics);
  }
}

/**
 * Reports into `sink` with every error lowered to a warning: what checks a mapping the service never
 * runs (a disabled object mapping) uses (docs/real-schemas.md).
 */
export class WarningsOnlySink extends DiagnosticSink {
  constructor(private readonly sink: DiagnosticSink) {
    super();
  }

  override report(
    code: CheckerCode,
    range: TextRange,
    message: string,
    options: { severity?: Severity; suggestions?: string[] } = {},
  ): void {
    const severity = options.severity ?? CHECKER_CODES[code].severity;
    this.sink.report(code, range, message, { ...options, severity: severity === 'error' ? 'warning' : severity });
  }

  override addAll(diagnostics: readonly SyntaxDiagnostic[]): void {
    this.sink.addAll(diagnostics.map((d) => (d.severity === 'error' ? { ...d, severity: 'warning' as const } : d)));
  }
}

/** "Did you mean 'a', 'b' or 'c'?" or an empty string; put it after its message with joinSentences (grammar/common/l10n.ts). */
export function didYouMean(suggestions: readonly string[], wrap: (s: string) => string = (s) => `'${s}'`): string {
  if (suggestions.length === 0) return '';
  const shown = suggestions.map(wrap);
  const list = shown.length === 1 ? shown[0]! : t('{0} or {1}', shown.slice(0, -1).join(', '), shown[shown.length - 1]!);
  return t('Did you mean {0}?', list);
}

/** "a or b or c": each further item joined by the translated "or" (the English text is `items.join(' or ')`). */
export function orList(items: readonly string[]): string {
  return items.length === 0 ? '' : items.reduce((list, item) => t('{0} or {1}', list, item));
}

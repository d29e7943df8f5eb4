/**
 * Keeps secrets out of logs, error messages and files: the registered token values, `Bearer …`,
 * `Authorization` headers and anything shaped like a JWT are replaced by `<redacted>`.
 */
const patterns: RegExp[] = [
  /\b(Bearer\s+)[^\s"',;]+/gi,
  /("?authorization"?\s*[:=]\s*"?)[^"\n,;]+/gi,
  /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
  /((?:access|refresh|id)_token["']?\s*[:=]\s*["']?)[^"'&\s,;]+/gi,
  /((?:client_secret|password)["']?\s*[:=]\s*["']?)[^"'&\s,;]+/gi,
];

export class Sanitizer {
  private readonly secrets = new Set<string>();

  /** Registers a value that must never be shown (tokens shorter than 8 characters are redacted as patterns only). */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 8) this.secrets.add(value);
  }

  clean(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('<redacted>');
    for (const pattern of patterns) {
      result = result.replace(pattern, (match, prefix?: string) =>
        typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}<redacted>` : '<redacted>',
      );
    }
    return result;
  }
}

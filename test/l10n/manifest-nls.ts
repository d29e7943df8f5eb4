/** VS Code's replacement of `%key%` strings in package.json by a package.nls*.json (docs/localization.md). */

/** Every `%key%` string value of `value` (recursively). */
export function nlsKeysOf(value: unknown): string[] {
  if (typeof value === 'string') return /^%([^%\s]+)%$/.test(value) ? [value.slice(1, -1)] : [];
  if (Array.isArray(value)) return value.flatMap(nlsKeysOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(nlsKeysOf);
  return [];
}

/** `value` with each `%key%` string replaced by `nls[key]` (left as is when the key is missing). */
export function withNls<T>(value: T, nls: Record<string, string>): T {
  if (typeof value === 'string') {
    const key = /^%([^%\s]+)%$/.exec(value)?.[1];
    return (key !== undefined && Object.hasOwn(nls, key) ? nls[key] : value) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => withNls(item, nls)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withNls(item, nls)])) as T;
  }
  return value;
}

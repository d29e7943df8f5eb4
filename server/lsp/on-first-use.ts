/**
 * An object built on its first use: the server hands the language service to its handlers before
 * answering `initialize`, and builds it (loading the analysis code, scripts/split-bundle.mjs) when
 * the first request or notification reads it (docs/performance.md, "Start-up and the two file shapes").
 */
export function onFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined;
  return new Proxy({} as T, {
    get: (_target, name) => Reflect.get((built ??= build()), name),
    has: (_target, name) => Reflect.has((built ??= build()), name),
  });
}

/**
 * Node options the language server process is started with (by the VS Code client, and by the
 * benchmarks, which measure the server as the extension runs it).
 *
 * `--max-semi-space-size=2`: V8's young generation defaults to 16 MB semi-spaces, which the
 * server's short bursts of parsing fill and keep resident: with a 5,000-mapping file open the
 * server sat at ~103 MB RSS. With 2 MB semi-spaces it stays at ~76 MB (target ≤ 80 MB: docs/performance.md);
 * the analysis allocates short-lived objects, so smaller, more frequent scavenges cost little.
 *
 * `--expose-gc`: one full collection after the first analysis of a large document gives back what
 * that read allocated (memory-release.ts).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=2', '--expose-gc'];

/**
 * Preloaded into the language server under test (`node --import`): every file-system call on a path
 * under AADMAP_SLOW_FILES takes AADMAP_SLOW_FILES_MS longer, as on a slow network drive. The
 * synchronous calls block their thread for that long, the asynchronous ones answer that much later
 * (on libuv's thread pool a slow drive does not hold the calling thread:
 * https://nodejs.org/api/fs.html#threadpool-usage). No other path is touched. The default exports of
 * the built-in modules are the objects the server's `require` gets, so patching them reaches it.
 */
import fs from 'node:fs';
import promises from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

const prefix = process.env.AADMAP_SLOW_FILES;
const delay = Number(process.env.AADMAP_SLOW_FILES_MS || '0');
const slow = (path) => typeof prefix === 'string' && prefix !== '' && String(path).startsWith(prefix);

for (const name of ['statSync', 'lstatSync', 'openSync', 'readFileSync', 'existsSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    if (slow(path)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
    return original.call(this, path, ...rest);
  };
}
for (const name of ['open', 'stat', 'lstat', 'readFile']) {
  const original = promises[name];
  promises[name] = async function (path, ...rest) {
    if (slow(path)) await sleep(delay);
    return original.call(this, path, ...rest);
  };
}

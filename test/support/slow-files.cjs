/**
 * Preloaded into the language server under test (`node --require`): every file-system call on a path
 * under AADMAP_SLOW_FILES takes AADMAP_SLOW_FILES_MS longer, as on a slow network drive. The
 * synchronous calls block their thread for that long, the asynchronous ones answer that much later
 * (on libuv's thread pool a slow drive does not hold the calling thread:
 * https://nodejs.org/api/fs.html#threadpool-usage). No other path is touched.
 */
'use strict';
const fs = require('node:fs');
const promises = require('node:fs/promises');

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
    if (slow(path)) await new Promise((resolve) => setTimeout(resolve, delay));
    return original.call(this, path, ...rest);
  };
}

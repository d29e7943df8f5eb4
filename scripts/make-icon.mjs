// Draws the 128×128 extension icon (images/icon.png) without any image library: an Entra-blue
// rounded square with a white arrow (source → target). Run once; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const blue = [0, 120, 212];
const set = (x, y, [r, g, b], a = 255) => {
  const i = (y * size + x) * 4;
  pixels[i] = r;
  pixels[i + 1] = g;
  pixels[i + 2] = b;
  pixels[i + 3] = a;
};
const radius = 24;
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    const dx = Math.max(radius - x, 0, x - (size - 1 - radius));
    const dy = Math.max(radius - y, 0, y - (size - 1 - radius));
    const inside = dx * dx + dy * dy <= radius * radius;
    if (inside) set(x, y, blue);
  }
}
// Arrow: a shaft and a head pointing right.
for (let y = 56; y < 72; y++) for (let x = 24; x < 80; x++) set(x, y, [255, 255, 255]);
for (let x = 76; x < 108; x++) {
  const half = Math.round((108 - x) * 0.9);
  for (let y = 64 - half; y <= 64 + half; y++) set(x, y, [255, 255, 255]);
}
// Two dots: the mapped attributes.
for (const [cx, cy] of [
  [32, 36],
  [32, 92],
]) {
  for (let y = cy - 7; y <= cy + 7; y++)
    for (let x = cx - 7; x <= cx + 7; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= 49) set(x, y, [255, 255, 255]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);

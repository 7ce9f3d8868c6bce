// Draws the app icons of static/manifest.webmanifest from the design of
// static/favicon.svg (a dark rounded square with the three segment
// colours), with no dependency: pixels computed here (4×4 supersampling for
// the rounded edges), written as PNG with node's zlib. The output is
// committed; run again only when the design changes:
//
//   node scripts/icons.mjs        # writes static/icons/*.png
//
// The same node version writes the same bytes (no timestamp or text chunk).

import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const OUT = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "static/icons");

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
// static/favicon.svg, in its 32-unit viewBox.
const BACKGROUND = hex("#1b1f24");
const SEGMENTS = [
  { x: 5, color: hex("#ff7aa8") },
  { x: 13, color: hex("#c9a0ff") },
  { x: 21, color: hex("#5cc8ff") },
];

/** Inside a rounded rectangle (x, y, w, h, corner radius r)? */
function inRoundRect(px, py, x, y, w, h, r) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

/**
 * RGBA pixels of the icon at `size`. `maskable`: the background fills the
 * whole square (no rounded corners, the platform masks it) and the design
 * sits in the central 80% safe zone.
 */
function draw(size, maskable) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = maskable ? 0.8 : 1; // of the 32-unit design
  const unit = (size * scale) / 32;
  const offset = (size - size * scale) / 2;
  const SS = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const ux = (x + (sx + 0.5) / SS - offset) / unit;
          const uy = (y + (sy + 0.5) / SS - offset) / unit;
          let color = null;
          if (maskable || inRoundRect(ux, uy, 0, 0, 32, 32, 6)) color = BACKGROUND;
          for (const s of SEGMENTS) if (inRoundRect(ux, uy, s.x, 13, 6, 6, 1)) color = s.color;
          if (color) {
            sum[0] += color[0];
            sum[1] += color[1];
            sum[2] += color[2];
            sum[3] += 255;
          }
        }
      }
      const n = SS * SS;
      const alpha = sum[3] / n;
      const i = (y * size + x) * 4;
      // Colour averaged over the covered samples (straight alpha).
      const covered = sum[3] / 255;
      pixels[i] = covered ? Math.round(sum[0] / covered) : 0;
      pixels[i + 1] = covered ? Math.round(sum[1] / covered) : 0;
      pixels[i + 2] = covered ? Math.round(sum[2] / covered) : 0;
      pixels[i + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, no filter, no ancillary chunks. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["maskable-192.png", 192, true],
  ["maskable-512.png", 512, true],
]) {
  const file = png(size, draw(size, maskable));
  writeFileSync(join(OUT, name), file);
  console.log(`wrote static/icons/${name} (${size}×${size}, ${file.length} bytes)`);
}

// Draws build/icon.png (512 × 512), the icon of the setup file, the shortcuts and the
// window: a teal tile with a white speech bubble holding a check mark (a complaint
// answered). electron-builder makes the .ico and the Linux sizes from it.
// Run: node build/draw-icon.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 512;
const TEAL = [9, 146, 104]; // Mantine teal.8, the app's primary colour
const WHITE = [255, 255, 255];

// Signed distances (negative inside), in pixels.
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function segment(x, y, ax, ay, bx, by, w) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - w;
}
function triangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by);
  const d2 = s(x, y, bx, by, cx, cy);
  const d3 = s(x, y, cx, cy, ax, ay);
  return (d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0) ? 1 : -1;
}

// The colour at one point: tile, bubble (with its tail), check mark.
function sample(x, y) {
  if (roundedBox(x, y, 256, 256, 240, 240, 96) > 0) return null;
  const bubble = Math.min(roundedBox(x, y, 256, 230, 170, 130, 56), triangle(x, y, [150, 330], [230, 340], [128, 428]));
  if (bubble > 0) return TEAL;
  const check = Math.min(segment(x, y, 180, 236, 236, 292, 22), segment(x, y, 236, 292, 336, 176, 22));
  return check < 0 ? TEAL : WHITE;
}

const png = new PNG({ width: SIZE, height: SIZE });
const N = 4; // 4 × 4 samples a pixel for smooth edges
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < N; sy++) {
      for (let sx = 0; sx < N; sx++) {
        const c = sample(x + (sx + 0.5) / N, y + (sy + 0.5) / N);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    }
    const i = (y * SIZE + x) * 4;
    png.data[i] = a ? Math.round(r / a) : 0;
    png.data[i + 1] = a ? Math.round(g / a) : 0;
    png.data[i + 2] = a ? Math.round(b / a) : 0;
    png.data[i + 3] = Math.round((255 * a) / (N * N));
  }
}
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), 'icon.png'), PNG.sync.write(png));

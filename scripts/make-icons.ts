/**
 * Draws the add-in's icons (assets/icon-<size>.png) with nothing but node:zlib: a red square like a
 * flag with a yellow bar chart rising to the right. The glyph is laid out on a 16×16 grid and every
 * size Office asks for is a multiple of 16, so each edge falls on a pixel edge and the 16 px icon
 * stays crisp. Run: npm run icons
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

/** Ribbon 16, 32, 80; the add-in's IconUrl 32 and HighResolutionIconUrl 64 (Microsoft's manifest reference). */
export const ICON_SIZES = [16, 32, 64, 80] as const;

type Rgba = [number, number, number, number];
const RED: Rgba = [0xda, 0x25, 0x1d, 0xff];
const YELLOW: Rgba = [0xff, 0xcd, 0x00, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];

/** In 16-grid units: [left, top, right, bottom), right and bottom exclusive. */
const BARS: [number, number, number, number][] = [
  [3, 9, 6, 13],
  [7, 6, 10, 13],
  [11, 3, 14, 13],
];
const BASELINE: [number, number, number, number] = [2, 13, 14, 14];
const CORNER_RADIUS = 2.5;
/** A five-pointed star, drawn from 32 px up: at 16 px it would be a blur. */
const STAR = { cx: 4.6, cy: 4.4, outer: 2.3, inner: 0.95 };

const STAR_POINTS: [number, number][] = Array.from({ length: 10 }, (_, i) => {
  const radius = i % 2 === 0 ? STAR.outer : STAR.inner;
  const angle = -Math.PI / 2 + (i * Math.PI) / 5;
  return [STAR.cx + radius * Math.cos(angle), STAR.cy + radius * Math.sin(angle)];
});

function inStar(x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = STAR_POINTS.length - 1; i < STAR_POINTS.length; j = i++) {
    const [xi, yi] = STAR_POINTS[i];
    const [xj, yj] = STAR_POINTS[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inside(rect: [number, number, number, number], x: number, y: number): boolean {
  return x >= rect[0] && x < rect[2] && y >= rect[1] && y < rect[3];
}

/** Colour at a point of the 16-grid (x, y in [0, 16)). */
function glyph(x: number, y: number, star: boolean): Rgba {
  const r = CORNER_RADIUS;
  const cx = Math.min(Math.max(x, r), 16 - r);
  const cy = Math.min(Math.max(y, r), 16 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  if (inside(BASELINE, x, y) || BARS.some((bar) => inside(bar, x, y)) || (star && inStar(x, y))) return YELLOW;
  return RED;
}

/** RGBA pixels, supersampled 4×4 so the rounded corners are smooth at every size. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  const unit = 16 / size;
  const star = size >= 32;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = glyph((px + (sx + 0.5) / samples) * unit, (py + (sy + 0.5) / samples) * unit, star);
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      // Colours are averaged weighted by alpha, so the transparent outside never darkens the edge.
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), Buffer.from(data)]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** A PNG file: 8-bit RGBA, no interlace, filter 0 on every scanline. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function main(): void {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`${file} ${size}×${size}`);
  }
}

if (require.main === module) main();

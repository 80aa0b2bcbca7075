// Draws the app icon and writes build/icon.png (1024×1024, Linux + electron-builder's source image) and
// build/icon.ico (Windows: 16, 24, 32, 48, 64, 128, 256 px). Pure Node (zlib for PNG compression), no
// image libraries, and deterministic: the same script always writes the same bytes, so the committed
// icons can be regenerated and compared. Run: `node build/scripts/make-icons.mjs`.
//
// The emblem: a deep-red rounded square with a thin gold inner border, a gold five-pointed star, and two
// gold lines beneath it like the lines of a document (建议/履职记录).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const buildDir = fileURLToPath(new URL('..', import.meta.url));
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const PNG_SIZE = 1024;

const RED_TOP = [196, 30, 36];
const RED_BOTTOM = [150, 18, 24];
const GOLD = [255, 204, 64];

// Shapes in unit coordinates (0..1 across the icon)
const CORNER = 0.2;
const BORDER_INSET = 0.06;
const BORDER_WIDTH = 0.018;
const STAR = starPolygon(0.5, 0.42, 0.255, 0.255 * 0.382, -Math.PI / 2);
const LINES = [
  { x0: 0.32, x1: 0.68, y: 0.735, half: 0.026 },
  { x0: 0.38, x1: 0.62, y: 0.815, half: 0.02 },
];

function starPolygon(cx, cy, outer, inner, startAngle) {
  const points = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = startAngle + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return points;
}

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a rounded rectangle from (inset, inset) to (1 - inset, 1 - inset) with corner radius r */
function insideRoundedSquare(x, y, inset, r) {
  const lo = inset + r;
  const hi = 1 - inset - r;
  const dx = x < lo ? lo - x : x > hi ? x - hi : 0;
  const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
  if (x < inset || x > 1 - inset || y < inset || y > 1 - inset) return false;
  return dx * dx + dy * dy <= r * r;
}

function insideLine(x, y, { x0, x1, y: cy, half }) {
  // A bar with round ends (a capsule)
  const px = Math.min(Math.max(x, x0), x1);
  return (x - px) ** 2 + (y - cy) ** 2 <= half * half;
}

/** Colour of one sample point: [r, g, b, a] with a in 0..1 */
function sample(x, y) {
  if (!insideRoundedSquare(x, y, 0, CORNER)) return null;
  const gold =
    insidePolygon(x, y, STAR) ||
    LINES.some((line) => insideLine(x, y, line)) ||
    (insideRoundedSquare(x, y, BORDER_INSET, CORNER - BORDER_INSET) &&
      !insideRoundedSquare(x, y, BORDER_INSET + BORDER_WIDTH, CORNER - BORDER_INSET - BORDER_WIDTH));
  if (gold) return GOLD;
  return RED_TOP.map((top, i) => top + (RED_BOTTOM[i] - top) * y);
}

/** Renders the emblem at size×size RGBA, averaging grid×grid samples per pixel (anti-aliasing). */
function render(size) {
  const grid = size <= 64 ? 8 : 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < grid; sy += 1) {
        for (let sx = 0; sx < grid; sx += 1) {
          const colour = sample((px + (sx + 0.5) / grid) / size, (py + (sy + 0.5) / grid) / size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        rgba[offset] = Math.round(r / covered);
        rgba[offset + 1] = Math.round(g / covered);
        rgba[offset + 2] = Math.round(b / covered);
        rgba[offset + 3] = Math.round((255 * covered) / (grid * grid));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico whose images are PNG-compressed (supported by Windows since Vista). */
function encodeIco(images) {
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // 1 = icon
  directory.writeUInt16LE(images.length, 4);
  let offset = directory.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    directory[entry] = size >= 256 ? 0 : size; // 0 means 256
    directory[entry + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([directory, ...images.map((image) => image.png)]);
}

const pngPath = path.join(buildDir, 'icon.png');
const icoPath = path.join(buildDir, 'icon.ico');
writeFileSync(pngPath, encodePng(PNG_SIZE, render(PNG_SIZE)));
writeFileSync(icoPath, encodeIco(ICO_SIZES.map((size) => ({ size, png: encodePng(size, render(size)) }))));
console.log(`wrote ${pngPath} (${PNG_SIZE}px) and ${icoPath} (${ICO_SIZES.join(', ')}px)`);

// Draws the app icons (a white chat bubble on the brand blue) without image tools: `npm run icons`.
// Output is committed; rerun only when the design changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1c, 0x7e, 0xd6];
const WHITE = [0xff, 0xff, 0xff];
const OUT = new URL('../public/', import.meta.url);

/** Colour at unit coordinates, or null for transparent. `scale` shrinks the mark into the maskable safe zone. */
function shade(x, y, { maskable }) {
  const scale = maskable ? 0.8 : 1;
  if (!maskable && !inRoundedSquare(x, y, 0.22)) return null;
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  const dots = [0.38, 0.5, 0.62].some((cx) => (u - cx) ** 2 + (v - 0.47) ** 2 <= 0.038 ** 2);
  if (dots) return BLUE;
  const bubble = ((u - 0.5) / 0.31) ** 2 + ((v - 0.47) / 0.25) ** 2 <= 1;
  const tail = inTriangle(u, v, [0.3, 0.6], [0.45, 0.68], [0.24, 0.82]);
  return bubble || tail ? WHITE : BLUE;
}

function inRoundedSquare(x, y, r) {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

function inTriangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const s1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  const s2 = (cx - bx) * (py - by) - (cy - by) * (px - bx);
  const s3 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function render(size, options) {
  const SS = 4; // supersampling per axis
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = shade((x + (sx + 0.5) / SS) / size, (y + (sy + 0.5) / SS) / size, options);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = 1 + x * 4;
      if (a > 0) {
        row[o] = r / a;
        row[o + 1] = g / a;
        row[o + 2] = b / a;
      }
      row[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
    rows.push(row);
  }
  return png(size, Buffer.concat(rows));
}

function png(size, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="22" fill="#1c7ed6"/>
  <ellipse cx="50" cy="47" rx="31" ry="25" fill="#fff"/>
  <path d="M30 60 L45 68 L24 82 Z" fill="#fff"/>
  <g fill="#1c7ed6"><circle cx="38" cy="47" r="3.8"/><circle cx="50" cy="47" r="3.8"/><circle cx="62" cy="47" r="3.8"/></g>
</svg>
`;

mkdirSync(new URL('icons/', OUT), { recursive: true });
writeFileSync(new URL('favicon.svg', OUT), SVG);
writeFileSync(new URL('icons/icon-192.png', OUT), render(192, { maskable: false }));
writeFileSync(new URL('icons/icon-512.png', OUT), render(512, { maskable: false }));
writeFileSync(new URL('icons/icon-maskable-512.png', OUT), render(512, { maskable: true }));
writeFileSync(new URL('icons/apple-touch-icon.png', OUT), render(180, { maskable: true }));
console.log('icons written to public/');

/**
 * Draws the extension's icon (a score ring on LinkedIn-blue) at the sizes Chrome asks for and
 * writes them to public/icon/<size>.png, where WXT picks them up. Run once after a change:
 * `npx tsx scripts/make-icons.ts`. No image tools needed: pixels by hand, PNG by zlib.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
/**
 * Transparent padding per side, by icon size. The Chrome Web Store asks for the 128 px icon's
 * artwork to be 96 × 96, centred, with 16 px of transparent padding on every side; the toolbar
 * sizes use their whole square.
 */
const ICON_PADDING: Readonly<Record<number, number>> = { 128: 16 };
const BLUE: Rgba = [10, 102, 194, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const TRACK: Rgba = [120, 170, 225, 255];

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A rounded blue square with a two-thirds white ring on a lighter track, supersampled, inside
 * `padding` transparent pixels per side. Samples are averaged weighted by their alpha, so the
 * edge pixels keep the square's blue instead of darkening towards transparent black.
 */
function icon(size: number, padding = 0): Buffer {
  const samples = 4;
  const art = size - 2 * padding;
  return png(size, (x, y) => {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const u = (x - padding + (sx + 0.5) / samples) / art - 0.5;
        const v = (y - padding + (sy + 0.5) / samples) / art - 0.5;
        const corner = 0.22;
        const qx = Math.max(Math.abs(u) - (0.5 - corner), 0);
        const qy = Math.max(Math.abs(v) - (0.5 - corner), 0);
        if (Math.abs(u) > 0.5 || Math.abs(v) > 0.5 || Math.hypot(qx, qy) > corner) continue;
        let color = BLUE;
        const r = Math.hypot(u, v);
        if (r > 0.22 && r < 0.36) {
          const angle = (Math.atan2(u, -v) + 2 * Math.PI) % (2 * Math.PI);
          color = angle < 2 * Math.PI * 0.67 ? WHITE : TRACK;
        }
        color.forEach((channel, i) => (sum[i]! += channel));
      }
    }
    const covered = sum[3]! / 255;
    if (covered === 0) return [0, 0, 0, 0];
    return [
      Math.round(sum[0]! / covered),
      Math.round(sum[1]! / covered),
      Math.round(sum[2]! / covered),
      Math.round(sum[3]! / samples ** 2),
    ];
  });
}

const dir = resolve(import.meta.dirname, '..', 'public', 'icon');
mkdirSync(dir, { recursive: true });
for (const size of SIZES) writeFileSync(resolve(dir, `${size}.png`), icon(size, ICON_PADDING[size]));
console.log(`Icons written to ${dir}`);

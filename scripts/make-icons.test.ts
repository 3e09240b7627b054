import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, pngSize } from './png';

const ICONS = resolve(import.meta.dirname, '..', 'public', 'icon');
/** The Chrome Web Store's guideline: 96 × 96 artwork, centred, 16 px transparent per side. */
const STORE_PADDING = 16;

const alphaAt = (image: ReturnType<typeof decodePng>, x: number, y: number) =>
  image.pixels[(y * image.width + x) * 4 + 3]!;

describe('the 128 px icon (public/icon/128.png, by scripts/make-icons.ts)', () => {
  const icon = decodePng(readFileSync(resolve(ICONS, '128.png')));
  const inBorder = (x: number, y: number) =>
    x < STORE_PADDING || y < STORE_PADDING || x >= 128 - STORE_PADDING || y >= 128 - STORE_PADDING;

  it('is 128 × 128', () => {
    expect({ width: icon.width, height: icon.height }).toEqual({ width: 128, height: 128 });
  });

  it('has a fully transparent 16 px border', () => {
    const opaque: string[] = [];
    for (let y = 0; y < 128; y++) {
      for (let x = 0; x < 128; x++) if (inBorder(x, y) && alphaAt(icon, x, y) !== 0) opaque.push(`${x},${y}`);
    }
    expect(opaque).toEqual([]);
  });

  it('has artwork that reaches every edge of the 96 px box', () => {
    const first = STORE_PADDING;
    const last = 127 - STORE_PADDING;
    const edges = {
      top: Array.from({ length: 96 }, (_, i) => alphaAt(icon, first + i, first)),
      bottom: Array.from({ length: 96 }, (_, i) => alphaAt(icon, first + i, last)),
      left: Array.from({ length: 96 }, (_, i) => alphaAt(icon, first, first + i)),
      right: Array.from({ length: 96 }, (_, i) => alphaAt(icon, last, first + i)),
    };
    for (const [edge, alphas] of Object.entries(edges)) {
      expect(Math.max(...alphas), edge).toBe(255);
    }
    // And it is centred: the middle of the box is the artwork's (opaque blue square).
    expect(alphaAt(icon, 64, 64)).toBe(255);
  });
});

describe('decodePng', () => {
  /** A PNG of `rows` (filter byte first, then RGBA), as a writer using filters would make it. */
  function png(width: number, rows: number[][]): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      // The reader does not check CRCs: zeros will do.
      return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(rows.length, 4);
    header.set([8, 6, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.from(rows.flat()))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }

  it('undoes the Sub, Up, Average and Paeth filters', () => {
    const file = png(2, [
      [1, 10, 20, 30, 255, 5, 5, 5, 0], // Sub: second pixel = first + 5
      [2, 1, 1, 1, 0, 2, 2, 2, 0], // Up: row above + delta
      [3, 0, 0, 0, 0, 0, 0, 0, 0], // Average of left and up
      [4, 0, 0, 0, 0, 0, 0, 0, 0], // Paeth
    ]);
    const { pixels } = decodePng(file);
    expect([...pixels.subarray(0, 8)]).toEqual([10, 20, 30, 255, 15, 25, 35, 255]);
    expect([...pixels.subarray(8, 16)]).toEqual([11, 21, 31, 255, 17, 27, 37, 255]);
    // Average: first pixel (no left) = up >> 1; second = (left + up) >> 1.
    expect([...pixels.subarray(16, 24)]).toEqual([5, 10, 15, 127, 11, 18, 26, 191]);
    // Paeth of the first pixel is up; of the second, whichever of left, up, up-left is nearest.
    expect([...pixels.subarray(24, 28)]).toEqual([5, 10, 15, 127]);
  });

  it('reads the size from the header, and refuses what is not a PNG', () => {
    expect(pngSize(png(2, [[0, 0, 0, 0, 0, 0, 0, 0, 0]]))).toEqual({ width: 2, height: 1 });
    expect(() => pngSize(Buffer.from('GIF89a not a png at all, really'))).toThrow(/not a PNG/);
  });
});

/**
 * Reads PNG files with node:zlib alone, for the scripts and their tests: the size from the
 * header, and the pixels of 8-bit RGBA or RGB images (not interlaced). Throws on anything else.
 */
import { inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngSize {
  width: number;
  height: number;
}

export interface PngImage extends PngSize {
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  pixels: Uint8Array;
}

/** The image's width and height, from its IHDR chunk (the first, by the format). */
export function pngSize(file: Buffer): PngSize {
  if (
    file.length < 24 ||
    !file.subarray(0, 8).equals(SIGNATURE) ||
    file.toString('ascii', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG file');
  }
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** The Paeth predictor of PNG's filter type 4. */
function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pa = Math.abs(p - left);
  const pb = Math.abs(p - up);
  const pc = Math.abs(p - upLeft);
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}

/** The image's pixels as RGBA. */
export function decodePng(file: Buffer): PngImage {
  const { width, height } = pngSize(file);
  const [bitDepth, colorType, , , interlace] = file.subarray(24, 29);
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (bitDepth !== 8 || channels === 0 || interlace !== 0) {
    throw new Error('only 8-bit RGB(A) PNGs without interlacing are read');
  }
  const data: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') data.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      rows[y * stride + x] = (line[x]! + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, pixels: rows };
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels.set(rows.subarray(i * 3, i * 3 + 3), i * 4);
    pixels[i * 4 + 3] = 255;
  }
  return { width, height, pixels };
}

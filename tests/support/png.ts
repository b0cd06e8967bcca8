/** Reading PNGs in tests without a dependency: the size from the IHDR chunk, and 8-bit RGBA pixels. */
import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (png.length < 24 || SIGNATURE.some((b, i) => png[i] !== b) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG (no signature and IHDR chunk)');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The pixels of a non-interlaced 8-bit RGBA PNG (what Chromium's screenshots write), row by row, 4 bytes each. */
export function pngRgba(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { width, height } = pngSize(png);
  const [depth, colourType, , , interlace] = [png[24], png[25], png[26], png[27], png[28]];
  if (depth !== 8 || colourType !== 6 || interlace !== 0) {
    throw new Error(`Only 8-bit RGBA non-interlaced PNGs are read here (depth ${depth}, colour type ${colourType}, interlace ${interlace})`);
  }
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[row + x - 4]! : 0;
      const up = y > 0 ? pixels[row - stride + x]! : 0;
      const upLeft = y > 0 && x >= 4 ? pixels[row - stride + x - 4]! : 0;
      const predicted =
        filter === 0 ? 0
        : filter === 1 ? left
        : filter === 2 ? up
        : filter === 3 ? (left + up) >> 1
        : paeth(left, up, upLeft);
      pixels[row + x] = (line[x]! + predicted) & 0xff;
    }
  }
  return { width, height, pixels };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

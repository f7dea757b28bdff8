/**
 * PNG helpers, differentially: our encoder's output decoded by an independent decoder
 * written here (chunk walk + fflate inflate + the five PNG filters), by upng-js, and (in
 * Chromium) by the browser; PNGs built here by hand decoded by ours.
 */
import { describe, expect, it } from 'vitest';
import { unzlibSync, zlibSync } from 'fflate';
import UPNG from 'upng-js';
import type { RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from '../src/errors/index.js';
import { decodePng, encodePng, rgbaToRgb } from '../src/image/index.js';

// ---- an independent minimal PNG toolkit for the tests --------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return ~c >>> 0;
}
function be32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
function chunk(type: string, data: ArrayLike<number>): number[] {
  const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat(Array.from(data)));
  return [...be32(data.length), ...body, ...be32(crc(body))];
}
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** A PNG from raw (unfiltered-by-caller) scanlines: each row prefixed with its filter byte. */
function buildPng(
  width: number,
  height: number,
  depth: number,
  colourType: number,
  scanlines: Uint8Array,
  extra: number[][] = [],
): Uint8Array {
  const ihdr = [...be32(width), ...be32(height), depth, colourType, 0, 0, 0];
  return new Uint8Array([
    ...SIGNATURE,
    ...chunk('IHDR', ihdr),
    ...extra.flat(),
    ...chunk('IDAT', zlibSync(scanlines)),
    ...chunk('IEND', []),
  ]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
function predictor(type: number, a: number, b: number, c: number): number {
  return [0, a, b, (a + b) >> 1, paeth(a, b, c)][type];
}

/** Filters 8-bit rows with the given per-row filter types (the test's own encoder side). */
function filterWith(data: Uint8Array, height: number, stride: number, bpp: number, types: number[]): Uint8Array {
  const out = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const t = types[y % types.length];
    out[y * (stride + 1)] = t;
    for (let x = 0; x < stride; x++) {
      const at = (i: number, j: number) => (i >= 0 && j >= 0 ? data[j * stride + i] : 0);
      const p = predictor(t, at(x - bpp, y), at(x, y - 1), at(x - bpp, y - 1));
      out[y * (stride + 1) + 1 + x] = (data[y * stride + x] - p) & 255;
    }
  }
  return out;
}

/** Decodes an 8-bit non-interlaced PNG independently: chunks, CRCs, inflate, unfilter. */
function referenceDecode(png: Uint8Array): { ihdr: number[]; chunks: string[]; pixels: Uint8Array } {
  expect(Array.from(png.subarray(0, 8))).toEqual(SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: string[] = [];
  const idat: number[] = [];
  let ihdr: number[] = [];
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    expect(view.getUint32(at + 8 + len)).toBe(crc(png.subarray(at + 4, at + 8 + len)));
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') ihdr = Array.from(data);
    if (type === 'IDAT') idat.push(...data);
    chunks.push(type);
    at += 12 + len;
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bpp = { 0: 1, 2: 3, 6: 4 }[ihdr[9]]!;
  const stride = width * bpp;
  const raw = unzlibSync(new Uint8Array(idat));
  expect(raw.length).toBe(height * (stride + 1));
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const t = raw[y * (stride + 1)];
    expect(t).toBeLessThanOrEqual(4);
    for (let x = 0; x < stride; x++) {
      const at = (i: number, j: number) => (i >= 0 && j >= 0 ? pixels[j * stride + i] : 0);
      const p = predictor(t, at(x - bpp, y), at(x, y - 1), at(x - bpp, y - 1));
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + p) & 255;
    }
  }
  return { ihdr, chunks, pixels };
}

/** A test image mixing smooth gradients, noise and flat areas (so every filter gets used). */
function testImage(width: number, height: number, channels: 1 | 3 | 4): RasterImage {
  const data = new Uint8Array(width * height * channels);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        const v = y < height / 3 ? x * 4 + c * 40 : y < (2 * height) / 3 ? seed >>> 24 : x < width / 2 ? 200 : 17;
        data[(y * width + x) * channels + c] = v & 255;
      }
    }
  }
  return { width, height, channels, data };
}

function expectInputError(fn: () => unknown, code: string, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PhasInputError);
  expect((caught as PhasInputError).code).toBe(code);
  if (message) expect((caught as Error).message).toMatch(message);
}

// ---- tests ---------------------------------------------------------------------------

describe('encodePng', () => {
  for (const channels of [1, 3, 4] as const) {
    it(`${channels} channel(s): an independent decoder gets the same pixels back`, () => {
      const image = testImage(61, 45, channels);
      const png = encodePng(image);
      const { ihdr, chunks, pixels } = referenceDecode(png);
      expect(chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
      expect(ihdr).toEqual([0, 0, 0, 61, 0, 0, 0, 45, 8, { 1: 0, 3: 2, 4: 6 }[channels], 0, 0, 0]);
      expect(pixels).toEqual(image.data);
      const viaUpng = UPNG.decode(png.slice().buffer);
      expect([viaUpng.width, viaUpng.height, viaUpng.depth, viaUpng.ctype]).toEqual([61, 45, 8, ihdr[9]]);
      // upng-js returns a Uint8Array that can be longer than the image
      expect(new Uint8Array(viaUpng.data).subarray(0, image.data.length)).toEqual(image.data);
    });
  }

  it('uses more than one row filter on mixed content', () => {
    const png = encodePng(testImage(64, 60, 3));
    const view = new DataView(png.buffer);
    const idat = png.subarray(33 + 8, 33 + 8 + view.getUint32(33));
    const raw = unzlibSync(idat);
    const types = new Set(Array.from({ length: 60 }, (_, y) => raw[y * (64 * 3 + 1)]));
    expect(types.size).toBeGreaterThan(1);
  });

  it('rejects malformed images', () => {
    expectInputError(() => encodePng({ width: 2, height: 2, channels: 3, data: new Uint8Array(11) }), 'invalid_image', /12/);
    expectInputError(() => encodePng(undefined as unknown as RasterImage), 'invalid_image');
  });
});

describe('decodePng', () => {
  it('round-trips encodePng for 1, 3 and 4 channels', () => {
    for (const channels of [1, 3, 4] as const) {
      const image = testImage(33, 20, channels);
      expect(decodePng(encodePng(image))).toEqual(image);
    }
  });

  it('decodes hand-built PNGs using every filter type', () => {
    for (const [colourType, channels] of [
      [0, 1],
      [2, 3],
      [6, 4],
    ] as const) {
      const image = testImage(23, 15, channels);
      const png = buildPng(23, 15, 8, colourType, filterWith(image.data, 15, 23 * channels, channels, [0, 1, 2, 3, 4]));
      expect(decodePng(png)).toEqual(image);
      expect(decodePng(png.slice().buffer)).toEqual(image); // ArrayBuffer input
    }
  });

  it('converts 1-bit and 4-bit greyscale to 8-bit grey', () => {
    // 1-bit, 10 px wide: row 0 = 1010101010, row 1 = 0000011111
    const oneBit = buildPng(10, 2, 1, 0, new Uint8Array([0, 0b10101010, 0b10000000, 0, 0b00000111, 0b11000000]));
    expect(decodePng(oneBit)).toEqual({
      width: 10,
      height: 2,
      channels: 1,
      data: new Uint8Array([255, 0, 255, 0, 255, 0, 255, 0, 255, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255]),
    });
    const fourBit = buildPng(3, 1, 4, 0, new Uint8Array([0, 0x0f, 0x70]));
    expect(decodePng(fourBit).data).toEqual(new Uint8Array([0, 255, 119]));
  });

  it('converts palette images to RGB, or RGBA when the palette has transparency', () => {
    const plte = chunk('PLTE', [255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const indices = new Uint8Array([0, 0, 1, 2, 0, 2, 1, 0]); // 2 rows of 3 px, filter 0
    expect(decodePng(buildPng(3, 2, 8, 3, indices, [plte]))).toEqual({
      width: 3,
      height: 2,
      channels: 3,
      data: new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0]),
    });
    const withAlpha = decodePng(buildPng(3, 2, 8, 3, indices, [plte, chunk('tRNS', [128, 255, 0])]));
    expect(withAlpha.channels).toBe(4);
    expect(Array.from(withAlpha.data.subarray(0, 12))).toEqual([255, 0, 0, 128, 0, 255, 0, 255, 0, 0, 255, 0]);
  });

  it('converts grey+alpha to RGBA', () => {
    const png = buildPng(2, 1, 8, 4, new Uint8Array([0, 10, 20, 30, 40]));
    expect(decodePng(png)).toEqual({ width: 2, height: 1, channels: 4, data: new Uint8Array([10, 10, 10, 20, 30, 30, 30, 40]) });
  });

  it('refuses 16-bit PNGs', () => {
    const png = buildPng(1, 1, 16, 0, new Uint8Array([0, 1, 2]));
    expectInputError(() => decodePng(png), 'unsupported_png', /16-bit/);
  });

  it('refuses PNGs over 2^28 pixels before decoding', () => {
    const png = buildPng(1, 1, 8, 0, new Uint8Array([0, 0]));
    const huge = png.slice();
    huge.set([...be32(20000), ...be32(20000)], 16);
    huge.set(be32(crc(huge.subarray(12, 29))), 29);
    expectInputError(() => decodePng(huge), 'image_too_large', /20000 × 20000/);
  });

  it('rejects every truncation, a bad CRC, a missing signature, IHDR or IDAT', () => {
    const png = encodePng(testImage(9, 7, 3));
    for (let n = 0; n < png.length; n++) expectInputError(() => decodePng(png.subarray(0, n)), 'invalid_png');
    const flipped = png.slice();
    flipped[50] ^= 1;
    expectInputError(() => decodePng(flipped), 'invalid_png', /bad CRC/);
    expectInputError(() => decodePng(new TextEncoder().encode('<html>not a png</html>')), 'invalid_png', /signature/);
    const noIhdr = new Uint8Array([...SIGNATURE, ...chunk('IEND', [])]);
    expectInputError(() => decodePng(noIhdr), 'invalid_png', /must start with IHDR/);
    const noIdat = new Uint8Array([...SIGNATURE, ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]), ...chunk('IEND', [])]);
    expectInputError(() => decodePng(noIdat), 'invalid_png', /no image data/);
    const badDepth = new Uint8Array([...SIGNATURE, ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 3, 2, 0, 0, 0])]);
    expectInputError(() => decodePng(badDepth), 'invalid_png', /bit depth 3/);
    expectInputError(() => decodePng('png' as unknown as Uint8Array), 'invalid_input');
  });

  it('rejects image data that is too short for the size', () => {
    const short = buildPng(4, 4, 8, 2, new Uint8Array(13)); // one row of 4 RGB pixels, not four
    expectInputError(() => decodePng(short), 'invalid_png');
  });
});

describe('rgbaToRgb', () => {
  it('drops alpha and keeps colour, whatever the alpha', () => {
    const rgba: RasterImage = { width: 2, height: 1, channels: 4, data: new Uint8Array([1, 2, 3, 0, 4, 5, 6, 255]) };
    expect(rgbaToRgb(rgba)).toEqual({ width: 2, height: 1, channels: 3, data: new Uint8Array([1, 2, 3, 4, 5, 6]) });
  });
  it('returns RGB unchanged and refuses grey', () => {
    const rgb = testImage(3, 3, 3);
    expect(rgbaToRgb(rgb)).toBe(rgb);
    expectInputError(() => rgbaToRgb(testImage(3, 3, 1)), 'invalid_image', /4-channel/);
  });
});

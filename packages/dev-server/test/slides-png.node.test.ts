/**
 * PNG output of the image endpoints: the encoder (decoded independently with upng-js),
 * E16 patches (placement, transparency, RGBA colour type 6) and E28 sample images.
 */
import { crc32 } from 'node:zlib';
import UPNG from 'upng-js';
import { describe, expect, it } from 'vitest';
import { encodePng, tableCrc32 } from '../src/slides/png.js';
import {
  patchOrigin,
  patchPng,
  randomPatchOrigin,
  randomPatchPng,
  readRegionPng,
  sampleCentre,
  samplePng,
} from '../src/slides/patch.js';
import { createSyntheticSlides, isPixelOf, readRegion, SlideImageError, type SyntheticSlide } from '../src/slides/pixels.js';

const slides = createSyntheticSlides();
const find = (w: number): SyntheticSlide => slides.find((s) => s.width === w)!;
const small = find(3000);
const odd = find(2999);
const big = find(100_000);

/** Decode with upng-js; returns the IHDR facts and the pixel bytes (upng may pad its buffer). */
function decode(png: Uint8Array) {
  const img = UPNG.decode(png.slice().buffer);
  const channels = { 0: 1, 2: 3, 6: 4 }[img.ctype as 0 | 2 | 6] ?? 0;
  const data = new Uint8Array(img.data).slice(0, img.width * img.height * channels);
  return { width: img.width, height: img.height, depth: img.depth, ctype: img.ctype, data };
}

/** Index of the first differing byte (or length difference), -1 when equal. Fast on megabytes. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('encodePng', () => {
  const image = (channels: 1 | 3 | 4) => {
    const data = new Uint8Array(7 * 5 * channels);
    for (let i = 0; i < data.length; i++) data[i] = (i * 37 + 11) & 0xff;
    return { width: 7, height: 5, channels, data };
  };
  for (const [channels, ctype] of [
    [1, 0],
    [3, 2],
    [4, 6],
  ] as const) {
    it(`${channels} channel(s) → 8-bit colour type ${ctype}, same bytes after decoding`, () => {
      const img = image(channels);
      const out = decode(encodePng(img));
      expect(out).toEqual({ width: 7, height: 5, depth: 8, ctype, data: img.data });
    });
  }

  it('checks its input', () => {
    expect(() => encodePng({ width: 0, height: 1, channels: 4, data: new Uint8Array(0) })).toThrow(RangeError);
    expect(() => encodePng({ width: 2, height: 2, channels: 3, data: new Uint8Array(11) })).toThrow(/expected 12/);
  });

  it('the fallback CRC-32 equals zlib’s', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i * 131) & 0xff);
    expect(tableCrc32(bytes, 0)).toBe(crc32(bytes));
    expect(tableCrc32(bytes.subarray(500), tableCrc32(bytes.subarray(0, 500), 0))).toBe(crc32(bytes));
  });
});

describe('E16 patches', () => {
  it('top-left is ctr − int(size·0.5·ds)', () => {
    expect(patchOrigin(small, 0, 100, 50, 20, 10)).toEqual([90, 45]);
    expect(patchOrigin(small, 1, 1328, 928, 128, 128)).toEqual([1200, 800]);
    // non-integer downsample: int() truncates
    const ds = odd.levels[1].downsample;
    expect(patchOrigin(odd, 1, 1000, 1000, 101, 33)).toEqual([1000 - Math.trunc(101 * 0.5 * ds), 1000 - Math.trunc(33 * 0.5 * ds)]);
  });

  it('is an RGBA PNG (8-bit, colour type 6) of exactly w × h holding readRegion’s pixels', () => {
    for (const [level, cx, cy, w, h] of [
      [0, 100, 50, 20, 10],
      [1, 1500, 1000, 300, 200],
      [2, 2990, 1990, 64, 48], // crosses the bottom-right edge
    ]) {
      const out = decode(patchPng(small, level, cx, cy, w, h));
      const [x, y] = patchOrigin(small, level, cx, cy, w, h);
      expect([out.width, out.height, out.depth, out.ctype]).toEqual([w, h, 8, 6]);
      expect(firstDifference(out.data, readRegion(small, level, x, y, w, h))).toBe(-1);
    }
  });

  it('places the patch exactly: the position code of every pixel matches its level-0 coordinate', () => {
    const w = 33;
    const h = 17;
    const out = decode(patchPng(big, 0, 50_001, 40_003, w, h));
    const [x0, y0] = [50_001 - 16, 40_003 - 8];
    for (let b = 0; b < h; b++) {
      for (let a = 0; a < w; a++) {
        const i = (b * w + a) * 4;
        expect(isPixelOf(out.data[i], out.data[i + 1], out.data[i + 2], out.data[i + 3], 0, x0 + a, y0 + b)).toBe(true);
      }
    }
  });

  it('is transparent outside the slide, including a negative origin', () => {
    const out = decode(patchPng(small, 0, 2, 1, 10, 6)); // x = -3…6, y = -2…3
    for (let b = 0; b < 6; b++) {
      for (let a = 0; a < 10; a++) {
        const alpha = out.data[(b * 10 + a) * 4 + 3];
        expect(alpha).toBe(a >= 3 && b >= 2 ? 255 : 0);
      }
    }
    const outside = decode(readRegionPng(small, 0, 5000, 5000, 4, 4));
    expect(outside.data.every((v) => v === 0)).toBe(true);
  });

  it('refuses a level beyond the pyramid and zero sizes (500)', () => {
    expect(() => patchPng(small, 3, 100, 100, 10, 10)).toThrow(SlideImageError);
    expect(() => patchPng(small, 0, 100, 100, 0, 10)).toThrow(/positive integers/);
  });
});

describe('E28 sample images', () => {
  it('centre is int((x0 + x1)/2 + 0.5)', () => {
    expect(sampleCentre(100, 100, 300, 250)).toEqual([200, 175]);
    expect(sampleCentre(100, 100, 300, 251)).toEqual([200, 176]);
    expect(sampleCentre(300.4, 0, 100, 1)).toEqual([200, 1]); // boxes may be drawn right to left
  });

  it('is a level-0 size × size RGBA patch centred on the sample', () => {
    const out = decode(samplePng(big, 50_256, 40_256, 512));
    expect([out.width, out.height, out.ctype]).toEqual([512, 512, 6]);
    expect(firstDifference(out.data, readRegion(big, 0, 50_000, 40_000, 512, 512))).toBe(-1);
  });
});

describe('X10/X11 random patches', () => {
  it('draws the top-left from randint(0, int(level size − width·ds)), both ends reachable', () => {
    expect(randomPatchOrigin(small, 0, 256, () => 0)).toEqual([0, 0]);
    expect(randomPatchOrigin(small, 0, 256, () => 0.999_999_999)).toEqual([3000 - 256, 2000 - 256]);
    // level 1 mixes level size and level-0 offsets: 1500 − 256·2 = 988 (Q39)
    expect(randomPatchOrigin(small, 1, 256, () => 0.999_999_999)).toEqual([988, 488]);
  });

  it('is a width × width RGBA PNG of the region at that origin', () => {
    const out = decode(randomPatchPng(small, 1, 64, () => 0.5));
    const [x, y] = randomPatchOrigin(small, 1, 64, () => 0.5);
    expect([out.width, out.height, out.ctype]).toEqual([64, 64, 6]);
    expect(firstDifference(out.data, readRegion(small, 1, x, y, 64, 64))).toBe(-1);
  });

  it('fails (500) when the patch cannot fit', () => {
    expect(() => randomPatchOrigin(small, 2, 600)).toThrow(SlideImageError); // 750 − 600·4 < 0
  });
});

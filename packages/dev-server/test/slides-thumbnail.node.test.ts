/**
 * Thumbnails (E17/E26 sizes, X17/X18 PNGs): OpenSlide's level choice, Pillow's thumbnail
 * size rule against hand-computed cases and the protocol's example, the area filter's
 * pixels against an average computed from single pixels.
 */
import UPNG from 'upng-js';
import { describe, expect, it } from 'vitest';
import { createSyntheticSlides, pixelAt, SlideImageError, type SyntheticSlide } from '../src/slides/pixels.js';
import {
  bestLevelForDownsample,
  pillowThumbnailSize,
  thumbnailPlan,
  thumbnailRgb,
  thumbnailSize,
} from '../src/slides/thumbnail.js';
import { SMALL_THUMBNAIL_BOX, thumbnailPng } from '../src/slides/thumbnail-png.js';

const slides = createSyntheticSlides();
const find = (w: number): SyntheticSlide => slides.find((s) => s.width === w)!;
const small = find(3000);
const big = find(100_000);

describe('bestLevelForDownsample (OpenSlide)', () => {
  it('picks the last level whose downsample is ≤ d, level 0 below 1', () => {
    const cases: [number, number][] = [
      [0.5, 0],
      [1, 0],
      [1.999, 0],
      [2, 1],
      [3.999, 1],
      [4, 2],
      [30, 2],
    ];
    for (const [d, level] of cases) expect(bestLevelForDownsample(small, d)).toBe(level);
    // 100k slide: downsample of level 6 is 64.0102…, so d = 64 still reads level 5.
    expect(bestLevelForDownsample(big, 64)).toBe(5);
    expect(bestLevelForDownsample(big, 100)).toBe(6);
    expect(bestLevelForDownsample(big, 1e6)).toBe(7);
  });
});

describe('pillowThumbnailSize (Image.thumbnail)', () => {
  it('matches hand-computed cases', () => {
    const cases: [number, number, number, number, [number, number]][] = [
      [750, 500, 100, 100, [100, 67]], // 66.67: 67 keeps 1.5 closer (|1.5 − 100/67| < |1.5 − 100/66|)
      [500, 750, 100, 100, [67, 100]],
      [750, 500, 1000, 1000, [750, 500]], // fits: unchanged, never enlarged
      [750, 500, 750, 500, [750, 500]],
      [750, 500, 800, 400, [600, 400]], // height limits
      [3000, 2000, 256, 192, [256, 171]], // 170.67 → 171
      [1000, 1, 100, 100, [100, 1]], // never below 1
      [1, 1000, 100, 100, [1, 100]],
      [100, 300, 1000, 200, [67, 200]], // one side already fits: still shrunk to fit the other
    ];
    for (const [w, h, mw, mh, expected] of cases) expect(pillowThumbnailSize(w, h, mw, mh)).toEqual(expected);
  });
});

describe('thumbnail plan and size', () => {
  it('protocol example: 3000 × 2000, max 100 → level 2 (750 × 500) → 100 × 67', () => {
    expect(thumbnailPlan(small, 100, 100)).toEqual({ level: 2, levelWidth: 750, levelHeight: 500, width: 100, height: 67 });
    expect(thumbnailSize(small, 100)).toEqual([100, 67]);
  });

  it('a max_dim above the slide size returns the whole level-0 image', () => {
    expect(thumbnailPlan(small, 5000, 5000)).toMatchObject({ level: 0, width: 3000, height: 2000 });
  });

  it('the 100k slide at 1000 reads level 6 (1562 × 1250) → 1000 × 800', () => {
    expect(thumbnailPlan(big, 1000, 1000)).toEqual({ level: 6, levelWidth: 1562, levelHeight: 1250, width: 1000, height: 800 });
  });

  it('refuses non-positive or fractional limits', () => {
    expect(() => thumbnailSize(small, 0)).toThrow(SlideImageError);
    expect(() => thumbnailPlan(small, 10.5, 10)).toThrow(/positive integers/);
  });
});

describe('thumbnail pixels', () => {
  it('each pixel is the rounded mean of its box of level pixels', () => {
    const img = thumbnailRgb(small, 100); // level 2, 750 × 500 → 100 × 67: boxes of 7–8 level pixels
    expect([img.width, img.height, img.channels, img.data.length]).toEqual([100, 67, 3, 100 * 67 * 3]);
    const box = (u: number, n: number, size: number) => [Math.floor((u * n) / size), Math.floor(((u + 1) * n) / size)];
    for (const [u, v] of [
      [0, 0],
      [50, 33],
      [99, 66],
      [17, 40],
      [73, 12],
    ]) {
      const [x0, x1] = box(u, 750, 100);
      const [y0, y1] = box(v, 500, 67);
      const sum = [0, 0, 0];
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const p = pixelAt(small, 2, x, y);
          for (let c = 0; c < 3; c++) sum[c] += p[c];
        }
      }
      const n = (x1 - x0) * (y1 - y0);
      const i = (v * 100 + u) * 3;
      expect([img.data[i], img.data[i + 1], img.data[i + 2]]).toEqual(sum.map((s) => Math.round(s / n)));
    }
  });

  it('shows tissue in the middle and white glass in the corners', () => {
    const img = thumbnailRgb(big, 200);
    const at = (u: number, v: number) => Array.from(img.data.subarray((v * img.width + u) * 3, (v * img.width + u) * 3 + 3));
    expect(Math.min(...at(0, 0))).toBeGreaterThanOrEqual(0xf0);
    expect(Math.min(...at(img.width - 1, img.height - 1))).toBeGreaterThanOrEqual(0xf0);
    const [r, g] = at(img.width >> 1, img.height >> 1);
    expect(r - g).toBeGreaterThan(0x20); // pink/purple tissue, not grey
  });
});

describe('X17/X18 thumbnail PNGs', () => {
  it('X18 fits in 256 × 192 and is an RGB PNG of the thumbnail', () => {
    for (const slide of slides) {
      const png = thumbnailPng(slide, ...SMALL_THUMBNAIL_BOX);
      const img = UPNG.decode(png.slice().buffer);
      const expected = thumbnailRgb(slide, 256, 192);
      expect([img.width, img.height, img.ctype, img.depth]).toEqual([expected.width, expected.height, 2, 8]);
      expect(img.width <= 256 && img.height <= 192).toBe(true);
      expect(img.width === 256 || img.height === 192).toBe(true);
      const decoded = Buffer.from(new Uint8Array(img.data).subarray(0, expected.data.length));
      expect(decoded.equals(Buffer.from(expected.data))).toBe(true);
    }
  });
});

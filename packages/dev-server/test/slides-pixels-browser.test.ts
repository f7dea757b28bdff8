/**
 * `@phas/dev-server/pixels` is browser-safe: it loads and computes the same pixels in the
 * Chromium project as in Node (SDK specs use it to check the patches they receive).
 */
import { describe, expect, it } from 'vitest';
import {
  createSyntheticSlides,
  decodePosition,
  isPixelOf,
  pixelAt,
  readRegion,
  syntheticSlide,
} from '@phas/dev-server/pixels';

describe('@phas/dev-server/pixels in any runtime', () => {
  it('resolves the catalog and reads coded regions', () => {
    const slide = syntheticSlide(2)!;
    expect(createSyntheticSlides().map((s) => s.id)).toContain(2);
    expect([slide.width, slide.height]).toEqual([3000, 2000]);
    const data = readRegion(slide, 0, 90, 45, 20, 10);
    expect(data.length).toBe(800);
    expect(decodePosition(data[0], data[1], data[2])).toMatchObject({ x: 90 % 16, y: 45 % 16, level: 0 });
    const last = data.length - 4;
    expect(isPixelOf(data[last], data[last + 1], data[last + 2], data[last + 3], 0, 109, 54)).toBe(true);
    expect(Array.from(data.subarray(0, 4))).toEqual(pixelAt(slide, 0, 90, 45));
  });

  it('level regions agree with single pixels (level 3 of the 100k slide)', () => {
    const slide = syntheticSlide(3)!;
    const ds = slide.levels[3].downsample;
    const [col0, row0] = [Math.floor(50_000 / ds), Math.floor(40_000 / ds)];
    const data = readRegion(slide, 3, 50_000, 40_000, 16, 8);
    for (let b = 0; b < 8; b++) {
      for (let a = 0; a < 16; a++) {
        const i = (b * 16 + a) * 4;
        expect(Array.from(data.subarray(i, i + 4))).toEqual(pixelAt(slide, 3, col0 + a, row0 + b));
        expect(isPixelOf(data[i], data[i + 1], data[i + 2], data[i + 3], 3, col0 + a, row0 + b)).toBe(true);
      }
    }
  });
});

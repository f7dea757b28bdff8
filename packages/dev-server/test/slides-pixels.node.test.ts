/**
 * Synthetic slides: the catalog's pyramids, the position code in every pixel, level
 * sampling, and the fast region renderer against the one-pixel definition.
 */
import { describe, expect, it } from 'vitest';
import {
  createSyntheticSlides,
  decodePosition,
  isPixelOf,
  makeSyntheticSlide,
  pixelAt,
  positionCode,
  readLevelRegion,
  readRegion,
  regionOrigin,
  SlideImageError,
  type SyntheticSlide,
} from '../src/slides/pixels.js';
import { LUMEN_CELL, lumenCentre, lumenColHash, lumenHalfWidth, lumenRowHash, mixHash, patternOf } from '../src/slides/pattern.js';

const slides = createSyntheticSlides();
const bySize = (w: number, h: number): SyntheticSlide => {
  const s = slides.find((x) => x.width === w && x.height === h);
  if (s === undefined) throw new Error(`no ${w}x${h} slide`);
  return s;
};
const small = bySize(3000, 2000);
const big = bySize(100_000, 80_000);
const odd = bySize(2999, 4001);
const aperio = bySize(40_000, 30_000);

/** A small deterministic generator for test coordinates. */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Expected region built pixel by pixel from pixelAt. */
function expected(slide: SyntheticSlide, level: number, col0: number, row0: number, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * 4);
  for (let b = 0; b < h; b++) {
    for (let a = 0; a < w; a++) out.set(pixelAt(slide, level, col0 + a, row0 + b), (b * w + a) * 4);
  }
  return out;
}

describe('catalog', () => {
  it('has unique ids and names, and the sizes the protocol examples need', () => {
    expect(new Set(slides.map((s) => s.id)).size).toBe(slides.length);
    expect(new Set(slides.map((s) => s.name)).size).toBe(slides.length);
    expect(small.levels.map((l) => [l.width, l.height, l.downsample])).toEqual([
      [3000, 2000, 1],
      [1500, 1000, 2],
      [750, 500, 4],
    ]);
    expect(small.spacing).toEqual([0.0005, 0.0005]);
    expect(slides.some((s) => s.spacing === null)).toBe(true);
  });

  it('builds OpenSlide-like pyramids: level k = floor(W / f^k), downsample = mean of the axis ratios', () => {
    expect(big.levels.length).toBeGreaterThanOrEqual(6);
    big.levels.forEach((l, k) => {
      expect(l.width).toBe(Math.floor(100_000 / 2 ** k));
      expect(l.height).toBe(Math.floor(80_000 / 2 ** k));
    });
    // 100000 / 1562 = 64.0205…, 80000 / 1250 = 64
    expect(big.levels[6].downsample).toBeCloseTo((100_000 / 1562 + 64) / 2, 12);
    expect(odd.levels[1]).toEqual({ width: 1499, height: 2000, downsample: (2999 / 1499 + 4001 / 2000) / 2 });
    expect(aperio.levels.map((l) => l.width)).toEqual([40_000, 10_000, 2500]);
  });

  it('makeSyntheticSlide derives spacing in mm, a name-based seed and validates sizes', () => {
    const a = makeSyntheticSlide({ id: 9, name: 'A', ext: 'tiff', width: 500, height: 400, levelCount: 2, mpp: [0.5, 0.25] });
    const b = makeSyntheticSlide({ id: 9, name: 'B', ext: 'tiff', width: 500, height: 400, levelCount: 2, mpp: null });
    expect(a.spacing).toEqual([0.0005, 0.00025]);
    expect(b.spacing).toBeNull();
    expect(a.seed).not.toBe(b.seed);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => makeSyntheticSlide({ id: 1, name: 'x', ext: 'tif', width: 0, height: 1, levelCount: 1, mpp: null })).toThrow(
      RangeError,
    );
    expect(() => makeSyntheticSlide({ id: 1, name: 'x', ext: 'tif', width: 9, height: 9, levelCount: 1.5, mpp: null })).toThrow(
      /levelCount/,
    );
    expect(() => makeSyntheticSlide({ id: 1, name: 'x', ext: 'tif', width: 1e6, height: 9, levelCount: 9, mpp: null })).toThrow(
      /at most 8 levels/,
    );
  });
});

describe('position code', () => {
  it('decodes what positionCode encodes', () => {
    expect(positionCode(2, 17, 3)).toEqual([1, 3, 2 | 8]);
    expect(decodePosition(0xe1, 0x93, 0xca)).toEqual({ x: 1, y: 3, level: 2, block: 1 });
  });

  for (const slide of [small, odd, big]) {
    it(`every level of ${slide.name}: opaque, coded with (col mod 16, row mod 16, level, checkerboard)`, () => {
      const rand = lcg(slide.seed);
      slide.levels.forEach((lv, level) => {
        for (let n = 0; n < 200; n++) {
          const col = rand(lv.width);
          const row = rand(lv.height);
          const [r, g, b, a] = pixelAt(slide, level, col, row);
          expect(a).toBe(255);
          expect(decodePosition(r, g, b)).toEqual({
            x: col % 16,
            y: row % 16,
            level,
            block: (Math.floor(col / 16) + Math.floor(row / 16)) % 2,
          });
        }
      });
    });
  }

  it('pixels outside the level are (0,0,0,0)', () => {
    const lv = small.levels[1];
    for (const [c, r] of [
      [-1, 0],
      [0, -1],
      [lv.width, 0],
      [0, lv.height],
      [-5000, 99_999],
    ]) {
      expect(pixelAt(small, 1, c, r)).toEqual([0, 0, 0, 0]);
    }
    expect(pixelAt(small, 1, lv.width - 1, lv.height - 1)[3]).toBe(255);
  });
});

describe('appearance', () => {
  const isWhite = ([r, g, b]: number[]) => r >= 0xf0 && g >= 0xf0 && b >= 0xf0;
  it('slide corners are white glass, the centre is tissue', () => {
    for (const slide of slides) {
      const lv = slide.levels[0];
      expect(isWhite(pixelAt(slide, 0, 0, 0))).toBe(true);
      expect(isWhite(pixelAt(slide, 0, lv.width - 1, lv.height - 1))).toBe(true);
      expect(isWhite(pixelAt(slide, 0, Math.floor(lv.width / 2), Math.floor(lv.height / 2)))).toBe(false);
    }
  });

  it('tissue is pink stroma (R > G), purple nuclei (B > R) and pale lumens', () => {
    const w = 1024;
    const data = readRegion(big, 0, 50_000, 40_000, w, w);
    const counts = { pink: 0, purple: 0, pale: 0 };
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] & 0xf0, data[i + 1] & 0xf0, data[i + 2] & 0xf0];
      if (r > g + 0x20 && r >= b) counts.pink++;
      else if (b > r && r < 0xa0) counts.purple++;
      else if (r === 0xf0 && g === 0xe0 && b === 0xf0) counts.pale++;
    }
    expect(counts.pink + counts.purple + counts.pale).toBe(w * w);
    expect(counts.purple).toBeGreaterThan(w * w * 0.03);
    expect(counts.pink).toBeGreaterThan(w * w * 0.5);
  });

  it('has lumens: pale ellipses whose edges the region renderer draws like pixelAt', () => {
    const p = patternOf(big);
    const lumens: [number, number, number][] = [];
    for (let by = 35; by < 45; by++) {
      for (let bx = 45; bx < 55; bx++) {
        const h = mixHash(lumenColHash(bx), lumenRowHash(p, by));
        const half = lumenHalfWidth(h, 0);
        if (half >= 0) lumens.push([bx * LUMEN_CELL + lumenCentre(h >>> 8), by * LUMEN_CELL + lumenCentre(h >>> 17), half]);
      }
    }
    expect(lumens.length).toBeGreaterThan(5);
    for (const [x, y, half] of lumens.slice(0, 5)) {
      expect(pixelAt(big, 0, x, y).map((v) => v & 0xf0)).toEqual([0xf0, 0xe0, 0xf0, 0xf0]);
      // a 48 × 24 window across the lumen's left edge, at levels 0 and 2
      const x0 = Math.floor(x - half) - 24;
      for (const level of [0, 2]) {
        const ds = big.levels[level].downsample;
        const [c, r] = [Math.floor(x0 / ds), Math.floor((y - 12) / ds)];
        expect(readLevelRegion(big, level, c, r, 48, 24)).toEqual(expected(big, level, c, r, 48, 24));
      }
    }
  });

  it('is deterministic per slide and differs between slides', () => {
    const a = readRegion(small, 0, 1000, 800, 64, 64);
    expect(readRegion(small, 0, 1000, 800, 64, 64)).toEqual(a);
    const other = makeSyntheticSlide({ id: 2, name: 'other', ext: 'tiff', width: 3000, height: 2000, levelCount: 3, mpp: 0.5 });
    expect(readRegion(other, 0, 1000, 800, 64, 64)).not.toEqual(a);
  });
});

describe('level sampling', () => {
  for (const slide of [small, odd, big, aperio]) {
    it(`${slide.name}: level L pixel (i, j) has the colour of level-0 pixel (floor(i·ds), floor(j·ds))`, () => {
      const rand = lcg(slide.seed ^ 0xabc);
      for (let level = 1; level < slide.levels.length; level++) {
        const lv = slide.levels[level];
        for (let n = 0; n < 100; n++) {
          const i = rand(lv.width);
          const j = rand(lv.height);
          const hi = pixelAt(slide, level, i, j).map((v) => v & 0xf0);
          const base = pixelAt(slide, 0, Math.floor(i * lv.downsample), Math.floor(j * lv.downsample)).map((v) => v & 0xf0);
          expect(hi).toEqual(base);
        }
      }
    });
  }
});

describe('readRegion', () => {
  it('equals pixelAt at every level, for regions inside, across the edges and off the slide', () => {
    for (const slide of [small, odd, big]) {
      const rand = lcg(slide.seed ^ 0x77);
      slide.levels.forEach((lv, level) => {
        const cases: [number, number][] = [
          [rand(Math.max(1, lv.width - 40)), rand(Math.max(1, lv.height - 30))], // inside
          [-17, -9], // negative origin
          [lv.width - 20, lv.height - 10], // bottom-right corner
          [lv.width + 5, 3], // entirely outside
        ];
        for (const [c, r] of cases) {
          expect(readLevelRegion(slide, level, c, r, 40, 30)).toEqual(expected(slide, level, c, r, 40, 30));
        }
      });
    }
  });

  it('starts at level pixel floor(x / ds) of the level-0 origin', () => {
    expect(regionOrigin(small, 1, 1201, -3)).toEqual([600, -2]);
    expect(regionOrigin(small, 0, -3, 7)).toEqual([-3, 7]);
    const ds = odd.levels[2].downsample;
    expect(regionOrigin(odd, 2, 1000, 2001)).toEqual([Math.floor(1000 / ds), Math.floor(2001 / ds)]);
    expect(readRegion(small, 1, 1201, -3, 5, 4)).toEqual(readLevelRegion(small, 1, 600, -2, 5, 4));
  });

  it('E16 example: centre (100, 50), level 0, 20 × 10 covers x 90…109, y 45…54', () => {
    const data = readRegion(small, 0, 90, 45, 20, 10);
    expect(isPixelOf(data[0], data[1], data[2], data[3], 0, 90, 45)).toBe(true);
    const last = (9 * 20 + 19) * 4;
    expect(isPixelOf(data[last], data[last + 1], data[last + 2], data[last + 3], 0, 109, 54)).toBe(true);
  });

  it('is transparent where the region leaves the slide (negative origin)', () => {
    const data = readRegion(small, 0, -4, -2, 8, 4);
    for (let b = 0; b < 4; b++) {
      for (let a = 0; a < 8; a++) {
        const i = (b * 8 + a) * 4;
        const inside = a >= 4 && b >= 2;
        expect(data[i + 3]).toBe(inside ? 255 : 0);
        if (!inside) expect([data[i], data[i + 1], data[i + 2]]).toEqual([0, 0, 0]);
        else expect(isPixelOf(data[i], data[i + 1], data[i + 2], data[i + 3], 0, a - 4, b - 2)).toBe(true);
      }
    }
  });

  it('refuses bad levels and sizes with SlideImageError (PHAS answers 500)', () => {
    const attempts: [() => unknown, string][] = [
      [() => readRegion(small, 3, 0, 0, 4, 4), 'bad_level'],
      [() => readRegion(small, -1, 0, 0, 4, 4), 'bad_level'],
      [() => readRegion(small, 0, 0, 0, 0, 4), 'bad_size'],
      [() => readRegion(small, 0, 0, 0, 4, -1), 'bad_size'],
      [() => readRegion(small, 0, 0.5, 0, 4, 4), 'bad_size'],
      [() => readRegion(small, 0, 0, 0, 100_000, 100_000), 'too_large'],
      [() => pixelAt(small, 0, 1.5, 0), 'bad_size'],
    ];
    for (const [attempt, code] of attempts) {
      let error: unknown;
      try {
        attempt();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SlideImageError);
      expect((error as SlideImageError).code).toBe(code);
      expect((error as SlideImageError).status).toBe(500);
    }
  });
});

/**
 * Reading synthetic slide pixels: one pixel (`pixelAt`, the readable definition) and whole
 * regions (`readRegion`, OpenSlide's `read_region`, fast via `LevelRenderer`). Browser-safe.
 *
 * Level `L` pixel (col, row) shows the level-0 pattern sampled at
 * `(floor(col · ds), floor(row · ds))` with `ds = levels[L].downsample`, plus the position
 * code of (col, row) at level L (`position.ts`). Pixels outside the level are `(0,0,0,0)`.
 */
import type { SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';
import { checkRegionSize, pyramidLevel } from './level.js';
import { colourAt, patternOf } from './pattern.js';
import { positionCode } from './position.js';
import { LevelRenderer, packedToHostOrder } from './renderer.js';

export { checkRegionSize, MAX_REGION_PIXELS, pyramidLevel } from './level.js';

/** An RGBA pixel `[r, g, b, a]`. */
export type Rgba = [number, number, number, number];

/**
 * The RGBA value of pixel (`col`, `row`) of pyramid level `level` (level coordinates).
 * Computed directly from the pattern's definition (no tables): the reference the fast
 * region renderer is tested against, and a convenient oracle for SDK tests.
 *
 * @example
 * ```ts
 * const slide = createSyntheticSlides()[1];
 * pixelAt(slide, 0, 1500, 1000); // tissue: e.g. [0xe5, 0x95, 0xc8, 255], low bits = position code
 * pixelAt(slide, 0, -1, 0); // [0, 0, 0, 0]: outside the slide
 * ```
 */
export function pixelAt(slide: SyntheticSlide, level: number, col: number, row: number): Rgba {
  const lv = pyramidLevel(slide, level);
  if (!Number.isInteger(col) || !Number.isInteger(row)) {
    throw new SlideImageError('bad_size', 500, `Pixel coordinates must be integers, got (${col}, ${row})`);
  }
  if (col < 0 || row < 0 || col >= lv.width || row >= lv.height) return [0, 0, 0, 0];
  const c = colourAt(patternOf(slide), Math.floor(col * lv.downsample), Math.floor(row * lv.downsample));
  const [cr, cg, cb] = positionCode(level, col, row);
  return [(c & 0xff) | cr, ((c >>> 8) & 0xff) | cg, ((c >>> 16) & 0xff) | cb, 255];
}

/**
 * The level pixel where a region whose level-0 top-left is (`x`, `y`) starts at `level`:
 * `(floor(x / ds), floor(y / ds))`.
 *
 * @example
 * ```ts
 * regionOrigin(slide, 1, 1201, -3); // [600, -2] on a level with downsample 2
 * ```
 */
export function regionOrigin(slide: SyntheticSlide, level: number, x: number, y: number): [number, number] {
  const ds = pyramidLevel(slide, level).downsample;
  return [Math.floor(x / ds), Math.floor(y / ds)];
}

/**
 * OpenSlide `read_region((x, y), level, (width, height))`: RGBA bytes, row-major, of the
 * `width × height` level pixels starting at level pixel `regionOrigin(slide, level, x, y)`.
 * (`x`, `y`) are level-0 coordinates and may be negative; parts outside the slide are
 * transparent `(0,0,0,0)`.
 *
 * @throws SlideImageError `bad_level` for a level outside the pyramid, `bad_size` for a
 *   non-positive or non-integer size, `too_large` beyond `MAX_REGION_PIXELS`.
 * @example
 * ```ts
 * const rgba = readRegion(slide, 0, 90, 45, 20, 10); // E16 centre (100, 50), level 0, 20 × 10
 * rgba.length; // 800
 * ```
 */
export function readRegion(
  slide: SyntheticSlide,
  level: number,
  x: number,
  y: number,
  width: number,
  height: number,
): Uint8Array {
  if (!Number.isInteger(x) || !Number.isInteger(y)) {
    throw new SlideImageError('bad_size', 500, `Region origin must be integers, got (${x}, ${y})`);
  }
  const [col0, row0] = regionOrigin(slide, level, x, y);
  return readLevelRegion(slide, level, col0, row0, width, height);
}

/**
 * Like `readRegion` but addressed in level coordinates: the `width × height` level pixels
 * starting at level pixel (`col0`, `row0`).
 *
 * @example
 * ```ts
 * readLevelRegion(slide, 2, 0, 0, 750, 500); // the whole level 2 of a 3000 × 2000 slide
 * ```
 */
export function readLevelRegion(
  slide: SyntheticSlide,
  level: number,
  col0: number,
  row0: number,
  width: number,
  height: number,
): Uint8Array {
  const lv = pyramidLevel(slide, level);
  checkRegionSize(width, height);
  if (!Number.isInteger(col0) || !Number.isInteger(row0)) {
    throw new SlideImageError('bad_size', 500, `Region origin must be integers, got (${col0}, ${row0})`);
  }
  const out = new Uint8Array(width * height * 4);
  const px = new Uint32Array(out.buffer);
  // The in-level columns and rows: [a0, a1) × [b0, b1) of the output.
  const a0 = clamp(-col0, 0, width);
  const a1 = clamp(lv.width - col0, a0, width);
  const b0 = clamp(-row0, 0, height);
  const b1 = clamp(lv.height - row0, b0, height);
  if (a0 < a1 && b0 < b1) {
    const cols = new Int32Array(a1 - a0);
    for (let k = 0; k < cols.length; k++) cols[k] = col0 + a0 + k;
    const renderer = new LevelRenderer(slide, level, cols);
    for (let b = b0; b < b1; b++) renderer.renderRow(row0 + b, px, b * width + a0);
  }
  packedToHostOrder(px);
  return out;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Checks shared by the slide readers: a level inside the pyramid, a region size the
 * renderer can afford. Browser-safe.
 */
import type { PyramidLevel, SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';

/** Largest region (in pixels) the renderer allocates: 64 Mpx = 256 MB of RGBA. */
export const MAX_REGION_PIXELS = 64 * 1024 * 1024;

/**
 * The pyramid level `level` of `slide`, or a `SlideImageError` (`bad_level`, 500) when
 * `level` is not an integer in `[0, levels.length)`.
 *
 * @example
 * ```ts
 * pyramidLevel(slide, 0).downsample; // 1
 * ```
 */
export function pyramidLevel(slide: SyntheticSlide, level: number): PyramidLevel {
  if (!Number.isInteger(level) || level < 0 || level >= slide.levels.length) {
    throw new SlideImageError(
      'bad_level',
      500,
      `Level ${level} is outside the pyramid of slide ${slide.id} (levels 0-${slide.levels.length - 1})`,
    );
  }
  return slide.levels[level];
}

/** Throw `bad_size` / `too_large` unless w × h is a positive, affordable integer size. */
export function checkRegionSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new SlideImageError('bad_size', 500, `Region size must be positive integers, got ${width} x ${height}`);
  }
  if (width * height > MAX_REGION_PIXELS) {
    throw new SlideImageError(
      'too_large',
      500,
      `Region ${width} x ${height} exceeds the synthetic slide limit of ${MAX_REGION_PIXELS} pixels`,
    );
  }
}

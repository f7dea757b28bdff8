/**
 * `@phas/dev-server/pixels`: the synthetic slides and their pixels, browser-safe, so SDK
 * tests (in Node or Chromium) can check what the dev server sent them.
 *
 * @example
 * ```ts
 * import { createSyntheticSlides, readRegion, decodePosition } from '@phas/dev-server/pixels';
 * const slide = createSyntheticSlides().find((s) => s.width === 3000)!;
 * const expected = readRegion(slide, 0, 90, 45, 20, 10); // what E16 centre (100, 50), 20 × 10 returns
 * decodePosition(expected[0], expected[1], expected[2]); // { x: 90 % 16, y: 45 % 16, level: 0, block: … }
 * ```
 * @module
 */
export {
  createSyntheticSlides,
  syntheticSlide,
  makeSyntheticSlide,
  pyramidLevels,
  type PyramidLevel,
  type SyntheticSlide,
  type SyntheticSlideOptions,
} from './catalog.js';
export { decodePosition, isPixelOf, positionCode, MAX_CODED_LEVEL, type DecodedPosition } from './position.js';
export {
  pixelAt,
  readRegion,
  readLevelRegion,
  regionOrigin,
  pyramidLevel,
  MAX_REGION_PIXELS,
  type Rgba,
} from './region.js';
export { SlideImageError, type SlideImageErrorCode } from './errors.js';

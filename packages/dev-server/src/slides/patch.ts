/**
 * E16 region ("patch") reads, E28 training-sample images and X10/X11 random patches as
 * PNG (protocol §6.1, §9.2, §11.5).
 * Node only (PNG encoding).
 */
import type { SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';
import { encodePng } from './png.js';
import { checkRegionSize, pyramidLevel } from './level.js';
import { readRegion } from './region.js';

/**
 * The level-0 top-left of an E16 patch: `x = ctrx − int(w·0.5·ds)`,
 * `y = ctry − int(h·0.5·ds)` with `ds` the level's downsample and `int` truncating.
 *
 * @example
 * ```ts
 * patchOrigin(slide, 0, 100, 50, 20, 10); // [90, 45]
 * ```
 */
export function patchOrigin(
  slide: SyntheticSlide,
  level: number,
  ctrx: number,
  ctry: number,
  width: number,
  height: number,
): [number, number] {
  const ds = pyramidLevel(slide, level).downsample;
  return [ctrx - Math.trunc(width * 0.5 * ds), ctry - Math.trunc(height * 0.5 * ds)];
}

/**
 * `readRegion` encoded as an RGBA PNG (8-bit, colour type 6), as OpenSlide + Pillow give it.
 *
 * @throws SlideImageError for a bad level or size (PHAS answers 500).
 * @example
 * ```ts
 * const png = readRegionPng(slide, 0, 90, 45, 20, 10);
 * ```
 */
export function readRegionPng(
  slide: SyntheticSlide,
  level: number,
  x: number,
  y: number,
  width: number,
  height: number,
): Uint8Array {
  checkRegionSize(width, height);
  const data = readRegion(slide, level, x, y, width, height);
  return encodePng({ width, height, channels: 4, data });
}

/**
 * The E16 response body: the `width × height` patch at `level` centred on level-0
 * (`ctrx`, `ctry`), as RGBA PNG.
 *
 * @example
 * ```ts
 * patchPng(slide, 0, 100, 50, 20, 10); // region x 90…109, y 45…54
 * ```
 */
export function patchPng(
  slide: SyntheticSlide,
  level: number,
  ctrx: number,
  ctry: number,
  width: number,
  height: number,
): Uint8Array {
  checkRegionSize(width, height);
  const [x, y] = patchOrigin(slide, level, ctrx, ctry, width, height);
  return readRegionPng(slide, level, x, y, width, height);
}

/**
 * Centre of a training sample's box as the server computes it (§9.2):
 * `(int((x0 + x1)/2 + 0.5), int((y0 + y1)/2 + 0.5))`, `int` truncating toward zero.
 *
 * @example
 * ```ts
 * sampleCentre(100, 100, 300, 251); // [200, 176]
 * ```
 */
export function sampleCentre(x0: number, y0: number, x1: number, y1: number): [number, number] {
  return [Math.trunc((x0 + x1) / 2 + 0.5), Math.trunc((y0 + y1) / 2 + 0.5)];
}

/**
 * A training-sample image (E28): the level-0 `size × size` RGBA patch centred on
 * (`cx`, `cy`) with E16's rule, as PNG. Use `sampleCentre` for the centre of a box.
 *
 * @example
 * ```ts
 * const [cx, cy] = sampleCentre(100, 100, 300, 250);
 * const png = samplePng(slide, cx, cy, 512);
 * ```
 */
export function samplePng(slide: SyntheticSlide, cx: number, cy: number, size: number): Uint8Array {
  return patchPng(slide, 0, cx, cy, size, size);
}

/**
 * The level-0 top-left of an X10/X11 random patch, as PHAS draws it:
 * `randint(0, int(level_width − width·ds))` and likewise for y (both ends inclusive).
 * PHAS mixes level sizes with level-0 offsets here, so at level > 0 only part of the
 * slide can be sampled (Q39); this reproduces that.
 *
 * @param random Uniform generator in [0, 1) (default `Math.random`).
 * @throws SlideImageError `bad_size` (500) when the patch does not fit (PHAS's randint
 *   fails), or for a bad level or width.
 * @example
 * ```ts
 * const [x, y] = randomPatchOrigin(slide, 0, 256); // 0 ≤ x ≤ W − 256, 0 ≤ y ≤ H − 256
 * ```
 */
export function randomPatchOrigin(
  slide: SyntheticSlide,
  level: number,
  width: number,
  random: () => number = Math.random,
): [number, number] {
  checkRegionSize(width, width);
  const lv = pyramidLevel(slide, level);
  const maxX = Math.trunc(lv.width - width * lv.downsample);
  const maxY = Math.trunc(lv.height - width * lv.downsample);
  if (maxX < 0 || maxY < 0) {
    throw new SlideImageError('bad_size', 500, `A ${width} px patch does not fit level ${level} of slide ${slide.id}`);
  }
  return [Math.floor(random() * (maxX + 1)), Math.floor(random() * (maxY + 1))];
}

/**
 * An X10/X11 random patch: `width × width` RGBA PNG at `level` from `randomPatchOrigin`.
 *
 * @example
 * ```ts
 * const png = randomPatchPng(slide, 0, 256); // X10
 * ```
 */
export function randomPatchPng(
  slide: SyntheticSlide,
  level: number,
  width: number,
  random: () => number = Math.random,
): Uint8Array {
  const [x, y] = randomPatchOrigin(slide, level, width, random);
  return readRegionPng(slide, level, x, y, width, width);
}

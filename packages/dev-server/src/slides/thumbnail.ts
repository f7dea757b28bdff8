/**
 * OpenSlide's `get_thumbnail` for synthetic slides (protocol §6.2 step 3, §11.8): the
 * level it reads, Pillow's `Image.thumbnail` size rule (exact), and the RGB pixels.
 *
 * The pixels are **not** Lanczos-filtered as Pillow's are: each thumbnail pixel is the
 * mean of the level pixels in its box (an area filter; when a box is wider or taller than
 * 8 level pixels, the mean of 8 evenly spaced columns/rows of it). Sizes are exact; pixel
 * values are close to, not equal to, a real server's. Browser-safe.
 */
import type { SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';
import { LevelRenderer } from './renderer.js';

/** An 8-bit RGB image, row-major, top row first (`RasterImage` with 3 channels). */
export interface RgbImage {
  width: number;
  height: number;
  channels: 3;
  data: Uint8Array;
}

/** Where a thumbnail comes from and how big it is. */
export interface ThumbnailPlan {
  /** Pyramid level read (OpenSlide's best level for the downsample). */
  level: number;
  /** Size of that level. */
  levelWidth: number;
  levelHeight: number;
  /** Thumbnail size. */
  width: number;
  height: number;
}

/** Largest thumbnail (in pixels) this module renders. */
export const MAX_THUMBNAIL_PIXELS = 64 * 1024 * 1024;

/** Samples per axis per thumbnail pixel beyond which the box is subsampled. */
const MAX_BOX_SAMPLES = 8;

/**
 * OpenSlide's `get_best_level_for_downsample`: level 0 if `downsample` is below level 0's
 * downsample, else the last level whose downsample is ≤ `downsample`.
 *
 * @example
 * ```ts
 * bestLevelForDownsample(slide3000x2000, 30); // 2 (downsamples 1, 2, 4)
 * ```
 */
export function bestLevelForDownsample(slide: SyntheticSlide, downsample: number): number {
  const levels = slide.levels;
  if (downsample < levels[0].downsample) return 0;
  for (let i = 1; i < levels.length; i++) {
    if (downsample < levels[i].downsample) return i - 1;
  }
  return levels.length - 1;
}

/**
 * Pillow's `Image.thumbnail` size rule: the size an image of `width × height` gets when
 * shrunk to fit `maxWidth × maxHeight` keeping its aspect ratio. Unchanged when it
 * already fits in both directions; otherwise one side takes the box size and the other
 * is the floor or ceiling of the proportional value, whichever keeps the aspect ratio
 * closest (floor on ties), never below 1.
 *
 * @example
 * ```ts
 * pillowThumbnailSize(750, 500, 100, 100); // [100, 67]
 * pillowThumbnailSize(750, 500, 1000, 1000); // [750, 500]
 * ```
 */
export function pillowThumbnailSize(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): [number, number] {
  let x = Math.floor(maxWidth);
  let y = Math.floor(maxHeight);
  if (x >= width && y >= height) return [width, height];
  const aspect = width / height;
  if (x / y >= aspect) {
    x = roundAspect(y * aspect, (n) => Math.abs(aspect - n / y));
  } else {
    y = roundAspect(x / aspect, (n) => (n === 0 ? 0 : Math.abs(aspect - x / n)));
  }
  return [x, y];
}

/** Pillow's `round_aspect`: floor or ceil by smallest key (first wins ties), at least 1. */
function roundAspect(value: number, key: (n: number) => number): number {
  const lo = Math.floor(value);
  const hi = Math.ceil(value);
  return Math.max(key(hi) < key(lo) ? hi : lo, 1);
}

/**
 * How OpenSlide builds `get_thumbnail((maxWidth, maxHeight))`: downsample
 * `d = max(W / maxWidth, H / maxHeight)`, best level for `d`, then Pillow's thumbnail size
 * of that level's image.
 *
 * @throws SlideImageError `bad_size` unless both limits are positive integers.
 * @example
 * ```ts
 * thumbnailPlan(slide3000x2000, 100, 100);
 * // { level: 2, levelWidth: 750, levelHeight: 500, width: 100, height: 67 }
 * ```
 */
export function thumbnailPlan(slide: SyntheticSlide, maxWidth: number, maxHeight: number): ThumbnailPlan {
  if (!Number.isInteger(maxWidth) || !Number.isInteger(maxHeight) || maxWidth <= 0 || maxHeight <= 0) {
    throw new SlideImageError('bad_size', 500, `Thumbnail limits must be positive integers, got ${maxWidth} x ${maxHeight}`);
  }
  const downsample = Math.max(slide.width / maxWidth, slide.height / maxHeight);
  const level = bestLevelForDownsample(slide, downsample);
  const { width: levelWidth, height: levelHeight } = slide.levels[level];
  const [width, height] = pillowThumbnailSize(levelWidth, levelHeight, maxWidth, maxHeight);
  return { level, levelWidth, levelHeight, width, height };
}

/**
 * Size of the thumbnail PHAS makes for E17/E26 with `max_dim` (`get_thumbnail((maxDim, maxDim))`).
 *
 * @example
 * ```ts
 * thumbnailSize(slide3000x2000, 100); // [100, 67] (from level 2, 750 × 500)
 * ```
 */
export function thumbnailSize(slide: SyntheticSlide, maxDim: number): [number, number] {
  const plan = thumbnailPlan(slide, maxDim, maxDim);
  return [plan.width, plan.height];
}

/**
 * The thumbnail's RGB pixels (composited on white; area filter, see the module notes).
 *
 * @throws SlideImageError `bad_size` for bad limits, `too_large` beyond `MAX_THUMBNAIL_PIXELS`.
 * @example
 * ```ts
 * const img = thumbnailRgb(slide, 1000); // or thumbnailRgb(slide, 256, 192)
 * img.data.length === img.width * img.height * 3; // true
 * ```
 */
export function thumbnailRgb(slide: SyntheticSlide, maxWidth: number, maxHeight: number = maxWidth): RgbImage {
  const plan = thumbnailPlan(slide, maxWidth, maxHeight);
  if (plan.width * plan.height > MAX_THUMBNAIL_PIXELS) {
    throw new SlideImageError(
      'too_large',
      500,
      `Thumbnail ${plan.width} x ${plan.height} exceeds the synthetic slide limit of ${MAX_THUMBNAIL_PIXELS} pixels`,
    );
  }
  return shrinkLevel(slide, plan.level, plan.levelWidth, plan.levelHeight, plan.width, plan.height);
}

/**
 * Area-filter the `levelWidth × levelHeight` level `level` down to `width × height` RGB,
 * transparent pixels composited on white. Also used for Deep Zoom tiles.
 *
 * @param originCol First level column of the source rectangle (default 0).
 * @param originRow First level row of the source rectangle (default 0).
 */
export function shrinkLevel(
  slide: SyntheticSlide,
  level: number,
  levelWidth: number,
  levelHeight: number,
  width: number,
  height: number,
  originCol = 0,
  originRow = 0,
): RgbImage {
  const xs = boxSamples(levelWidth, width);
  const ys = boxSamples(levelHeight, height);
  const cols = new Int32Array(xs.samples.length);
  for (let k = 0; k < cols.length; k++) cols[k] = originCol + xs.samples[k];
  const renderer = new LevelRenderer(slide, level, cols);
  const row = new Uint32Array(cols.length);
  const sums = new Float64Array(width * 3);
  const data = new Uint8Array(width * height * 3);
  for (let v = 0; v < height; v++) {
    sums.fill(0);
    const r0 = ys.start[v];
    const r1 = ys.start[v + 1];
    for (let r = r0; r < r1; r++) {
      renderer.renderRow(originRow + ys.samples[r], row, 0);
      for (let u = 0; u < width; u++) {
        let sr = 0;
        let sg = 0;
        let sb = 0;
        for (let k = xs.start[u]; k < xs.start[u + 1]; k++) {
          const c = row[k];
          const a = c >>> 24;
          // Composite on white: out = a·c + (255 − a)·255, per channel, over 255.
          sr += ((c & 0xff) * a + 255 * (255 - a)) / 255;
          sg += (((c >>> 8) & 0xff) * a + 255 * (255 - a)) / 255;
          sb += (((c >>> 16) & 0xff) * a + 255 * (255 - a)) / 255;
        }
        sums[u * 3] += sr;
        sums[u * 3 + 1] += sg;
        sums[u * 3 + 2] += sb;
      }
    }
    const count = r1 - r0;
    const o = v * width * 3;
    for (let u = 0; u < width; u++) {
      const n = count * (xs.start[u + 1] - xs.start[u]);
      data[o + u * 3] = Math.round(sums[u * 3] / n);
      data[o + u * 3 + 1] = Math.round(sums[u * 3 + 1] / n);
      data[o + u * 3 + 2] = Math.round(sums[u * 3 + 2] / n);
    }
  }
  return { width, height, channels: 3, data };
}

/**
 * The source indices averaged for each of `outSize` boxes over `inSize` pixels: box `u`
 * covers `[floor(u·in/out), floor((u+1)·in/out))` (at least one pixel); `samples` lists
 * its pixels (all, or `MAX_BOX_SAMPLES` evenly spaced), `start[u]…start[u+1]` indexes them.
 */
export function boxSamples(inSize: number, outSize: number): { samples: Int32Array; start: Int32Array } {
  const start = new Int32Array(outSize + 1);
  const list: number[] = [];
  for (let u = 0; u < outSize; u++) {
    start[u] = list.length;
    const a = Math.floor((u * inSize) / outSize);
    const b = Math.max(a + 1, Math.floor(((u + 1) * inSize) / outSize));
    const n = b - a;
    if (n <= MAX_BOX_SAMPLES) {
      for (let i = a; i < b; i++) list.push(i);
    } else {
      for (let k = 0; k < MAX_BOX_SAMPLES; k++) list.push(a + Math.floor(((k + 0.5) * n) / MAX_BOX_SAMPLES));
    }
  }
  start[outSize] = list.length;
  return { samples: Int32Array.from(list), start };
}

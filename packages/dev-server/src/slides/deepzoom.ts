/**
 * Deep Zoom (X14 descriptor, X15 tiles, protocol §11.7) the way OpenSlide's
 * `DeepZoomGenerator(slide, tile_size=254, overlap=1, limit_bounds=False)` lays it out.
 * Browser-safe; `deepzoom-png.ts` encodes the tiles.
 *
 * Deep Zoom level `k` of `n` is the slide scaled by `2^(k − n + 1)` (each level halves the
 * previous one, rounding up, down to 1 × 1). A tile is read from the pyramid level
 * OpenSlide would pick for that scale and, when that level is larger, shrunk with the
 * same area filter as the thumbnails (OpenSlide uses Lanczos: sizes match, pixel values
 * are close but not equal).
 */
import type { SyntheticSlide } from './catalog.js';
import { SlideImageError } from './errors.js';
import { bestLevelForDownsample, pillowThumbnailSize, shrinkLevel, type RgbImage } from './thumbnail.js';

/** Tile size of OpenSlide's DeepZoomGenerator default (without overlap). */
export const DZ_TILE_SIZE = 254;
/** Tile overlap of OpenSlide's DeepZoomGenerator default. */
export const DZ_OVERLAP = 1;

/** One Deep Zoom level. */
export interface DeepZoomLevel {
  /** Level size in pixels. */
  width: number;
  height: number;
  /** Tile grid size. */
  cols: number;
  rows: number;
  /** Level-0 pixels per Deep Zoom pixel: `2^(n − 1 − k)`. */
  l0Downsample: number;
  /** Pyramid level the tiles are read from. */
  slideLevel: number;
  /** Pyramid-level pixels per Deep Zoom pixel (≥ 1 except for rounding). */
  levelScale: number;
}

/** Where a Deep Zoom tile comes from. */
export interface DeepZoomTileInfo {
  /** Pyramid level read. */
  slideLevel: number;
  /** Level-0 top-left OpenSlide would read (`int(downsample · l)`). */
  l0Location: [number, number];
  /** Top-left in pyramid-level coordinates (may be fractional). */
  levelLocation: [number, number];
  /** Size read at the pyramid level. */
  levelSize: [number, number];
  /** Requested tile size (with overlaps); the image is fitted into it with Pillow's thumbnail rule. */
  tileSize: [number, number];
}

/**
 * The Deep Zoom pyramid of a slide, level 0 (1 × 1) first; its length is
 * `ceil(log2(max(W, H))) + 1`.
 *
 * @example
 * ```ts
 * const levels = deepZoomLevels(slide3000x2000);
 * levels.length; // 13
 * levels[12]; // { width: 3000, height: 2000, cols: 12, rows: 8, l0Downsample: 1, slideLevel: 0, levelScale: 1 }
 * ```
 */
export function deepZoomLevels(slide: SyntheticSlide): DeepZoomLevel[] {
  const sizes: [number, number][] = [[slide.width, slide.height]];
  for (let [w, h] = sizes[0]; w > 1 || h > 1; ) {
    w = Math.max(1, Math.ceil(w / 2));
    h = Math.max(1, Math.ceil(h / 2));
    sizes.push([w, h]);
  }
  sizes.reverse();
  const n = sizes.length;
  return sizes.map(([width, height], k) => {
    const l0Downsample = 2 ** (n - k - 1);
    const slideLevel = bestLevelForDownsample(slide, l0Downsample);
    return {
      width,
      height,
      cols: Math.ceil(width / DZ_TILE_SIZE),
      rows: Math.ceil(height / DZ_TILE_SIZE),
      l0Downsample,
      slideLevel,
      levelScale: l0Downsample / slide.levels[slideLevel].downsample,
    };
  });
}

/**
 * The X14 descriptor, exactly as openslide-python's `get_dzi('png')` writes it.
 *
 * @example
 * ```ts
 * dziDescriptorXml(slide3000x2000);
 * // '<Image TileSize="254" Overlap="1" Format="png" xmlns="http://schemas.microsoft.com/deepzoom/2008"><Size Width="3000" Height="2000" /></Image>'
 * ```
 */
export function dziDescriptorXml(slide: SyntheticSlide, format: 'png' | 'jpeg' = 'png'): string {
  return (
    `<Image TileSize="${DZ_TILE_SIZE}" Overlap="${DZ_OVERLAP}" Format="${format}" ` +
    `xmlns="http://schemas.microsoft.com/deepzoom/2008"><Size Width="${slide.width}" Height="${slide.height}" /></Image>`
  );
}

/**
 * DeepZoomGenerator's `_get_tile_info`: which pyramid region a tile reads and its size.
 *
 * @throws SlideImageError `bad_level` / `bad_tile` (500, as PHAS's unhandled ValueError)
 *   for a level or address outside the pyramid.
 * @example
 * ```ts
 * dziTileInfo(slide3000x2000, 12, 1, 0);
 * // { slideLevel: 0, l0Location: [253, 0], levelLocation: [253, 0], levelSize: [256, 255], tileSize: [256, 255] }
 * ```
 */
export function dziTileInfo(slide: SyntheticSlide, dzLevel: number, col: number, row: number): DeepZoomTileInfo {
  const levels = deepZoomLevels(slide);
  if (!Number.isInteger(dzLevel) || dzLevel < 0 || dzLevel >= levels.length) {
    throw new SlideImageError('bad_level', 500, `Invalid Deep Zoom level ${dzLevel} (0-${levels.length - 1})`);
  }
  const dz = levels[dzLevel];
  if (!Number.isInteger(col) || !Number.isInteger(row) || col < 0 || row < 0 || col >= dz.cols || row >= dz.rows) {
    throw new SlideImageError('bad_tile', 500, `Invalid Deep Zoom address ${col}_${row} at level ${dzLevel}`);
  }
  const lv = slide.levels[dz.slideLevel];
  const axis = (t: number, limit: number, zLimit: number, lLimit: number) => {
    const tl = t !== 0 ? DZ_OVERLAP : 0;
    const br = t !== limit - 1 ? DZ_OVERLAP : 0;
    const zSize = Math.min(DZ_TILE_SIZE, zLimit - DZ_TILE_SIZE * t) + tl + br;
    const l = dz.levelScale * (DZ_TILE_SIZE * t - tl);
    const l0 = Math.trunc(lv.downsample * l);
    const lSize = Math.trunc(Math.min(Math.ceil(dz.levelScale * zSize), lLimit - Math.ceil(l)));
    return { zSize, l, l0, lSize };
  };
  const x = axis(col, dz.cols, dz.width, lv.width);
  const y = axis(row, dz.rows, dz.height, lv.height);
  return {
    slideLevel: dz.slideLevel,
    l0Location: [x.l0, y.l0],
    levelLocation: [x.l, y.l],
    levelSize: [x.lSize, y.lSize],
    tileSize: [x.zSize, y.zSize],
  };
}

/**
 * A Deep Zoom tile as RGB: the pyramid region of `dziTileInfo` (read at level pixel
 * `floor(levelLocation)`), composited on white, fitted into the tile size with Pillow's
 * thumbnail size rule and the area filter.
 *
 * @example
 * ```ts
 * dziTileRgb(slide3000x2000, 12, 0, 0).width; // 255 (254 + right overlap)
 * ```
 */
export function dziTileRgb(slide: SyntheticSlide, dzLevel: number, col: number, row: number): RgbImage {
  const info = dziTileInfo(slide, dzLevel, col, row);
  const [lw, lh] = info.levelSize;
  const [width, height] = pillowThumbnailSize(lw, lh, info.tileSize[0], info.tileSize[1]);
  const col0 = Math.floor(info.levelLocation[0]);
  const row0 = Math.floor(info.levelLocation[1]);
  return shrinkLevel(slide, info.slideLevel, lw, lh, width, height, col0, row0);
}

/**
 * The `SamplingROIPatchExtractor` grid (raster-semantics §9, protocol §10): `planTiles`,
 * `tileMask` and `tilePatchOrigin`, in the exact float64 arithmetic of the Python client.
 */
import {
  geometryDrawingXY,
  initRaster,
  tileDensity,
  tileGridLayout,
  type BBox,
  type Geometry,
  type PillowVersion,
  type RasterImage,
} from '@phas/raster-wasm';
import { PhasInputError } from '../errors/index.js';
import { asInputError, checkGeometry } from './geometry.js';

/** Options of {@link planTiles}. */
export interface PlanTilesOptions {
  /** Tile edge in level-0 pixels (default 1024). */
  tileSize?: number;
  /** Sub-tiles per tile edge, `n` (default 16). */
  subTilesPerTile?: number;
  /** Pillow release to match: `'12'` (default, ≥ 11.2.1) or `'9.4'`. */
  pillow?: PillowVersion;
}

/** The extractor's tile grid around one ROI. */
export interface TilePlan {
  /** The ROI's bounding box `[x0, y0, x1, y1]` (PHAS's construction, §8.4). */
  bbox: BBox;
  /** Level-0 x of the grid's left edge (may be negative). */
  tx: number;
  /** Level-0 y of the grid's top edge (may be negative). */
  ty: number;
  /** Tiles across (`ceil((x1 - x0) / tileSize)`). */
  tilesX: number;
  /** Tiles down. */
  tilesY: number;
  tileSize: number;
  subTilesPerTile: number;
  /**
   * The drawn sub-tile canvas, `tilesX·n × tilesY·n`, 0 or 255 (Python's `arr_subtiles`).
   * Materialised on first access (then kept), so plans that only need densities stay cheap.
   */
  readonly subtiles: RasterImage;
  /** Per-tile coverage `(sum / n²) / 255`, row-major (Python's `arr_tiles`). */
  density: { width: number; height: number; data: Float64Array };
  /** Per-tile sums of the sub-tile canvas, row-major (`density = (sums / n²) / 255`). */
  sums: Uint32Array;
  /** `[col, row]` of every tile with non-zero coverage, row by row (Python's `tiles()[0]`). */
  indices: [number, number][];
  /** The coverage of those tiles, same order (Python's `tiles()[1]`). */
  overlap: Float64Array;
}

/** Options of {@link tileMask}. */
export interface TileMaskOptions {
  /** Margin of zeros around the tile (default 32). */
  padding?: number;
  /** Pillow release to match: `'12'` (default) or `'9.4'`. */
  pillow?: PillowVersion;
}

function positiveInt(value: number | undefined, fallback: number, argument: string, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new PhasInputError(`${argument} must be an integer ≥ ${min}, got ${String(value)}`, { argument });
  }
  return value;
}

/**
 * The whole `SamplingROIPatchExtractor.__init__` computation: bounding box, grid size and
 * origin (floor division as in Python), the sub-tile canvas drawn from the translated geometry
 * at scale n/tileSize (fill 255; the equal outline adds nothing), per-tile densities and the
 * non-empty tiles in NumPy `nonzero` order. Equal to the Python client bit for bit.
 *
 * @example
 * ```ts
 * import { planTiles } from '@phas/sdk';
 * const plan = await planTiles({ type: 'polygon', data: [[1000, 500], [2500, 700], [2200, 1800], [900, 1500]] },
 *   { tileSize: 512, subTilesPerTile: 8 });
 * plan.tx; // 676
 * plan.indices.length; // 12
 * ```
 */
export async function planTiles(geometry: unknown, options: PlanTilesOptions = {}): Promise<TilePlan> {
  const g = checkGeometry(geometry);
  const tileSize = positiveInt(options.tileSize, 1024, 'tileSize', 1);
  const n = positiveInt(options.subTilesPerTile, 16, 'subTilesPerTile', 1);
  const layout = asInputError('geometry', () => tileGridLayout(g, tileSize, n));
  const { tx, ty, tilesX, tilesY } = layout;
  const s = n / tileSize;
  const xy = geometryDrawingXY(g, s, s, [-tx, -ty]);
  const raster = await initRaster();
  const draw = { fill: 255, outline: 255, pillow: options.pillow };
  const sums = asInputError('geometry', () => raster.tileGridSums(xy, tilesX, tilesY, n, draw));
  const { density, indices, overlap } = tileDensity(sums, tilesX, tilesY, n);
  const plan = { ...layout, density: { width: tilesX, height: tilesY, data: density }, sums, indices, overlap } as TilePlan;
  // The sub-tile canvas is drawn again (identically) on first access instead of being copied
  // out of WebAssembly memory for every plan: most callers only need the densities.
  let subtiles: RasterImage | undefined;
  Object.defineProperty(plan, 'subtiles', {
    enumerable: true,
    get: () => (subtiles ??= raster.drawTileGrid(xy, tilesX, tilesY, n, draw).image),
  });
  return plan;
}

function checkTileIndex(plan: Pick<TilePlan, 'tilesX' | 'tilesY'>, index: readonly [number, number]): [number, number] {
  if (!Array.isArray(index) || index.length !== 2 || !index.every((v) => Number.isSafeInteger(v) && v >= 0)) {
    throw new PhasInputError('the tile index must be [col, row] with non-negative integers', { argument: 'index' });
  }
  const [col, row] = index;
  if (col >= plan.tilesX || row >= plan.tilesY) {
    throw new PhasInputError(`tile [${col}, ${row}] is outside the ${plan.tilesX}×${plan.tilesY} grid`, { argument: 'index' });
  }
  return [col, row];
}

/**
 * The ROI mask of one tile, as `get_tile_patch_and_mask` builds it: the geometry translated to
 * the tile's top-left `(tx + col·tileSize, ty + row·tileSize)`, drawn at scale 1 with fill 255
 * on a `tileSize²` canvas, pasted at (padding, padding) into a zero `(tileSize + 2·padding)²`
 * image. The padding ring is always 0.
 *
 * @example
 * ```ts
 * const plan = await planTiles(geometry);
 * const mask = await tileMask(geometry, plan, plan.indices[0], { padding: 32 }); // 1088 x 1088
 * ```
 */
export async function tileMask(
  geometry: unknown,
  plan: Pick<TilePlan, 'tx' | 'ty' | 'tileSize' | 'tilesX' | 'tilesY'>,
  index: readonly [number, number],
  options: TileMaskOptions = {},
): Promise<RasterImage> {
  const g: Geometry = checkGeometry(geometry);
  const [col, row] = checkTileIndex(plan, index);
  const padding = positiveInt(options.padding, 32, 'padding', 0);
  const ts = plan.tileSize;
  const px = plan.tx + col * ts;
  const py = plan.ty + row * ts;
  const xy = geometryDrawingXY(g, 1, 1, [-px, -py]);
  const raster = await initRaster();
  return asInputError('geometry', () => raster.drawPaddedMask(xy, ts, padding, { fill: 255, pillow: options.pillow }));
}

/**
 * Physical position (mm) of the centre of pixel (0, 0) of a tile's padded patch, Python's
 * `tile_patch_origin`: `spacing · ((tx, ty) + index·tileSize − padding + 0.5)`.
 *
 * @example
 * ```ts
 * tilePatchOrigin({ tx: 676, ty: 382, tileSize: 512 }, [0, 0], [0.0005, 0.0005], 16); // [0.33025, 0.18325]
 * ```
 */
export function tilePatchOrigin(
  plan: Pick<TilePlan, 'tx' | 'ty' | 'tileSize'>,
  index: readonly [number, number],
  spacing: readonly [number, number],
  padding = 32,
): [number, number] {
  const [col, row] = index;
  const ts = plan.tileSize;
  return [spacing[0] * (plan.tx + col * ts - padding + 0.5), spacing[1] * (plan.ty + row * ts - padding + 0.5)];
}

// The arithmetic of PHAS's SamplingROIPatchExtractor grid (raster-semantics §9), shared by the
// SDK's planTiles and the benchmarks: grid size and origin from the bounding box, and tile
// densities / non-empty tiles from the per-tile sums. Plain float64, Python's operation order.

import { samplingRoiBoundingBox, type BBox, type Geometry } from './geometry.js';

/** Where the tile grid lies: PHAS's bounding box, grid origin (tx, ty) and size. */
export interface TileGridLayout {
  bbox: BBox;
  tx: number;
  ty: number;
  tilesX: number;
  tilesY: number;
  tileSize: number;
  subTilesPerTile: number;
}

/** Coverage of each tile, and the non-empty tiles in NumPy `nonzero` order. */
export interface TileDensity {
  /** `(sum / n²) / 255` per tile, row-major. */
  density: Float64Array;
  /** `[col, row]` of the tiles with non-zero density, row by row. */
  indices: [number, number][];
  /** Their densities, same order. */
  overlap: Float64Array;
}

/**
 * Grid of `SamplingROIPatchExtractor.__init__`: `tw = ceil((x1-x0)/ts)`,
 * `tx = floor((x1+x0)/2) - floor(tw*ts/2)` (Python's `//`), likewise for y. Throws a
 * RangeError when the bounding box has zero width or height (Python fails there too).
 *
 * @example
 * ```ts
 * tileGridLayout({ type: 'polygon', data: [[1000, 500], [2500, 700], [2200, 1800], [900, 1500]] }, 512, 8);
 * // { bbox: [900, 500, 2500, 1800], tx: 676, ty: 382, tilesX: 4, tilesY: 3, tileSize: 512, subTilesPerTile: 8 }
 * ```
 */
export function tileGridLayout(geometry: Geometry, tileSize: number, subTilesPerTile: number): TileGridLayout {
  const bbox = samplingRoiBoundingBox(geometry);
  const [x0, y0, x1, y1] = bbox;
  const tilesX = Math.ceil((x1 - x0) / tileSize);
  const tilesY = Math.ceil((y1 - y0) / tileSize);
  if (!(tilesX > 0 && tilesY > 0)) {
    throw new RangeError(`the ROI's bounding box has zero width or height (${x1 - x0} x ${y1 - y0}): no tile grid`);
  }
  const tx = Math.floor((x1 + x0) / 2) - Math.floor((tilesX * tileSize) / 2);
  const ty = Math.floor((y1 + y0) / 2) - Math.floor((tilesY * tileSize) / 2);
  return { bbox, tx, ty, tilesX, tilesY, tileSize, subTilesPerTile };
}

/**
 * Densities from per-tile sums of the sub-tile canvas: `(sum / (n*n)) / 255` in this order
 * (it matters when n is not a power of two), and the non-empty tiles.
 *
 * @example
 * ```ts
 * tileDensity(new Uint32Array([0, 255 * 16]), 2, 1, 4); // density [0, 0.0625], indices [[1, 0]]
 * ```
 */
export function tileDensity(sums: Uint32Array, tilesX: number, tilesY: number, n: number): TileDensity {
  const density = new Float64Array(tilesX * tilesY);
  const nn = n * n;
  const indices: [number, number][] = [];
  const values: number[] = [];
  for (let r = 0, k = 0; r < tilesY; r++) {
    for (let c = 0; c < tilesX; c++, k++) {
      const s = sums[k];
      if (s !== 0) {
        const v = s / nn / 255;
        density[k] = v;
        indices.push([c, r]);
        values.push(v);
      }
    }
  }
  return { density, indices, overlap: Float64Array.from(values) };
}

/**
 * The request plan of `Slide.getPatch`: how a patch is cut into E16 region reads
 * (protocol §6.1), reproducing the Python client's tiling exactly, plus this SDK's handling
 * of centres that would be negative in the URL (protocol Q4).
 *
 * Pure arithmetic: no I/O, no validation (the caller validates).
 */

/** One E16 region read and where its pixels go in the output patch. */
export interface PatchTileRequest {
  /** Left of the tile in the output patch, in pixels at the patch's level. */
  x: number;
  /** Top of the tile in the output patch, in pixels at the patch's level. */
  y: number;
  /** Tile width in the output (Python's `tw`). */
  width: number;
  /** Tile height in the output (Python's `th`). */
  height: number;
  /**
   * The region actually requested, or `null` when the whole tile lies left of or above the
   * slide (every pixel transparent, nothing to fetch). `level` is the pyramid level,
   * `centerX`/`centerY` the URL's
   * non-negative integer centre (level-0 pixels), `width`/`height` the URL's size; the decoded
   * image is pasted at (`x + offsetX`, `y + offsetY`) of the output, and the tile's first
   * `offsetX` columns and `offsetY` rows stay transparent.
   */
  request: {
    level: number;
    centerX: number;
    centerY: number;
    width: number;
    height: number;
    offsetX: number;
    offsetY: number;
  } | null;
}

/**
 * Plan the E16 reads of a patch the way the Python client's `Slide.get_patch` does.
 *
 * Tiles are `tileSize` × `tileSize` (the last row and column smaller), listed **x outer, y
 * inner**, each requested at centre `c + scale·(x − 0.5·(size − tw))` truncated toward zero,
 * exactly as Python builds its URLs. `tileSize` 0 means one request for the whole patch at the
 * (truncated) centre.
 *
 * **Negative centres (protocol Q4).** PHAS's routes only accept unsigned integers, so Python
 * fails with a 404 when a tile's truncated centre is negative (near the slide's left or top
 * edge). This plan instead drops the tile's leftmost `offsetX` columns (topmost `offsetY`
 * rows), which lie entirely left of (above) the slide, and requests the rest with the same
 * top-left-based alignment: the server reads from `left + offset·scale`, so with an integer
 * `scale` the pixels are exactly the ones a single read of the tile would give, and the dropped
 * part is transparent, as OpenSlide returns outside the slide. With a fractional `scale` the
 * shifted read can differ by one level-0 pixel, as tiled reads already do (protocol Q5).
 *
 * @param center patch centre `[x, y]` in level-0 pixels (may be fractional)
 * @param level pyramid level (copied into each request)
 * @param size `[w, h]` of the patch in pixels at `level`
 * @param tileSize tile edge in pixels at `level`, or 0 for a single request
 * @param scale `level_downsamples[level]`
 * @returns the requests, in the order Python sends them
 *
 * @example
 * ```ts
 * planPatchRequests([1500, 1000], 1, [300, 200], 128, 2).map((t) => t.request);
 * // centres/sizes: 1328_928_128_128, 1328_1128_128_72, 1584_928_128_128,
 * //                1584_1128_128_72, 1756_928_44_128, 1756_1128_44_72
 * ```
 */
export function planPatchRequests(
  center: readonly [number, number],
  level: number,
  size: readonly [number, number],
  tileSize: number,
  scale: number,
): PatchTileRequest[] {
  const [width, height] = size;
  if (tileSize === 0) {
    return [planTile(level, 0, 0, width, height, Math.trunc(center[0]), Math.trunc(center[1]), scale)];
  }
  const tiles: PatchTileRequest[] = [];
  for (let x = 0; x < width; x += tileSize) {
    const tw = Math.min(width - x, tileSize);
    const cx = Math.trunc(center[0] + scale * (x - 0.5 * (width - tw)));
    for (let y = 0; y < height; y += tileSize) {
      const th = Math.min(height - y, tileSize);
      const cy = Math.trunc(center[1] + scale * (y - 0.5 * (height - th)));
      tiles.push(planTile(level, x, y, tw, th, cx, cy, scale));
    }
  }
  return tiles;
}

/**
 * The end of a planned request's E16 path, `<level>/<cx>_<cy>_<w>_<h>.png`.
 *
 * @example
 * ```ts
 * regionPath(planPatchRequests([100, 50], 0, [20, 10], 0, 1)[0].request!); // '0/100_50_20_10.png'
 * ```
 */
export function regionPath(request: NonNullable<PatchTileRequest['request']>): string {
  return `${request.level}/${request.centerX}_${request.centerY}_${request.width}_${request.height}.png`;
}

function planTile(
  level: number,
  x: number,
  y: number,
  tw: number,
  th: number,
  cx: number,
  cy: number,
  scale: number,
): PatchTileRequest {
  const ax = shiftAxis(cx, tw, scale);
  const ay = shiftAxis(cy, th, scale);
  if (ax === null || ay === null) return { x, y, width: tw, height: th, request: null };
  return {
    x,
    y,
    width: tw,
    height: th,
    request: {
      level,
      centerX: ax.center,
      centerY: ay.center,
      width: tw - ax.offset,
      height: th - ay.offset,
      offsetX: ax.offset,
      offsetY: ay.offset,
    },
  };
}

/**
 * One axis of a tile read: the server's left edge is `c − trunc(n·0.5·scale)` (level 0). When
 * `c` is negative, find the fewest leading pixels `k` to drop so that a read of `n − k` pixels
 * starting at `left + k·scale` has a centre ≥ 0. Those `k` pixels start left of 0, i.e. they
 * are outside the slide. `null` when every pixel is (the tile needs no request).
 */
function shiftAxis(c: number, n: number, scale: number): { center: number; offset: number } | null {
  if (c >= 0) return { center: c, offset: 0 };
  const left = c - Math.trunc(n * 0.5 * scale);
  // The centre grows by about scale/2 per dropped pixel (give or take 1.5 for the
  // truncations), so no k below this bound can work; scan up from it to the first that does.
  // Pixel k − 1 then starts left of 0 (its read's centre, ≥ its start, is negative).
  for (let k = Math.max(0, Math.floor((-2 * c - 4) / scale)); k < n; k++) {
    const center = left + Math.round(k * scale) + Math.trunc((n - k) * 0.5 * scale);
    if (center >= 0) return { center, offset: k };
  }
  return null;
}

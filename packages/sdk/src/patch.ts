/**
 * `getPatch`: validate the arguments, plan the E16 reads (`patch-plan.ts`), fetch them in
 * parallel (`concurrency.ts`) and decode each tile into the RGBA canvas as it arrives.
 *
 * The I/O is behind {@link RegionReader} (implemented by `Slide`), so this module only knows
 * the algorithm.
 */
import type { RasterImage } from '@phas/raster-wasm';
import { mapConcurrent, throwIfAborted, type ProgressCallback } from './concurrency.js';
import { PhasInputError } from './errors/index.js';
import type { PastePosition } from './image/png-decode-plan.js';
import { checkCanvasSize, transparentRgba } from './patch-paste.js';
import { planPatchRequests, type PatchTileRequest } from './patch-plan.js';
import { checkFinite, checkInteger, checkOptions, checkSignal } from './util/validate.js';

/** The Python client's default tile size for `get_patch`. */
export const DEFAULT_PATCH_TILE_SIZE = 1024;

/** Arguments of `Slide.getPatch`. */
export interface PatchOptions {
  /** Patch centre `[x, y]` in level-0 pixels (fractions are truncated per request, like Python). */
  center: readonly [number, number];
  /** Pyramid level (0 = full resolution). */
  level: number;
  /** `[width, height]` of the result, in pixels at `level`. */
  size: readonly [number, number];
  /** Edge of the tiles the read is split into (pixels at `level`); 0 = one request. Default 1024. */
  tileSize?: number;
  /** Cancels the read: `PhasAbortError`, no further requests, running ones aborted. */
  signal?: AbortSignal;
  /** Called with `{ loaded, total }` tiles; never awaited, errors in it are ignored. */
  onProgress?: ProgressCallback;
  /** Parallel requests (default: the client's `concurrency`, 6). */
  concurrency?: number;
}

/** One planned E16 read. */
export type PlannedRegion = NonNullable<PatchTileRequest['request']>;

/** What `readPatch` needs from a slide. */
export interface RegionReader {
  /** `level_downsamples` of the slide's pyramid (E14), cached by the reader. */
  levelDownsamples(options: { signal?: AbortSignal | undefined }): Promise<number[]>;
  /**
   * Fetch one E16 region, check that it is `region.width × region.height`, and paste it into
   * `into.image` (RGBA) at (`into.left`, `into.top`) as `pasteRgba` does (the SDK decodes it
   * straight into the canvas, see `decodePngInto`).
   */
  readRegion(region: PlannedRegion, signal: AbortSignal, into: PastePosition): Promise<void>;
  /** Default number of parallel reads. */
  readonly concurrency: number;
}

/** {@link PatchOptions} after validation. */
export interface CheckedPatchOptions {
  center: [number, number];
  level: number;
  size: [number, number];
  tileSize: number;
  signal: AbortSignal | undefined;
  onProgress: ProgressCallback | undefined;
  concurrency: number | undefined;
}

const PATCH_KEYS = ['center', 'level', 'size', 'tileSize', 'signal', 'onProgress', 'concurrency'] as const;

/**
 * Check `getPatch`'s arguments (all but the level's upper bound, which needs the pyramid).
 * Throws {@link PhasInputError} naming the argument.
 *
 * @example
 * ```ts
 * checkPatchOptions({ center: [100, 50], level: 0, size: [20, 10] }).tileSize; // 1024
 * ```
 */
export function checkPatchOptions(options: PatchOptions): CheckedPatchOptions {
  if (options === undefined) throw new PhasInputError('getPatch needs { center, level, size }', { argument: 'options' });
  const o = checkOptions(options, 'options', PATCH_KEYS);
  const center = checkPair(o.center, 'center');
  const size = checkPair(o.size, 'size');
  const checked: CheckedPatchOptions = {
    center: [checkFinite(center[0], 'center[0]'), checkFinite(center[1], 'center[1]')],
    level: checkInteger(o.level, 'level'),
    size: [checkInteger(size[0], 'size[0]', 1), checkInteger(size[1], 'size[1]', 1)],
    tileSize: o.tileSize === undefined ? DEFAULT_PATCH_TILE_SIZE : checkInteger(o.tileSize, 'tileSize'),
    signal: checkSignal(o.signal, 'signal'),
    onProgress: checkCallback(o.onProgress, 'onProgress'),
    concurrency: o.concurrency === undefined ? undefined : checkInteger(o.concurrency, 'concurrency', 1),
  };
  checkCanvasSize(checked.size[0], checked.size[1]);
  return checked;
}

/**
 * Read a patch: E14 first when needed (the level's downsample; Python fetches it for every
 * tiled read), then the planned E16 reads, at most `concurrency` at once, pasted as they arrive.
 * Returns RGBA, transparent where the patch leaves the slide.
 *
 * @example
 * ```ts
 * const image = await readPatch(slideReader, { center: [1500, 1000], level: 1, size: [300, 200] });
 * ```
 */
export async function readPatch(reader: RegionReader, options: PatchOptions): Promise<RasterImage> {
  const o = checkPatchOptions(options);
  throwIfAborted(o.signal);
  let scale = 1;
  // Level 0 is always there with downsample 1; a single level-0 read needs no header (like
  // Python's tile_size=0), which keeps the extractor at one request per tile.
  if (o.level > 0 || o.tileSize > 0) {
    const downsamples = await reader.levelDownsamples({ signal: o.signal });
    if (o.level >= downsamples.length) {
      throw new PhasInputError(
        `level must be between 0 and ${downsamples.length - 1} (the slide has ${downsamples.length} levels), got ${o.level}`,
        { argument: 'level' },
      );
    }
    scale = downsamples[o.level] as number;
  }
  const output = transparentRgba(o.size[0], o.size[1]);
  const tiles = planPatchRequests(o.center, o.level, o.size, o.tileSize, scale);
  await mapConcurrent(
    tiles,
    async (tile, _index, signal) => {
      const region = tile.request;
      if (!region) return;
      await reader.readRegion(region, signal, { image: output, left: tile.x + region.offsetX, top: tile.y + region.offsetY });
    },
    { concurrency: o.concurrency ?? reader.concurrency, signal: o.signal, onProgress: o.onProgress },
  );
  return output;
}

function checkPair(value: unknown, argument: string): readonly unknown[] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new PhasInputError(`${argument} must be an array [x, y] of two numbers`, { argument });
  }
  return value;
}

function checkCallback<F>(value: F | undefined, argument: string): F | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new PhasInputError(`${argument} must be a function`, { argument });
  }
  return value;
}

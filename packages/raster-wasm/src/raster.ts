// The Raster object: owns one raster.wasm instance and its linear memory. Each call lays out
// [canvas][xy][scratch][output] above the module's heap base, grows the memory when a call needs
// more (never shrinks, so later calls reuse it) and recreates its typed-array views whenever the
// memory's buffer has changed.

import type { Canvas, RasterImage } from './image.js';
import { checkCanvas, checkSize, checkXY, coordinateError, resolveInk } from './input.js';

/** The raw exports of raster.wasm (see assembly/index.ts). */
export interface RasterExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  scratchBytes(n: number, height: number): number;
  scanCoordinates(xy: number, n: number, out: number): number;
  fillPolygon(
    canvas: number, width: number, height: number, stride: number, rowOrigin: number,
    xy: number, n: number, fill: number, outline: number, mode: number, scratch: number,
  ): number;
  tileSums(canvas: number, width: number, height: number, stride: number, n: number, out: number): void;
  coverageSums(width: number, height: number, xy: number, n: number, ink: number, mode: number, scratch: number, tileN: number, out: number): number;
}

/** Which Pillow release's polygon fill to reproduce. */
export type PillowVersion = '12' | '9.4';

/** Options of {@link Raster.fillPolygon}. */
export interface FillPolygonOptions {
  /** Fill ink: an integer, clamped to 0..255, or `null`/omitted for no fill. */
  fill?: number | null;
  /** Outline ink (1-px Bresenham), drawn only if it differs from the clamped fill ink. */
  outline?: number | null;
  /**
   * `'12'` (default): Pillow >= 11.2.1, including 12.x. `'9.4'`: Pillow 9.2-9.4 (Debian 12's
   * python3-pil), whose corner rule and span handling differ (raster-semantics §6).
   */
  pillow?: PillowVersion;
}

/** Result of {@link Raster.drawTileGrid}. */
export interface TileGrid {
  /** The drawn sub-tile canvas, `tilesX*n` x `tilesY*n`, one channel. */
  image: RasterImage;
  /** Per-tile pixel sums, `tilesX*tilesY`, row-major. */
  sums: Uint32Array;
}

const PAGE = 65536;
/** tileGridSums counts runs instead of drawing when the canvas has this many pixels per vertex. */
const COVERAGE_PIXELS_PER_VERTEX = 64;

function align(v: number, to: number): number {
  return Math.ceil(v / to) * to;
}

function modeOf(pillow: PillowVersion | undefined): number {
  if (pillow === undefined || pillow === '12') return 0;
  if (pillow === '9.4') return 1;
  throw new RangeError(`pillow must be '12' or '9.4', got ${String(pillow)}`);
}

function checkPositiveInt(v: number, what: string): void {
  if (!Number.isInteger(v) || v <= 0) throw new RangeError(`${what} must be a positive integer, got ${String(v)}`);
}

/** Tile sums are u32: an n x n tile of 255s must fit (n <= 4104). */
function checkTileSide(n: number): void {
  checkPositiveInt(n, 'n');
  if (n * n * 255 >= 2 ** 32) throw new RangeError(`n = ${n} is too large: an n x n tile sum must fit in 32 bits (n <= 4104)`);
}

/**
 * Pillow-exact rasterisation backed by one WebAssembly instance. Obtain it with
 * {@link initRaster}; it is cheap to call repeatedly (memory is reused).
 *
 * @example
 * ```ts
 * const raster = await initRaster();
 * const canvas = { width: 8, height: 8, data: new Uint8Array(64) };
 * raster.fillPolygon(canvas, [2, 2, 6, 2, 6, 6, 2, 6], { fill: 255 });
 * // canvas now has the 5x5 block of pixels 2..6 set to 255
 * ```
 */
export class Raster {
  readonly #wasm: RasterExports;
  readonly #base: number;
  #u8: Uint8Array;

  /** @internal Use {@link initRaster}. */
  constructor(exports: RasterExports) {
    this.#wasm = exports;
    this.#base = align(exports.heapBase(), 16);
    this.#u8 = new Uint8Array(exports.memory.buffer);
  }

  /**
   * Current size of the WebAssembly memory in bytes (it grows on demand, never shrinks).
   *
   * @example
   * ```ts
   * const raster = await initRaster();
   * raster.fillPolygon({ width: 4096, height: 4096, data: new Uint8Array(4096 * 4096) }, [0, 0, 4000, 10, 90, 4000], { fill: 255 });
   * console.log(`${(raster.memoryBytes / 2 ** 20).toFixed(1)} MiB of WASM memory in use`);
   * ```
   */
  get memoryBytes(): number {
    return this.#wasm.memory.buffer.byteLength;
  }

  /**
   * Pillow's `ImageDraw.polygon(xy, fill, outline)` on a mode-'L' canvas, in place.
   *
   * `xy` is flat `[x0, y0, x1, y1, ...]` in canvas pixels (a `Float64Array` or a number
   * array); vertices are truncated toward zero as Pillow does. Bad input throws a
   * `RangeError`/`TypeError` naming the problem (NaN/Infinity, |v| >= 2^31, fewer than 2
   * points, an odd length, a zero-size or > 2^28-pixel canvas, a data length mismatch).
   *
   * @example
   * ```ts
   * const raster = await initRaster();
   * const canvas = { width: 100, height: 80, data: new Uint8Array(8000) };
   * raster.fillPolygon(canvas, new Float64Array([10, 10, 90, 20, 50, 70]), { fill: 255, outline: 128 });
   * ```
   */
  fillPolygon(canvas: Canvas, xy: ArrayLike<number>, options: FillPolygonOptions = {}): void {
    checkCanvas(canvas);
    const n = checkXY(xy);
    const fill = resolveInk(options.fill, 'fill');
    const outline = resolveInk(options.outline, 'outline');
    const mode = modeOf(options.pillow);
    const { width, height, data } = canvas;
    // vertices first: their y extent says which canvas rows have to be copied in and out
    const at = this.#place(n, height);
    this.#writeXY(xy, at.xy);
    const bad = this.#wasm.scanCoordinates(at.xy, n, at.scratch);
    if (bad) throw coordinateError(xy, bad - 1);
    const extent = new Int32Array(this.#u8.buffer, at.scratch, 2);
    const r0 = Math.max(0, extent[0]);
    const r1 = Math.min(height - 1, extent[1]);
    if (r0 > r1) return; // every vertex row is off the canvas: nothing can be painted
    const bytes = (r1 - r0 + 1) * width;
    this.#ensure(at.end + bytes);
    this.#u8.set(data.subarray(r0 * width, (r1 + 1) * width), at.end);
    this.#wasm.fillPolygon(at.end, width, height, width, r0, at.xy, n, fill, outline, mode, at.scratch);
    data.set(this.#u8.subarray(at.end, at.end + bytes), r0 * width);
  }

  /**
   * Sums of the pixels of each `n` x `n` block of a canvas whose sides are multiples of `n`,
   * row-major (`(width/n) * (height/n)` values).
   *
   * @example
   * ```ts
   * const sums = raster.tileSums({ width: 32, height: 16, data }, 16); // 2 values
   * ```
   */
  tileSums(canvas: Canvas, n: number): Uint32Array {
    checkCanvas(canvas);
    checkTileSide(n);
    const { width, height, data } = canvas;
    if (width % n !== 0 || height % n !== 0) {
      throw new RangeError(`canvas ${width}x${height} is not a whole number of ${n}x${n} blocks`);
    }
    const tiles = (width / n) * (height / n);
    const at = this.#place(0, height);
    const out = align(at.end + width * height, 16);
    this.#ensure(out + tiles * 4);
    this.#u8.set(data, at.end);
    this.#wasm.tileSums(at.end, width, height, width, n, out);
    return new Uint32Array(this.#u8.buffer, out, tiles).slice();
  }

  /**
   * Draws a polygon onto a fresh zero canvas of `tilesX*n` x `tilesY*n` pixels and sums each
   * n x n block, in one go inside WebAssembly: the extractor's sub-tile canvas and densities.
   *
   * @example
   * ```ts
   * const { image, sums } = raster.drawTileGrid(xy, 35, 25, 16, { fill: 255, outline: 255 });
   * ```
   */
  drawTileGrid(xy: ArrayLike<number>, tilesX: number, tilesY: number, n: number, options: FillPolygonOptions = {}): TileGrid {
    const { canvas, sums } = this.#tileGrid(xy, tilesX, tilesY, n, options);
    const width = tilesX * n;
    const height = tilesY * n;
    const image: RasterImage = { width, height, channels: 1, data: this.#u8.slice(canvas, canvas + width * height) };
    return { image, sums };
  }

  /**
   * The per-tile sums of {@link drawTileGrid}, without returning the canvas. With a single ink
   * (no outline, or one equal to the fill) on a canvas that is large for the polygon, nothing
   * is drawn at all: each row's painted runs are counted per tile (a pixel's value is the ink
   * however often it is painted), so the cost follows the polygon, not the canvas size.
   * Otherwise the canvas is drawn in WebAssembly memory and summed there.
   *
   * @example
   * ```ts
   * const sums = raster.tileGridSums(xy, 35, 25, 16, { fill: 255 }); // Uint32Array(875)
   * ```
   */
  tileGridSums(xy: ArrayLike<number>, tilesX: number, tilesY: number, n: number, options: FillPolygonOptions = {}): Uint32Array {
    const fill = resolveInk(options.fill, 'fill');
    const outline = resolveInk(options.outline, 'outline');
    const { width, height, count } = this.#checkGrid(xy, tilesX, tilesY, n, options);
    const singleInk = fill >= 0 && (outline < 0 || outline === fill);
    // counting runs costs per run, drawing costs per pixel: count only on relatively large canvases
    if (singleInk && width * height >= COVERAGE_PIXELS_PER_VERTEX * count) {
      return this.tileCoverage(xy, tilesX, tilesY, n, { fill, pillow: options.pillow });
    }
    return this.#tileGrid(xy, tilesX, tilesY, n, options).sums;
  }

  /**
   * Per-tile sums of a polygon filled with one ink on a zero `tilesX*n` x `tilesY*n` canvas,
   * computed without any canvas: each row's painted runs (clipped spans and horizontal edges)
   * are merged and counted per tile, and a tile's sum is `fill * painted pixels`. Equal to
   * `tileSums` of the drawn canvas; the cost follows the polygon, not the canvas size.
   *
   * @example
   * ```ts
   * const sums = raster.tileCoverage(xy, 174, 125, 16, { fill: 255 }); // no 5.6 MB canvas
   * ```
   */
  tileCoverage(xy: ArrayLike<number>, tilesX: number, tilesY: number, n: number, options: Omit<FillPolygonOptions, 'outline'> = {}): Uint32Array {
    const fill = resolveInk(options.fill, 'fill');
    if (fill < 0) throw new RangeError('tileCoverage needs a fill ink');
    const { width, height, count, mode } = this.#checkGrid(xy, tilesX, tilesY, n, options);
    const tiles = tilesX * tilesY;
    const at = this.#place(count, height);
    this.#ensure(at.end + tiles * 4);
    this.#writeXY(xy, at.xy);
    const bad = this.#wasm.coverageSums(width, height, at.xy, count, fill, mode, at.scratch, n, at.end);
    if (bad) throw coordinateError(xy, bad - 1);
    return new Uint32Array(this.#u8.buffer, at.end, tiles).slice();
  }

  /** Checks the arguments of a tile-grid call; returns the canvas size, vertex count and mode. */
  #checkGrid(xy: ArrayLike<number>, tilesX: number, tilesY: number, n: number, options: FillPolygonOptions) {
    checkPositiveInt(tilesX, 'tilesX');
    checkPositiveInt(tilesY, 'tilesY');
    checkTileSide(n);
    const width = tilesX * n;
    const height = tilesY * n;
    checkSize(width, height, 'tile grid canvas');
    const count = checkXY(xy);
    return { width, height, count, mode: modeOf(options.pillow) };
  }

  #tileGrid(xy: ArrayLike<number>, tilesX: number, tilesY: number, n: number, options: FillPolygonOptions) {
    const { width, height, count, mode } = this.#checkGrid(xy, tilesX, tilesY, n, options);
    const fill = resolveInk(options.fill, 'fill');
    const outline = resolveInk(options.outline, 'outline');
    const tiles = tilesX * tilesY;
    const at = this.#place(count, height);
    const canvas = at.end;
    const out = align(canvas + width * height, 16);
    this.#ensure(out + tiles * 4);
    this.#writeXY(xy, at.xy);
    this.#u8.fill(0, canvas, canvas + width * height);
    const w = this.#wasm;
    const bad = w.fillPolygon(canvas, width, height, width, 0, at.xy, count, fill, outline, mode, at.scratch);
    if (bad) throw coordinateError(xy, bad - 1);
    w.tileSums(canvas, width, height, width, n, out);
    return { canvas, sums: new Uint32Array(this.#u8.buffer, out, tiles).slice() };
  }

  /**
   * Draws a polygon onto a fresh zero `size` x `size` canvas and returns it pasted at
   * (padding, padding) into a zero `(size + 2*padding)^2` image (pixels in the padding ring are
   * never painted): the mask part of PHAS's `get_tile_patch_and_mask`.
   *
   * @example
   * ```ts
   * const mask = raster.drawPaddedMask(xy, 1024, 32, { fill: 255 }); // 1088 x 1088
   * ```
   */
  drawPaddedMask(xy: ArrayLike<number>, size: number, padding: number, options: FillPolygonOptions = {}): RasterImage {
    checkPositiveInt(size, 'size');
    if (!Number.isInteger(padding) || padding < 0) throw new RangeError(`padding must be a non-negative integer, got ${String(padding)}`);
    const outer = size + 2 * padding;
    checkSize(outer, outer, 'padded mask');
    const count = checkXY(xy);
    const fill = resolveInk(options.fill, 'fill');
    const outline = resolveInk(options.outline, 'outline');
    const mode = modeOf(options.pillow);
    const bytes = outer * outer;
    const at = this.#place(count, size);
    const canvas = at.end;
    this.#ensure(canvas + bytes);
    this.#writeXY(xy, at.xy);
    this.#u8.fill(0, canvas, canvas + bytes);
    const inner = canvas + padding * outer + padding;
    const bad = this.#wasm.fillPolygon(inner, size, size, outer, 0, at.xy, count, fill, outline, mode, at.scratch);
    if (bad) throw coordinateError(xy, bad - 1);
    return { width: outer, height: outer, channels: 1, data: this.#u8.slice(canvas, canvas + bytes) };
  }

  /**
   * Reserves [xy: n pairs][scratch for n vertices on `height` rows] above the heap base and
   * returns their offsets; `end` (16-aligned) is where the caller's canvas and output go.
   */
  #place(n: number, height: number) {
    const xy = this.#base;
    const scratch = align(xy + n * 16, 16);
    const end = align(scratch + Math.max(16, n > 0 ? this.#wasm.scratchBytes(n, height) : 0), 16);
    this.#ensure(end);
    return { xy, scratch, end };
  }

  #ensure(bytes: number): void {
    const memory = this.#wasm.memory;
    const have = memory.buffer.byteLength;
    if (bytes > have) {
      try {
        memory.grow(Math.ceil((bytes - have) / PAGE));
      } catch (e) {
        throw new RangeError(`cannot grow WebAssembly memory to ${bytes} bytes`, { cause: e });
      }
    }
    if (this.#u8.buffer !== memory.buffer) this.#u8 = new Uint8Array(memory.buffer);
  }

  #writeXY(xy: ArrayLike<number>, at: number): void {
    const view = new Float64Array(this.#u8.buffer, at, xy.length);
    if (xy instanceof Float64Array || Array.isArray(xy)) view.set(xy);
    else for (let i = 0; i < xy.length; i++) view[i] = xy[i];
  }
}

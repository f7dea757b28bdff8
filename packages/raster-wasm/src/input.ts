// Validation of rasteriser inputs. Everything WebAssembly would trap on, or that is undefined
// behaviour in Pillow's C code, is refused here with a RangeError/TypeError naming the problem.

import type { Canvas } from './image.js';

/** Largest canvas accepted, in pixels (2^28). */
export const MAX_CANVAS_PIXELS = 2 ** 28;
/** Coordinates must satisfy |v| < 2^31 (they are truncated to int32, raster-semantics §1). */
export const COORD_LIMIT = 2 ** 31;

/** Checks canvas dimensions (positive integers, at most 2^28 pixels); returns the pixel count. */
export function checkSize(width: number, height: number, what = 'canvas'): number {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`${what} width and height must be positive integers, got ${String(width)}x${String(height)}`);
  }
  const pixels = width * height;
  if (pixels > MAX_CANVAS_PIXELS) {
    throw new RangeError(`${what} is too large: ${width}x${height} = ${pixels} pixels (at most 2^28)`);
  }
  return pixels;
}

/** Checks a canvas's shape and data and returns its pixel count. */
export function checkCanvas(canvas: Canvas, what = 'canvas'): number {
  if (canvas === null || typeof canvas !== 'object') throw new TypeError(`${what} must be an object { width, height, data }`);
  const { width, height, data } = canvas;
  const pixels = checkSize(width, height, what);
  if (!(data instanceof Uint8Array)) throw new TypeError(`${what}.data must be a Uint8Array`);
  if (data.length !== pixels) {
    throw new RangeError(`${what}.data has ${data.length} bytes, expected width*height = ${pixels}`);
  }
  return pixels;
}

/** Resolves an ink: integers are clamped to 0..255 (Pillow CLIP8); null/undefined is -1 (none). */
export function resolveInk(ink: number | null | undefined, what: string): number {
  if (ink === null || ink === undefined) return -1;
  if (typeof ink !== 'number' || !Number.isInteger(ink)) {
    throw new TypeError(`${what} must be an integer ink or null, got ${String(ink)}`);
  }
  return ink < 0 ? 0 : ink > 255 ? 255 : ink;
}

/** Result of scanning a coordinate list: vertex count and the truncated y extent. */
export interface XYInfo {
  n: number;
  minY: number;
  maxY: number;
}

/**
 * Validates a flat coordinate list [x0, y0, x1, y1, ...]: even length, at least 2 points,
 * every value a finite number with |v| < 2^31. Returns the vertex count and the int-truncated
 * y range (used to copy only the rows a polygon can touch).
 */
export function checkXY(xy: ArrayLike<number>, what = 'xy'): XYInfo {
  if (xy === null || typeof xy !== 'object' || typeof xy.length !== 'number') {
    throw new TypeError(`${what} must be a Float64Array or an array of numbers`);
  }
  const len = xy.length;
  if (len % 2 !== 0) throw new RangeError(`${what} must hold x, y pairs: got an odd length ${len}`);
  if (len < 4) throw new RangeError(`${what} must contain at least 2 points, got ${len / 2}`);
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < len; i++) {
    const v = xy[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${what}[${i}] must be a finite number, got ${String(v)}`);
    }
    if (v >= COORD_LIMIT || v <= -COORD_LIMIT) {
      throw new RangeError(`${what}[${i}] = ${v} is out of range: |coordinate| must be below 2^31`);
    }
    if (i & 1) {
      const y = Math.trunc(v);
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { n: len / 2, minY, maxY };
}

// Validation of rasteriser inputs. Everything WebAssembly would trap on, or that is undefined
// behaviour in Pillow's C code, is refused here with a RangeError/TypeError naming the problem.

import type { Canvas } from './image.js';

/** Largest canvas accepted, in pixels (2^28). */
export const MAX_CANVAS_PIXELS = 2 ** 28;

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
  const channels = (canvas as { channels?: unknown }).channels;
  if (channels !== undefined && channels !== 1) {
    throw new RangeError(`${what} must have one byte per pixel (mode 'L'), got ${String(channels)} channels`);
  }
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

/**
 * Checks the shape of a flat coordinate list [x0, y0, x1, y1, ...]: an array-like of numbers
 * with an even length of at least 4. Returns the vertex count. The values themselves (finite,
 * |v| < 2^31) are checked inside WebAssembly; {@link coordinateError} describes a failure.
 */
export function checkXY(xy: ArrayLike<number>, what = 'xy'): number {
  if (xy === null || typeof xy !== 'object' || typeof xy.length !== 'number') {
    throw new TypeError(`${what} must be a Float64Array or an array of numbers`);
  }
  const len = xy.length;
  if (len % 2 !== 0) throw new RangeError(`${what} must hold x, y pairs: got an odd length ${len}`);
  if (len < 4) throw new RangeError(`${what} must contain at least 2 points, got ${len / 2}`);
  if (!ArrayBuffer.isView(xy)) {
    for (let i = 0; i < len; i++) {
      if (typeof xy[i] !== 'number') throw new RangeError(`${what}[${i}] must be a finite number, got ${String(xy[i])}`);
    }
  }
  return len / 2;
}

/** The error for coordinate `xy[index]`, which WebAssembly found non-finite or out of range. */
export function coordinateError(xy: ArrayLike<number>, index: number, what = 'xy'): RangeError {
  const v = xy[index];
  return Number.isFinite(v)
    ? new RangeError(`${what}[${index}] = ${v} is out of range: |coordinate| must be below 2^31`)
    : new RangeError(`${what}[${index}] must be a finite number, got ${String(v)}`);
}

/** Checks every coordinate in JavaScript (finite, |v| < 2^31), for code that runs without WebAssembly. */
export function checkCoordinates(xy: ArrayLike<number>, what = 'xy'): void {
  for (let i = 0; i < xy.length; i++) {
    const v = xy[i];
    if (!(v > -(2 ** 31) && v < 2 ** 31)) throw coordinateError(xy, i, what);
  }
}

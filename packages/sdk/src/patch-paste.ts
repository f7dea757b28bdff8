/**
 * Pixel copying for patch assembly: a transparent RGBA canvas and a paste that replaces
 * pixels (PIL's `Image.paste` without a mask), converting grey or RGB tiles to RGBA.
 */
import type { RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from './errors/index.js';

/** Largest canvas the SDK allocates in one piece (bytes); above it engines fail unpredictably. */
export const MAX_CANVAS_BYTES = 2 ** 31 - 1;

/**
 * Refuse (with {@link PhasInputError} on `size`) an RGBA canvas above {@link MAX_CANVAS_BYTES}.
 *
 * @example
 * ```ts
 * checkCanvasSize(100_000, 80_000); // throws: read it in smaller patches
 * ```
 */
export function checkCanvasSize(width: number, height: number): void {
  if (width * height * 4 > MAX_CANVAS_BYTES) {
    throw new PhasInputError(
      `a ${width}×${height} RGBA image needs ${width * height * 4} bytes, more than the ${MAX_CANVAS_BYTES} allowed; read it in smaller patches`,
      { argument: 'size' },
    );
  }
}

/**
 * A fully transparent RGBA image (every byte 0, like OpenSlide outside the slide).
 *
 * @example
 * ```ts
 * const canvas = transparentRgba(512, 512); // { width: 512, height: 512, channels: 4, data }
 * ```
 */
export function transparentRgba(width: number, height: number): RasterImage {
  checkCanvasSize(width, height);
  return { width, height, channels: 4, data: new Uint8Array(width * height * 4) };
}

/**
 * Copy `tile` into the RGBA `target` with its top-left at (`left`, `top`), replacing pixels
 * (no blending). Grey and RGB tiles become opaque RGBA. Parts outside `target` are clipped.
 *
 * @example
 * ```ts
 * pasteRgba(canvas, tile, 128, 0);
 * ```
 */
export function pasteRgba(target: RasterImage, tile: RasterImage, left: number, top: number): void {
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(target.width, left + tile.width);
  const y1 = Math.min(target.height, top + tile.height);
  if (x1 <= x0 || y1 <= y0) return;
  const out = target.data;
  const src = tile.data;
  const channels = tile.channels;
  for (let y = y0; y < y1; y++) {
    let o = (y * target.width + x0) * 4;
    let s = ((y - top) * tile.width + (x0 - left)) * channels;
    if (channels === 4) {
      out.set(src.subarray(s, s + (x1 - x0) * 4), o);
      continue;
    }
    for (let x = x0; x < x1; x++, o += 4, s += channels) {
      const grey = channels === 1;
      out[o] = src[s]!;
      out[o + 1] = src[grey ? s : s + 1]!;
      out[o + 2] = src[grey ? s : s + 2]!;
      out[o + 3] = 255;
    }
  }
}

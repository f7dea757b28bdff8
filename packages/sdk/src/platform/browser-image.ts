/**
 * Browser-only: a `RasterImage` as a DOM `ImageData`, ready for `putImageData`.
 *
 * @module
 */
import type { RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from '../errors/index.js';
import { checkRasterImage } from '../image/check.js';

/**
 * Converts `image` to an `ImageData` (RGBA): grey is replicated to R, G and B, RGB gets
 * alpha 255, RGBA is copied as is. The result never shares memory with `image`.
 *
 * @throws PhasInputError (code `'invalid_image'`) for a malformed image, or code
 *   `'not_available'` where `ImageData` does not exist (Node).
 * @example
 * ```ts
 * const patch = await slide.getPatch({ center: [5000, 4000], level: 0, size: [512, 512] });
 * canvas.getContext('2d')!.putImageData(toImageData(patch), 0, 0);
 * ```
 */
export function toImageData(image: RasterImage): ImageData {
  checkRasterImage(image);
  if (typeof ImageData === 'undefined') {
    throw new PhasInputError('toImageData needs a browser (ImageData is not defined here)', {
      argument: 'image',
      code: 'not_available',
    });
  }
  const { width, height, channels, data } = image;
  const pixels = width * height;
  const rgba = new Uint8ClampedArray(pixels * 4);
  if (channels === 4) {
    rgba.set(data);
  } else {
    for (let i = 0, s = 0, d = 0; i < pixels; i++, s += channels, d += 4) {
      rgba[d] = data[s];
      rgba[d + 1] = data[channels === 1 ? s : s + 1];
      rgba[d + 2] = data[channels === 1 ? s : s + 2];
      rgba[d + 3] = 255;
    }
  }
  return new ImageData(rgba, width, height);
}

/**
 * Channel conversions between `RasterImage` layouts.
 *
 * @module
 */
import { dropAlpha, type RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from '../errors/index.js';
import { checkRasterImage } from './check.js';

/**
 * Drops the alpha channel of an RGBA image (no compositing: colour values are kept as
 * they are, whatever their alpha). A 3-channel image is returned unchanged (the same
 * object); a 1-channel image is refused.
 *
 * @throws PhasInputError (code `'invalid_image'`) for a malformed or 1-channel image.
 * @example
 * ```ts
 * const patch = await slide.getPatch({ center: [5000, 4000], level: 0, size: [512, 512] });
 * const rgb = rgbaToRgb(patch); // { width: 512, height: 512, channels: 3, data }
 * ```
 */
export function rgbaToRgb(image: RasterImage): RasterImage {
  checkRasterImage(image);
  if (image.channels === 3) return image;
  if (image.channels !== 4) {
    throw new PhasInputError(`rgbaToRgb needs an RGBA (4-channel) image, got ${image.channels} channel`, {
      argument: 'image',
      code: 'invalid_image',
    });
  }
  const out = new Uint8Array(image.width * image.height * 3);
  dropAlpha(image.data, image.width * image.height, out);
  return { width: image.width, height: image.height, channels: 3, data: out };
}

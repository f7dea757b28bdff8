/**
 * Argument check for images passed to the SDK's image helpers.
 *
 * @module
 */
import { assertRasterImage, type RasterImage } from '@phas/raster-wasm';
import { PhasInputError } from '../errors/index.js';

/**
 * Throws `PhasInputError` (code `'invalid_image'`) unless `image` is a well-formed
 * `RasterImage` (see `assertRasterImage` in `@phas/raster-wasm`).
 */
export function checkRasterImage(image: unknown, argument = 'image'): asserts image is RasterImage {
  try {
    assertRasterImage(image, argument);
  } catch (error) {
    throw new PhasInputError((error as Error).message, { argument, code: 'invalid_image', cause: error });
  }
}

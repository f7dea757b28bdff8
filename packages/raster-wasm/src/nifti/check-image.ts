/**
 * Argument checks for {@link RasterImage} inputs.
 *
 * @module
 */
import type { RasterImage } from '../image.js';

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/**
 * Throws unless `image` is a well-formed {@link RasterImage}: positive integer `width` and
 * `height`, `channels` 1, 3 or 4, and a `Uint8Array` `data` of exactly
 * `width * height * channels` bytes. `name` is used in the error messages.
 *
 * @throws TypeError for a missing or wrongly typed member, RangeError for sizes that do not fit.
 * @example
 * ```ts
 * assertRasterImage({ width: 2, height: 2, channels: 1, data: new Uint8Array(3) });
 * // RangeError: image.data has 3 bytes, expected 2 × 2 × 1 = 4
 * ```
 */
export function assertRasterImage(image: unknown, name = 'image'): asserts image is RasterImage {
  if (typeof image !== 'object' || image === null) {
    throw new TypeError(`${name} must be a RasterImage object, got ${image === null ? 'null' : typeof image}`);
  }
  const { width, height, channels, data } = image as Partial<RasterImage>;
  if (!isPositiveInteger(width)) throw new RangeError(`${name}.width must be a positive integer, got ${String(width)}`);
  if (!isPositiveInteger(height)) {
    throw new RangeError(`${name}.height must be a positive integer, got ${String(height)}`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new RangeError(`${name}.channels must be 1, 3 or 4, got ${String(channels)}`);
  }
  if (!(data instanceof Uint8Array)) throw new TypeError(`${name}.data must be a Uint8Array`);
  const expected = width * height * channels;
  if (data.length !== expected) {
    throw new RangeError(
      `${name}.data has ${data.length} bytes, expected ${width} × ${height} × ${channels} = ${expected}`,
    );
  }
}

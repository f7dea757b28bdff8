/**
 * `decodePng`: any valid 8-bit-or-less PNG into a `RasterImage`.
 *
 * @module
 */
import type { RasterImage } from '@phas/raster-wasm';
import { inflateToSync } from './inflate.js';
import { pngInput, preparePng } from './png-decode-plan.js';

/**
 * Decodes a PNG into a `RasterImage` whose channels follow the PNG: greyscale → 1,
 * RGB → 3, RGBA → 4. Other PNGs are converted to 8 bits: greyscale below 8 bits is
 * scaled to 0…255 (1 channel); palette images become RGB (3), or RGBA (4) when they have
 * transparency; grey+alpha becomes RGBA; a grey or RGB image with a `tRNS` colour key
 * becomes RGBA. **16-bit PNGs are refused** (code `'unsupported_png'`) rather than
 * silently losing precision. Interlaced (Adam7) images are supported.
 *
 * The chunk structure and every CRC are checked first, so truncated or corrupted files
 * fail with a clear error instead of decoding to garbage.
 *
 * @throws PhasInputError: code `'invalid_png'` for data that is not a complete, valid PNG;
 *   `'unsupported_png'` for 16-bit samples; `'image_too_large'` above 2^28 pixels.
 * @example
 * ```ts
 * const image = decodePng(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 * console.log(image.width, image.height, image.channels);
 * ```
 */
export function decodePng(bytes: Uint8Array | ArrayBuffer): RasterImage {
  const job = preparePng(pngInput(bytes, 'decodePng'));
  if (job.sink !== undefined) inflateToSync(job.idat, job.sink);
  return job.finish();
}

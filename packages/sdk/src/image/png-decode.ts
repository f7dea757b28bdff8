/**
 * `decodePng`: any valid 8-bit-or-less PNG into a `RasterImage`.
 *
 * @module
 */
import { NIFTI_MAX_PIXELS, type RasterImage } from '@phas/raster-wasm';
import UPNG from 'upng-js';
import { PhasInputError } from '../errors/index.js';
import { checkDataCanFill, readPngHeader } from './png-chunks.js';
import { scanlinesToRaster, type PngTables } from './png-pixels.js';

/** Largest PNG decoded, in pixels (2^28, as for every raster in the SDK). */
const MAX_PIXELS = NIFTI_MAX_PIXELS;

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
  let input: Uint8Array;
  if (bytes instanceof Uint8Array) input = bytes;
  else if (bytes instanceof ArrayBuffer) input = new Uint8Array(bytes);
  else throw new PhasInputError('decodePng expects a Uint8Array or an ArrayBuffer', { argument: 'bytes' });

  const header = readPngHeader(input);
  const { width, height, bitDepth } = header;
  if (width * height > MAX_PIXELS) {
    throw new PhasInputError(`PNG ${width} × ${height} exceeds the limit of 2^28 pixels`, {
      argument: 'bytes',
      code: 'image_too_large',
    });
  }
  if (bitDepth === 16) {
    throw new PhasInputError('16-bit PNGs are not supported (RasterImage holds 8-bit samples)', {
      argument: 'bytes',
      code: 'unsupported_png',
    });
  }
  checkDataCanFill(header);
  let converted: { channels: 1 | 3 | 4; data: Uint8Array };
  try {
    const decoded = UPNG.decode(input.slice().buffer);
    // upng-js 2.1 hands back a Uint8Array (typed as ArrayBuffer) of the unfiltered scanlines.
    const scanlines: unknown = decoded.data;
    const raw = scanlines instanceof Uint8Array ? scanlines : new Uint8Array(decoded.data);
    converted = scanlinesToRaster(raw, header, decoded.tabs as PngTables);
  } catch (error) {
    if (error instanceof PhasInputError) throw error;
    throw new PhasInputError(`PNG data could not be decoded: ${error instanceof Error ? error.message : String(error)}`, {
      argument: 'bytes',
      code: 'invalid_png',
      cause: error,
    });
  }
  const { channels, data } = converted;
  return { width, height, channels, data };
}

/**
 * `encodePng`: a `RasterImage` as an 8-bit PNG with the image's own channels.
 *
 * @module
 */
import { zlibRaster, type RasterImage } from '@phas/raster-wasm';
import { checkRasterImage } from './check.js';
import { filterRows } from './png-filter.js';
import { writePngChunks } from './png-chunks.js';

/** PNG colour type per channel count: grey (0), RGB (2), RGBA (6). */
const COLOUR_TYPE = { 1: 0, 3: 2, 4: 6 } as const;

/**
 * Encodes `image` as a non-interlaced 8-bit PNG: 1 channel → greyscale, 3 → RGB,
 * 4 → RGBA (straight alpha). Rows are filtered adaptively and deflated with the raster
 * encoder of `@phas/raster-wasm`; no ancillary chunks are written, so the output depends
 * on the pixels only.
 *
 * @throws PhasInputError (code `'invalid_image'`) for a malformed image.
 * @example
 * ```ts
 * const { image, mask } = await extractor.getTilePatchAndMask([3, 4]);
 * await writeFile('tile_3_4.png', encodePng(image));
 * await writeFile('mask_3_4.png', encodePng(mask)); // greyscale PNG
 * ```
 */
export function encodePng(image: RasterImage): Uint8Array {
  checkRasterImage(image);
  const { width, height, channels } = image;
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = COLOUR_TYPE[channels];
  // compression, filter and interlace methods: 0
  const scanlines = filterRows(image.data, height, width * channels, channels);
  return writePngChunks([
    { type: 'IHDR', data: ihdr },
    { type: 'IDAT', data: zlibRaster(scanlines, { bytesPerPixel: channels, rowBytes: width * channels + 1 }) },
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
}

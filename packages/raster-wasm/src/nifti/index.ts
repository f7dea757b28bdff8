/**
 * NIfTI-1 encoding and decoding of {@link RasterImage}s, with PHAS's header layout.
 *
 * @module
 */
export { encodeNifti, type EncodeNiftiOptions } from './encode.js';
export { decodeNifti, type DecodedNifti } from './decode.js';
export type { NiftiHeader } from './header.js';
export { assertRasterImage } from './check-image.js';
export { dropAlpha } from './channels.js';
export { crc32 } from './deflate/crc32.js';
export { adler32, zlibRaster } from './deflate/zlib.js';
export type { RasterLayout } from './deflate/deflate.js';
export {
  NIFTI1_HEADER_SIZE,
  NIFTI1_VOX_OFFSET,
  NIFTI_TYPE_UINT8,
  NIFTI_TYPE_RGB24,
  NIFTI_MAX_PIXELS,
} from './constants.js';

/**
 * Gzip compression of a finished `.nii` buffer.
 *
 * @module
 */
import { gzipRaster } from './deflate/gzip.js';

/**
 * Gzips `nii`, a complete `.nii` file whose voxel rows are `width` pixels of
 * `bytesPerPixel` bytes (match distances are relative, so the header needs no alignment). The encoder is tuned for images (see `deflate/`): on
 * PHAS's label masks and thumbnails it is smaller than gzip level 9 and several times
 * faster than fflate's. No file name, mtime 0: the output depends on the input only.
 */
export function gzipNifti(nii: Uint8Array, width: number, bytesPerPixel: 1 | 3): Uint8Array {
  return gzipRaster(nii, { bytesPerPixel, rowBytes: width * bytesPerPixel });
}

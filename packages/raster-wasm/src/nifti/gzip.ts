/**
 * Gzip compression of a finished `.nii` buffer.
 *
 * @module
 */
import { gzipSync } from 'fflate';

/**
 * Gzips `nii` (a complete `.nii` file). The gzip header carries no file name and a zero
 * modification time, so the output depends on the input only.
 */
export function gzipNifti(nii: Uint8Array): Uint8Array {
  return gzipSync(nii, { level: 9, mtime: 0 });
}

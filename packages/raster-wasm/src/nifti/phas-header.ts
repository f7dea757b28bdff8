/**
 * The header PHAS's NIfTI writer produces (protocol §6.4), optionally with an origin.
 *
 * @module
 */
import {
  NIFTI1_VOX_OFFSET,
  NIFTI_TYPE_RGB24,
  NIFTI_TYPE_UINT8,
  NIFTI_XFORM_ALIGNED_ANAT,
} from './constants.js';
import { emptyNiftiHeader, type NiftiHeader } from './header.js';

/** Voxel formats the encoder writes. */
export type NiftiVoxelFormat = 'uint8' | 'rgb24';

/**
 * Builds the header for a `width × height` image with in-plane voxel size `spacing`
 * (mm per pixel along x and y).
 *
 * Without `origin` it is exactly the PHAS server's header: `dim = [4, W, H, 1, 1, 1, 1, 1]`
 * for grey (UINT8) or `[3, W, H, 1, …]` for RGB24, `pixdim = [1, sx, sy, 1, …]`,
 * `qform_code` 0, `sform_code` 2, quaternion (0, 0, 1), sform `diag(−sx, −sy, 1)` with a
 * zero offset, `vox_offset` 352, `scl_slope` 1.
 *
 * With `origin = [ox, oy]` (the centre of pixel (0, 0), in the same slide-millimetre frame
 * in which pixel (i, j) lies at `(ox + i·sx, oy + j·sy)`), both the sform and the qform
 * (code 2, aligned) carry the offset `(−ox, −oy, 0)`: the affine keeps PHAS's x/y flip,
 * so voxel (i, j) maps to world `(−(ox + i·sx), −(oy + j·sy), 0)`.
 */
export function phasNiftiHeader(
  width: number,
  height: number,
  format: NiftiVoxelFormat,
  spacing: readonly [number, number],
  origin?: readonly [number, number],
): NiftiHeader {
  const [sx, sy] = spacing;
  const grey = format === 'uint8';
  const header = emptyNiftiHeader();
  header.dim = [grey ? 4 : 3, width, height, 1, 1, 1, 1, 1];
  header.datatype = grey ? NIFTI_TYPE_UINT8 : NIFTI_TYPE_RGB24;
  header.bitpix = grey ? 8 : 24;
  header.pixdim = [1, sx, sy, 1, 1, 1, 1, 1];
  header.voxOffset = NIFTI1_VOX_OFFSET;
  header.sclSlope = 1;
  header.sformCode = NIFTI_XFORM_ALIGNED_ANAT;
  header.quaternD = 1;
  // `0 - v` rather than `-v`, so that a zero origin is written as +0.0, not −0.0.
  const offsetX = origin ? 0 - origin[0] : 0;
  const offsetY = origin ? 0 - origin[1] : 0;
  header.srowX = [-sx, 0, 0, offsetX];
  header.srowY = [0, -sy, 0, offsetY];
  header.srowZ = [0, 0, 1, 0];
  if (origin) {
    header.qformCode = NIFTI_XFORM_ALIGNED_ANAT;
    header.qoffsetX = offsetX;
    header.qoffsetY = offsetY;
  }
  return header;
}

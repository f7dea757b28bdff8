/**
 * NIfTI-1 constants shared by the encoder and the decoder.
 *
 * @module
 */

/** `sizeof_hdr` of a NIfTI-1 header. */
export const NIFTI1_HEADER_SIZE = 348;

/**
 * Offset of the voxel data in a single-file (`n+1`) image written by PHAS and by
 * {@link encodeNifti}: the 348-byte header plus 4 zero "extension" bytes.
 */
export const NIFTI1_VOX_OFFSET = 352;

/** NIfTI `datatype` code of unsigned 8-bit voxels (`DT_UINT8`). */
export const NIFTI_TYPE_UINT8 = 2;

/** NIfTI `datatype` code of 24-bit `R,G,B` voxels (`DT_RGB24`). */
export const NIFTI_TYPE_RGB24 = 128;

/** NIfTI `qform_code` / `sform_code` value "aligned to something" (`NIFTI_XFORM_ALIGNED_ANAT`). */
export const NIFTI_XFORM_ALIGNED_ANAT = 2;

/** Largest image (width × height) {@link encodeNifti} and {@link decodeNifti} accept: 2^28 pixels. */
export const NIFTI_MAX_PIXELS = 2 ** 28;

/** Largest width or height a NIfTI-1 `dim` entry (int16) can hold. */
export const NIFTI1_MAX_DIM = 32767;

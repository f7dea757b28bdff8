/**
 * `encodeNifti`: writes a {@link RasterImage} as a single-file NIfTI-1 image.
 *
 * @module
 */
import type { RasterImage } from '../image.js';
import { dropAlpha } from './channels.js';
import { assertRasterImage } from './check-image.js';
import { NIFTI1_MAX_DIM, NIFTI1_VOX_OFFSET, NIFTI_MAX_PIXELS } from './constants.js';
import { gzipNifti } from './gzip.js';
import { writeNiftiHeader } from './header.js';
import { phasNiftiHeader } from './phas-header.js';

/** Options of {@link encodeNifti}. */
export interface EncodeNiftiOptions {
  /** Pixel size `[sx, sy]` along x and y (mm by PHAS convention); positive, finite. */
  spacing: readonly [number, number];
  /**
   * Centre of pixel (0, 0) in the slide frame, in the units of `spacing` (e.g. a tile's
   * top-left pixel `[x0 · mpp, y0 · mpp]`). When given, the sform and the qform both map
   * pixel (0, 0) there, with PHAS's x/y flip. When omitted the header is exactly the
   * PHAS server's (zero offset, qform_code 0).
   */
  origin?: readonly [number, number];
  /** Gzip the result (`.nii.gz`); default `true`. `false` gives a raw `.nii`. */
  gzip?: boolean;
}

function assertFloat32Pair(value: unknown, name: string, positive: boolean): asserts value is [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new TypeError(`${name} must be an array of two numbers`);
  }
  for (let i = 0; i < 2; i++) {
    const v: unknown = value[i];
    if (typeof v !== 'number') throw new TypeError(`${name}[${i}] must be a number, got ${typeof v}`);
    const stored = Math.fround(v);
    if (!Number.isFinite(stored) || (positive && !(stored > 0))) {
      throw new RangeError(`${name}[${i}] must be a ${positive ? 'positive ' : ''}finite float32 value, got ${v}`);
    }
  }
}

/** The voxel bytes of `image` in NIfTI order (which is the image's own row-major order). */
function copyVoxels(image: RasterImage, out: Uint8Array, at: number): void {
  if (image.channels === 4) dropAlpha(image.data, image.width * image.height, out, at);
  else out.set(image.data, at);
}

/**
 * Encodes `image` as a single-file NIfTI-1 image (`.nii.gz` by default), little-endian,
 * with the 352-byte header PHAS's server writes (protocol §6.4): 1-channel images as UINT8
 * (`dim[0]` 4), 3-channel as RGB24 (`dim[0]` 3). **4-channel (RGBA) images are written as
 * RGB24: the alpha channel is dropped.**
 *
 * Without `origin`, gunzipping the result gives a file byte-identical to the server's
 * for the same image and spacing. The gzip header has no name and mtime 0, so equal
 * inputs give equal bytes.
 *
 * @throws TypeError / RangeError for a malformed image (see {@link assertRasterImage}), a
 *   width or height above 32767 (NIfTI-1's int16 `dim`), more than 2^28 pixels, or a
 *   spacing / origin that is not finite (spacing also positive) in float32.
 * @example
 * ```ts
 * const mask = { width: 2000, height: 2000, channels: 1, data: new Uint8Array(4_000_000) } as const;
 * const niiGz = encodeNifti(mask, { spacing: [0.0162, 0.0162] });
 * const tile = encodeNifti(patch, { spacing: [mpp, mpp], origin: [x0 * mpp, y0 * mpp], gzip: false });
 * ```
 */
export function encodeNifti(image: RasterImage, options: EncodeNiftiOptions): Uint8Array {
  assertRasterImage(image);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('encodeNifti needs options with a spacing: encodeNifti(image, { spacing: [sx, sy] })');
  }
  const { spacing, origin, gzip = true } = options;
  assertFloat32Pair(spacing, 'spacing', true);
  if (origin !== undefined) assertFloat32Pair(origin, 'origin', false);
  const { width, height } = image;
  if (width > NIFTI1_MAX_DIM || height > NIFTI1_MAX_DIM) {
    throw new RangeError(`image ${width} × ${height} does not fit NIfTI-1: width and height must be at most ${NIFTI1_MAX_DIM}`);
  }
  if (width * height > NIFTI_MAX_PIXELS) {
    throw new RangeError(`image ${width} × ${height} exceeds the limit of 2^28 pixels`);
  }

  const channels = image.channels === 1 ? 1 : 3;
  const nii = new Uint8Array(NIFTI1_VOX_OFFSET + width * height * channels);
  const header = phasNiftiHeader(width, height, channels === 1 ? 'uint8' : 'rgb24', spacing, origin);
  writeNiftiHeader(new DataView(nii.buffer, 0, NIFTI1_VOX_OFFSET), header);
  copyVoxels(image, nii, NIFTI1_VOX_OFFSET);
  return gzip ? gzipNifti(nii, width, channels) : nii;
}
